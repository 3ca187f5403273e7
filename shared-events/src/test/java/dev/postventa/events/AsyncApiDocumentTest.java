package dev.postventa.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postventa.events.asyncapi.AsyncApiDocument;
import dev.postventa.events.returns.ReturnApproved;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document cannot drift: the committed file is what the generator writes from the contracts, every
 * catalogued type and topic is in it, every golden sample matches its message's schema, and who produces and
 * consumes each topic agrees with the services' own messaging settings.
 */
class AsyncApiDocumentTest {

    private static final JsonNode DOCUMENT = AsyncApiDocument.build();

    @Test
    void committedDocumentIsWhatTheGeneratorWrites() throws IOException {
        Path committed = Path.of(AsyncApiDocument.SOURCE_FILE);
        String generated = AsyncApiDocument.render();
        if (Boolean.getBoolean("asyncapi.write")) {
            AsyncApiDocument.main(new String[] {committed.toString()});
            return; // target/classes still holds the old copy until the next build
        }
        assertThat(Files.exists(committed) ? Files.readString(committed) : "")
                .as("shared-events/%s is out of date with the event records; rewrite it with: mvn -o -q -pl shared-events "
                        + "verify -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true", AsyncApiDocument.SOURCE_FILE)
                .isEqualTo(generated);
        // And the jar carries the same document (what the services serve).
        try (InputStream resource = getClass().getClassLoader().getResourceAsStream(AsyncApiDocument.RESOURCE)) {
            assertThat(resource).as(AsyncApiDocument.RESOURCE + " on the classpath").isNotNull();
            assertThat(new String(resource.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(generated);
        }
    }

    @Test
    void isAnAsyncApi3DocumentOfThePostventaEvents() {
        assertThat(DOCUMENT.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(DOCUMENT.path("info").path("title").asText()).isEqualTo("Postventa events");
        assertThat(DOCUMENT.path("info").path("version").asText()).isEqualTo("1");
        assertThat(DOCUMENT.path("defaultContentType").asText()).isEqualTo("application/json");
        // Ids of channels, operations and components: the pattern AsyncAPI 3.0.0 allows for component keys.
        Stream.of(DOCUMENT.path("channels"), DOCUMENT.path("operations"), DOCUMENT.path("components").path("messages"),
                DOCUMENT.path("components").path("schemas")).forEach(map -> map.fieldNames()
                .forEachRemaining(id -> assertThat(id).matches("^[\\w.\\-]+$")));
        // Every $ref points at something in the document.
        refs(DOCUMENT).forEach(ref -> assertThat(resolve(ref).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void everyCatalogueTypeHasAMessageWithItsHeadersKeyAndPayloadOnItsTopic() {
        EventCatalog.entries().forEach((type, entry) -> {
            JsonNode message = DOCUMENT.path("components").path("messages").path(type);
            assertThat(message.path("name").asText()).as(type).isEqualTo(type);
            assertThat(message.path("summary").asText()).as(type).isNotBlank();
            JsonNode headers = message.path("headers").path("properties");
            assertThat(headers.path("ce_type").path("const").asText()).isEqualTo(type);
            assertThat(headers.path("ce_source").path("const").asText())
                    .isEqualTo(TopicOwners.of(entry.topic()).producer());
            assertThat(fieldNames(headers)).containsExactlyInAnyOrder("ce_id", "ce_type", "ce_source",
                    "ce_specversion", "ce_time", "ce_subject", "content-type");
            assertThat(message.path("bindings").path("kafka").path("key").path("format").asText()).isEqualTo("uuid");
            assertThat(message.path("payload").path("$ref").asText())
                    .isEqualTo("#/components/schemas/" + entry.eventClass().getSimpleName());
            assertThat(DOCUMENT.path("channels").path(entry.topic()).path("messages").path(type).path("$ref").asText())
                    .isEqualTo("#/components/messages/" + type);
        });
        JsonNode storefront = DOCUMENT.path("components").path("messages").path(AsyncApiDocument.STOREFRONT_MESSAGE);
        assertThat(storefront.has("headers")).as("storefront events carry no CloudEvents headers").isFalse();
        assertThat(storefront.path("bindings").path("kafka").path("key").has("format")).isFalse();
        assertThat(fieldNames(DOCUMENT.path("components").path("messages")))
                .hasSize(EventCatalog.entries().size() + AsyncApiDocument.INBOUND.size());
    }

    @Test
    void everyTopicHasAChannelWithItsProducersSendAndEachConsumersReceive() throws Exception {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        assertThat(fieldNames(DOCUMENT.path("channels"))).containsExactlyInAnyOrderElementsOf(topics);
        for (String topic : topics) {
            TopicOwners.Declaration declaration = TopicOwners.of(topic);
            assertThat(DOCUMENT.path("channels").path(topic).path("address").asText()).isEqualTo(topic);
            List<String> senders = new ArrayList<>();
            List<String> receivers = new ArrayList<>();
            DOCUMENT.path("operations").fields().forEachRemaining(op -> {
                if (op.getValue().path("channel").path("$ref").asText().equals("#/channels/" + topic)) {
                    String service = op.getKey().substring(0, op.getKey().indexOf('.'));
                    (op.getValue().path("action").asText().equals("send") ? senders : receivers).add(service);
                    assertThat(op.getValue().path("messages")).as(op.getKey()).hasSize(
                            DOCUMENT.path("channels").path(topic).path("messages").size());
                }
            });
            assertThat(senders).as(topic).containsExactly(declaration.producer());
            assertThat(receivers).as(topic).containsExactlyInAnyOrderElementsOf(declaration.consumers());
        }
    }

    /**
     * The declaration of who reads what is checked against the services' own settings, read from the repository:
     * a consumer added to a service's application.properties without being declared fails here.
     */
    @Test
    void topicOwnersAgreeWithTheServicesMessagingSettings() throws IOException {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Set<String> serviceDirs = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(repository)) {
            dirs.filter(dir -> Files.exists(dir.resolve("src/main/resources/application.properties")))
                    .filter(dir -> dir.getFileName().toString().endsWith("-service"))
                    .forEach(dir -> serviceDirs.add(dir.getFileName().toString()));
        }
        assertThat(serviceDirs).as("services in " + repository).containsExactlyElementsOf(TopicOwners.services());
        for (String service : serviceDirs) {
            Properties settings = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    repository.resolve(service).resolve("src/main/resources/application.properties"))) {
                settings.load(reader);
            }
            assertThat(settings.getProperty("postventa.service-name")).isEqualTo(service);
            Set<String> incoming = new TreeSet<>();
            Set<String> outgoing = new TreeSet<>();
            for (String key : settings.stringPropertyNames()) {
                Set<String> into = key.startsWith("mp.messaging.incoming.") ? incoming
                        : key.startsWith("mp.messaging.outgoing.") ? outgoing : null;
                if (into != null && (key.endsWith(".topic") || key.endsWith(".topics"))) {
                    Arrays.stream(settings.getProperty(key).split(",")).map(String::trim).forEach(into::add);
                }
            }
            assertThat(incoming).as(service + " consumes").isEqualTo(TopicOwners.consumedBy(service));
            // Events leave through the outbox, never through a messaging channel: a channel would be a second writer.
            assertThat(outgoing).as(service + " writes to Kafka channels").isEmpty();
        }
        // Each platform topic is written by the service whose outbox emits its catalogued events.
        EventCatalog.entries().values().forEach(entry -> assertThat(TopicOwners.of(entry.topic()).producer())
                .as(entry.type()).isEqualTo(Map.of(Topics.RETURNS, "returns-service", Topics.SHIPMENTS,
                        "tracking-service", Topics.REFUNDS, "refund-service", Topics.STORE_CREDIT, "refund-service",
                        Topics.NOTIFICATIONS,
                        "notification-service").get(entry.topic())));
    }

    /** Every golden sample, written by EventJson, is valid against its message's payload schema. */
    @Test
    void everySampleMatchesItsMessageSchema() {
        Map<String, Object> samples = EventSamples.all();
        Set<String> covered = new HashSet<>();
        samples.forEach((name, sample) -> {
            String messageId = sample instanceof DomainEvent event ? event.eventType()
                    : AsyncApiDocument.inboundOf(sample.getClass()).id();
            covered.add(messageId);
            JsonNode json = EventJson.mapper().valueToTree(sample);
            JsonNode schema = DOCUMENT.path("components").path("messages").path(messageId).path("payload");
            assertThat(violations(json, schema, "$")).as(name).isEmpty();
        });
        assertThat(covered).containsExactlyInAnyOrderElementsOf(fieldNames(DOCUMENT.path("components").path("messages")));
    }

    /** The check above can fail: a null where the contract wants a value, a missing or a mistyped field. */
    @Test
    void schemasRejectWhatTheContractForbids() {
        JsonNode schema = DOCUMENT.path("components").path("messages")
                .path(EventCatalog.typeOf(ReturnApproved.class)).path("payload");
        ReturnApproved approved = new ReturnApproved(UUID.randomUUID(), "MX-1", "RMA-1", EventSamples.ANA,
                EventSamples.LINES, Instant.parse("2026-11-20T15:30:00Z"));
        ObjectNode nullRma = EventJson.mapper().valueToTree(approved);
        nullRma.putNull("rmaNumber");
        assertThat(violations(nullRma, schema, "$")).containsExactly("$.rmaNumber: null where string is required");
        ObjectNode numericAmount = EventJson.mapper().valueToTree(approved);
        ((ObjectNode) numericAmount.path("lines").path(0).path("unitPrice")).put("amount", 499.9);
        assertThat(violations(numericAmount, schema, "$")).isNotEmpty();
        ObjectNode renamed = EventJson.mapper().valueToTree(approved);
        renamed.set("approvedOn", renamed.remove("approvedAt"));
        assertThat(violations(renamed, schema, "$")).contains("$: missing approvedAt", "$: unexpected field approvedOn");
        ObjectNode guest = EventJson.mapper().valueToTree(approved);
        ((ObjectNode) guest.path("customer")).putNull("customerId");
        assertThat(violations(guest, schema, "$")).as("a guest checkout has no customer id").isEmpty();
    }

    // A small structural check of the schema subset the generator writes (type, format, enum, const, pattern,
    // properties, required, items, oneOf, $ref): no validator library or the official meta-schema is available
    // offline, and this is all the document uses.
    private static List<String> violations(JsonNode value, JsonNode schema, String at) {
        List<String> found = new ArrayList<>();
        if (schema.has("$ref")) {
            return violations(value, resolve(schema.path("$ref").asText()), at);
        }
        if (schema.has("oneOf")) {
            long matching = 0;
            for (JsonNode option : schema.path("oneOf")) {
                matching += violations(value, option, at).isEmpty() ? 1 : 0;
            }
            return matching == 1 ? found : List.of(at + ": matches " + matching + " of oneOf");
        }
        List<String> types = new ArrayList<>();
        schema.path("type").forEach(t -> types.add(t.asText()));
        if (schema.path("type").isTextual()) {
            types.add(schema.path("type").asText());
        }
        if (value.isNull()) {
            return types.contains("null") ? found : List.of(at + ": null where " + types.get(0) + " is required");
        }
        String type = value.isTextual() ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object";
        if (!types.contains(type) && !(type.equals("integer") && types.contains("number"))) {
            return List.of(at + ": " + type + " where " + types + " is required");
        }
        if (schema.has("const") && !schema.path("const").equals(value)) {
            found.add(at + ": not " + schema.path("const"));
        }
        if (schema.has("enum") && Stream.iterate(0, i -> i < schema.path("enum").size(), i -> i + 1)
                .noneMatch(i -> schema.path("enum").get(i).equals(value))) {
            found.add(at + ": " + value + " not in " + schema.path("enum"));
        }
        if (schema.has("pattern") && !value.asText().matches(schema.path("pattern").asText())) {
            found.add(at + ": " + value + " does not match " + schema.path("pattern").asText());
        }
        String format = schema.path("format").asText();
        try {
            switch (format) {
                case "uuid" -> UUID.fromString(value.asText());
                case "date-time" -> Instant.parse(value.asText());
                default -> { }
            }
        } catch (RuntimeException e) {
            found.add(at + ": " + value + " is not a " + format);
        }
        if (type.equals("array")) {
            for (int i = 0; i < value.size(); i++) {
                found.addAll(violations(value.get(i), schema.path("items"), at + "[" + i + "]"));
            }
        }
        if (type.equals("object") && schema.has("properties")) {
            Map<String, JsonNode> properties = new TreeMap<>();
            schema.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    found.add(at + ": missing " + r.asText());
                }
            });
            value.fieldNames().forEachRemaining(name -> {
                if (!properties.containsKey(name)) {
                    found.add(at + ": unexpected field " + name);
                }
            });
            properties.forEach((name, property) -> {
                if (value.has(name)) {
                    found.addAll(violations(value.get(name), property, at + "." + name));
                }
            });
        }
        return found;
    }

    private static JsonNode resolve(String ref) {
        assertThat(ref).startsWith("#/");
        return DOCUMENT.at(ref.substring(1));
    }

    private static List<String> refs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.has("$ref")) {
            refs.add(node.path("$ref").asText());
        }
        node.forEach(child -> refs.addAll(refs(child)));
        return refs;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
