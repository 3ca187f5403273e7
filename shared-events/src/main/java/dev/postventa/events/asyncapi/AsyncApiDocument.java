package dev.postventa.events.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.Money;
import dev.postventa.events.TopicOwners;
import dev.postventa.events.Topics;
import dev.postventa.events.storefront.ExchangeAnswer;
import dev.postventa.events.storefront.InventoryLevel;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the AsyncAPI 3.0.0 document of every topic from the contracts themselves: channels and operations from
 * {@link TopicOwners}, messages from {@link EventCatalog}, payload schemas from the records ({@link JsonSchemas}),
 * headers from what the outbox relay writes (CloudEvents 1.0, Kafka binary mode).
 *
 * <p>The document is committed as the classpath resource {@value #RESOURCE} of this module (served by every
 * service at {@code /q/asyncapi} on its management interface); {@code AsyncApiDocumentTest} fails when it differs
 * from what this class writes. To rewrite it, from the repository root:
 * {@code mvn -o -q -pl shared-events verify -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true}.
 */
public final class AsyncApiDocument {

    /** Where the document is on the classpath (in the shared-events jar). */
    public static final String RESOURCE = "META-INF/postventa/asyncapi.json";
    /** The committed source of {@link #RESOURCE}, relative to the shared-events module directory. */
    public static final String SOURCE_FILE = "src/main/resources/" + RESOURCE;
    public static final String ASYNCAPI_VERSION = "3.0.0";
    /** The Kafka bindings' version this document follows. */
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    /** The message id of the storefront's order events (they have no {@code ce_type}). */
    public static final String STOREFRONT_MESSAGE = "storefront.order";

    /**
     * One inbound message the storefront writes (plain JSON, no CloudEvents headers): its id in the document, its
     * record, what it says and, for a record with a {@code type} field, the values the contract allows.
     */
    public record InboundMessage(String id, String topic, Class<?> payload, String summary, String description,
                                 List<String> types) {
    }

    /** The storefront's messages, one per inbound topic. */
    public static final List<InboundMessage> INBOUND = List.of(
            new InboundMessage(STOREFRONT_MESSAGE, Topics.STOREFRONT_ORDERS, StorefrontOrderEvent.class,
                    "The storefront's order snapshot changed (placed, delivered or cancelled).",
                    "Plain JSON, no CloudEvents headers. Every event carries the full order snapshot; eventId is unique "
                            + "per event and stable across re-sends (returns-service deduplicates on it); delivery and "
                            + "cancellation are sticky once seen. See shared-events/README.md, 'Storefront inbound "
                            + "contract'.",
                    List.of(StorefrontOrderEvent.ORDER_PLACED, StorefrontOrderEvent.ORDER_DELIVERED,
                            StorefrontOrderEvent.ORDER_CANCELLED)),
            new InboundMessage("storefront.inventory-level", Topics.STOREFRONT_INVENTORY, InventoryLevel.class,
                    "The stock and price of one SKU now (a full level, not a delta).",
                    "Plain JSON, no CloudEvents headers. A level whose updatedAt (the storefront's clock) is not later "
                            + "than the one returns-service holds for the SKU is ignored, so duplicates and reorderings "
                            + "are harmless. Exchanges offer only SKUs with available > 0. See shared-events/README.md, "
                            + "'Inventory inbound contract'.",
                    List.of()),
            new InboundMessage("storefront.exchange-answer", Topics.STOREFRONT_EXCHANGES, ExchangeAnswer.class,
                    "The storefront reserved (or could not reserve) the replacement an ExchangeRequested asked for.",
                    "Plain JSON, no CloudEvents headers. Deduplicated on eventId; the first answer for a return's line "
                            + "wins. See shared-events/README.md, 'Exchange answers inbound contract'.",
                    List.of(ExchangeAnswer.RESERVED, ExchangeAnswer.REJECTED)));

