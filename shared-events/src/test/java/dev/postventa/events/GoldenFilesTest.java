package dev.postventa.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every contract's JSON is pinned by a golden file: a change that breaks consumers breaks this test first. */
class GoldenFilesTest {

    static Stream<Arguments> samples() {
        return EventSamples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void javaObjectSerialisesToItsGoldenFile(String name, Object sample) throws IOException {
        assertThat(EventJson.mapper().readTree(EventJson.toBytes(sample))).isEqualTo(golden(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void goldenFileDeserialisesToTheSameObject(String name, Object sample) throws IOException {
        Object parsed = EventJson.fromBytes(EventJson.mapper().writeValueAsBytes(golden(name)), sample.getClass());
        assertThat(parsed).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void moneyIsADecimalStringAndTimesAreUtcInstants(String name, Object sample) throws IOException {
        String json = new String(EventJson.toBytes(sample));
        assertThat(json).doesNotContainPattern("\"amount\":\\s*[0-9]");
        assertThat(json).containsPattern("\"[a-zA-Z]+At\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"");
        assertThat(json).doesNotContain("\"aggregateId\"", "\"eventType\"", "\"topic\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aFieldAddedByANewerProducerIsIgnored(String name, Object sample) throws IOException {
        ObjectNode newer = (ObjectNode) golden(name);
        newer.put("addedInAMinorVersion", "ignored by older consumers");
        assertThat(EventJson.fromBytes(EventJson.mapper().writeValueAsBytes(newer), sample.getClass())).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void goldenFileReadAndWrittenBackIsUnchanged(String name, Object sample) throws IOException {
        JsonNode golden = golden(name);
        Object parsed = EventJson.fromBytes(EventJson.mapper().writeValueAsBytes(golden), sample.getClass());
        assertThat(EventJson.mapper().readTree(EventJson.toBytes(parsed))).isEqualTo(golden);
    }

    /** Checked on the tree, so every nested amount counts, not only the first one a regex happens to meet. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyAmountIsADecimalStringWithAnIsoCurrency(String name, Object sample) throws IOException {
        List<JsonNode> moneys = new ArrayList<>();
        visit(golden(name), (field, node) -> {
            // Money's own "amount" (a scalar), not RefundIssued's "amount" (a Money object).
            if (field.equals("amount") && !node.isObject()) {
                moneys.add(node);
            }
        });
        assertThat(moneys).allSatisfy(amount -> {
            assertThat(amount.isTextual()).as("amount %s is a JSON string", amount).isTrue();
            assertThat(amount.asText()).matches("-?\\d+\\.\\d{2}");
        });
        visit(golden(name), (field, node) -> {
            if (field.equals("currency")) {
                assertThat(node.asText()).matches("[A-Z]{3}");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyTimeIsAnIso8601UtcString(String name, Object sample) throws IOException {
        List<JsonNode> times = new ArrayList<>();
        visit(golden(name), (field, node) -> {
            if (field.endsWith("At") && !node.isNull()) {
                times.add(node);
            }
        });
        assertThat(times).as("times in %s", name).isNotEmpty().allSatisfy(time -> {
            assertThat(time.isTextual()).as("%s is a JSON string", time).isTrue();
            assertThat(time.asText()).endsWith("Z");
            assertThat(Instant.parse(time.asText())).isNotNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void routingMetadataAndDerivedValuesStayOutOfThePayload(String name, Object sample) {
        Set<String> fields = new HashSet<>();
        visit(EventJson.mapper().valueToTree(sample), (field, node) -> fields.add(field));
        // aggregateId/eventType/topic travel as key and headers; ReturnedLine#total is derived, not a field.
        assertThat(fields).doesNotContain("aggregateId", "eventType", "topic", "total");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void unknownFieldsAreIgnoredAtEveryLevel(String name, Object sample) throws IOException {
        JsonNode newer = golden(name);
        List<ObjectNode> objects = new ArrayList<>();
        objects.add((ObjectNode) newer);
        visit(newer, (field, node) -> {
            if (node.isObject()) {
                objects.add((ObjectNode) node);
            }
        });
        objects.forEach(object -> object.putObject("extension").put("since", "v1.1"));
        assertThat(EventJson.fromBytes(EventJson.mapper().writeValueAsBytes(newer), sample.getClass())).isEqualTo(sample);
    }

    @Test
    void everyGoldenFileHasASampleAndEveryEventTypeAGoldenFile() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenFilesTest.class.getResource("/golden").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()))
                    .isEqualTo(EventSamples.all().keySet().stream().map(n -> n + ".json").collect(Collectors.toSet()));
        }
        assertThat(EventSamples.all().keySet()).containsAll(EventCatalog.types().keySet());
        assertThat(EventSamples.all().values()).filteredOn(StorefrontOrderEvent.class::isInstance)
                .extracting(s -> ((StorefrontOrderEvent) s).type())
                // Every storefront type has a golden file; order.delivered has two (a customer's, a guest's).
                .containsOnly(StorefrontOrderEvent.ORDER_PLACED, StorefrontOrderEvent.ORDER_DELIVERED,
                        StorefrontOrderEvent.ORDER_CANCELLED);
    }

    @Test
    void malformedJsonIsUndecodable() {
        assertThatThrownBy(() -> EventJson.fromBytes("{\"returnId\": 42".getBytes(),
                dev.postventa.events.returns.ReturnRequested.class))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("ReturnRequested");
    }

    @Test
    void everyDomainEventNamesAKnownTopicAndItsOwnType() {
        Map<String, Object> samples = EventSamples.all();
        samples.forEach((name, sample) -> {
            if (sample instanceof DomainEvent event) {
                assertThat(event.eventType()).isEqualTo(name);
                assertThat(event.topic()).isIn(Topics.RETURNS, Topics.SHIPMENTS, Topics.REFUNDS, Topics.STORE_CREDIT,
                        Topics.NOTIFICATIONS);
                assertThat(event.aggregateId()).isNotBlank();
            }
        });
        assertThat(samples.values().stream().filter(DomainEvent.class::isInstance)).hasSize(EventCatalog.entries().size());
    }

    /** Calls {@code visitor(fieldName, value)} for every field of every object below {@code node}. */
    static void visit(JsonNode node, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                visitor.accept(field.getKey(), field.getValue());
                visit(field.getValue(), visitor);
            });
        } else if (node.isArray()) {
            node.forEach(element -> visit(element, visitor));
        }
    }

    static JsonNode golden(String name) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name + ".json")) {
            assertThat(in).as("golden file golden/%s.json", name).isNotNull();
            return EventJson.mapper().readTree(in);
        }
    }
}