    /** The inbound message of a storefront record class; {@link IllegalArgumentException} for any other class. */
    public static InboundMessage inboundOf(Class<?> payload) {
        return INBOUND.stream().filter(m -> m.payload().equals(payload)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an inbound storefront message: " + payload));
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String CHANNEL_REF = "#/channels/";
    private static final String MESSAGE_REF = "#/components/messages/";

    private AsyncApiDocument() {
    }

    /** Writes the document to {@code args[0]}, or to {@link #SOURCE_FILE} under the working directory. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : SOURCE_FILE);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, render(), StandardCharsets.UTF_8);
    }

    /** The document as committed: two-space indented JSON, {@code \n} line ends, a final newline. */
    public static String render() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(build()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as a JSON tree. */
    public static ObjectNode build() {
        JsonSchemas schemas = new JsonSchemas();
        ObjectNode document = JSON.objectNode().put("asyncapi", ASYNCAPI_VERSION);
        ObjectNode info = document.putObject("info");
        info.put("title", "Postventa events");
        info.put("version", contractVersion());
        info.put("description", """
                Every topic of the Postventa returns platform. Records on postventa.* topics are CloudEvents 1.0 in \
                Kafka binary mode, written by the emitting service's transactional outbox: the value is the JSON \
                payload, the ce_* headers the envelope, the key the aggregate id (one aggregate's events stay in order \
                on one partition). Delivery is at least once: consumers deduplicate on ce_id. storefront.orders, \
                storefront.inventory and storefront.exchanges are the inbound contracts, plain JSON written by the \
                storefront. Payload rules: money is \
                {"amount": "1299.00", "currency": "MXN"} with the amount a JSON string holding a plain decimal; times \
                are UTC ISO-8601 instants ending in Z; every field is written, null when absent, and only fields whose \
                schema allows null may be null. Consumers ignore unknown fields and skip unknown event types; within a \
                type's version (.v1) changes are additive only. Dead letters go to postventa.dlq.<service> (not \
                described here). Generated from the shared-events contracts; see shared-events/README.md.""");
        document.put("defaultContentType", "application/json");

        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode messages = JSON.objectNode();
        for (TopicOwners.Declaration topic : TopicOwners.all()) {
            List<String> messageIds = new ArrayList<>();
            if (topic.cloudEvents()) {
                EventCatalog.entries().values().stream().filter(e -> e.topic().equals(topic.topic())).forEach(entry -> {
                    messages.set(entry.type(), cloudEventMessage(entry, topic, schemas));
                    messageIds.add(entry.type());
                });
            } else {
                INBOUND.stream().filter(m -> m.topic().equals(topic.topic())).forEach(inbound -> {
                    messages.set(inbound.id(), storefrontMessage(inbound, topic, schemas));
                    messageIds.add(inbound.id());
                });
            }
            channels.set(topic.topic(), channel(topic, messageIds));
            operations.set(topic.producer() + ".send." + topic.topic(), operation("send", topic, messageIds,
                    topic.producer() + (topic.cloudEvents() ? " publishes these events through its transactional outbox."
                            : " (outside the platform) publishes these messages as plain JSON.")));
            for (String consumer : topic.consumers()) {
                ObjectNode receive = operation("receive", topic, messageIds, consumer
                        + " consumes the topic (consumer group " + consumer + ") and skips the types it has no use for.");
                ObjectNode groupId = JSON.objectNode().put("type", "string");
                groupId.putArray("enum").add(consumer);
                receive.putObject("bindings").putObject("kafka")
                        .<ObjectNode>set("groupId", groupId)
                        .put("bindingVersion", KAFKA_BINDING_VERSION);
                operations.set(consumer + ".receive." + topic.topic(), receive);
            }
        }
        describeMoney(schemas.schemaOf(Money.class));
        ObjectNode components = document.putObject("components");
        components.set("messages", messages);
        components.set("schemas", schemas.definitions());
        return document;
    }

    /** The highest {@code .vN} of the catalogued types: the major version of the contracts. */
    static String contractVersion() {
        return String.valueOf(EventCatalog.entries().keySet().stream()
                .mapToInt(type -> Integer.parseInt(type.substring(type.lastIndexOf(".v") + 2))).max().orElse(1));
    }

    private static ObjectNode channel(TopicOwners.Declaration topic, List<String> messageIds) {
        ObjectNode channel = JSON.objectNode().put("address", topic.topic());
        channel.put("description", "Key: the " + topic.key() + ". Written by " + topic.producer() + "; read by "
                + (topic.consumers().isEmpty() ? "no platform service yet" : String.join(", ", topic.consumers()))
                + ".");
        ObjectNode refs = channel.putObject("messages");
        messageIds.forEach(id -> refs.putObject(id).put("$ref", MESSAGE_REF + id));
        channel.putObject("bindings").putObject("kafka")
                .put("topic", topic.topic())
                .put("bindingVersion", KAFKA_BINDING_VERSION);
        return channel;
    }

    private static ObjectNode operation(String action, TopicOwners.Declaration topic, List<String> messageIds,
                                        String summary) {
        ObjectNode operation = JSON.objectNode().put("action", action);
        operation.putObject("channel").put("$ref", CHANNEL_REF + topic.topic());
        operation.put("summary", summary);
        ArrayNode refs = operation.putArray("messages");
        messageIds.forEach(id -> refs.addObject().put("$ref", CHANNEL_REF + topic.topic() + "/messages/" + id));
        return operation;
    }

    private static ObjectNode cloudEventMessage(EventCatalog.Entry entry, TopicOwners.Declaration topic,
                                                JsonSchemas schemas) {
        ObjectNode message = JSON.objectNode().put("name", entry.type());
        message.put("title", entry.eventClass().getSimpleName());
        message.put("summary", entry.description());
        message.put("contentType", "application/json");
        ObjectNode headers = message.putObject("headers").put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.set("ce_id", header("string", "uuid", null,
                "The outbox row id: unique per event, the same on every redelivery. Consumers deduplicate on it."));
        properties.set("ce_type", header("string", null, entry.type(), "The event type (EventCatalog)."));
        properties.set("ce_source", header("string", null, topic.producer(),
                "The emitting service's postventa.service-name."));
        properties.set("ce_specversion", header("string", null, "1.0", "CloudEvents version."));
        properties.set("ce_time", header("string", "date-time", null,
                "When the event was written to the outbox, UTC (RFC 3339)."));
        properties.set("ce_subject", header("string", "uuid", null, "The aggregate id, the same as the Kafka key."));
        properties.set("content-type", header("string", null, "application/json", "The payload's media type."));
        ArrayNode required = headers.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        message.set("payload", schemas.refTo(entry.eventClass()));
        message.set("bindings", keyBinding(topic));
        return message;
    }

    private static ObjectNode storefrontMessage(InboundMessage inbound, TopicOwners.Declaration topic,
                                                JsonSchemas schemas) {
        ObjectNode message = JSON.objectNode().put("name", inbound.id());
        message.put("title", inbound.payload().getSimpleName());
        message.put("summary", inbound.summary());
        message.put("description", inbound.description());
        message.put("contentType", "application/json");
        message.set("payload", schemas.refTo(inbound.payload()));
        if (!inbound.types().isEmpty()) {
            // The record holds the type as text; the contract allows these values only.
            ArrayNode allowed = ((ObjectNode) schemas.schemaOf(inbound.payload()).path("properties").path("type"))
                    .putArray("enum");
            inbound.types().forEach(allowed::add);
        }
        message.set("bindings", keyBinding(topic));
        return message;
    }

    /** What {@link Money}'s constructor and EventJson add to its record shape. */
    private static void describeMoney(ObjectNode money) {
        money.put("description", "An amount of money: the amount a JSON string holding a plain decimal (never a number, "
                + "never an exponent), the scale as written; the currency an upper-case ISO 4217 code.");
        ((ObjectNode) money.path("properties").path("currency")).put("pattern", "^[A-Z]{3}$");
    }

    private static ObjectNode keyBinding(TopicOwners.Declaration topic) {
        ObjectNode bindings = JSON.objectNode();
        ObjectNode kafka = bindings.putObject("kafka");
        ObjectNode key = kafka.putObject("key").put("type", "string");
        if (topic.uuidKey()) {
            key.put("format", "uuid");
        }
        key.put("description", "The " + topic.key() + ".");
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return bindings;
    }

    private static ObjectNode header(String type, String format, String constant, String description) {
        ObjectNode header = JSON.objectNode().put("type", type);
        if (format != null) {
            header.put("format", format);
        }
        if (constant != null) {
            header.put("const", constant);
        }
        return header.put("description", description);
    }
}
