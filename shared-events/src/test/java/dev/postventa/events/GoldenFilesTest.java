package dev.postventa.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

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
                assertThat(event.topic()).isIn(Topics.RETURNS, Topics.SHIPMENTS, Topics.REFUNDS, Topics.NOTIFICATIONS);
                assertThat(event.aggregateId()).isNotBlank();
            }
        });
        assertThat(samples.values().stream().filter(DomainEvent.class::isInstance)).hasSize(9);
    }

    static JsonNode golden(String name) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name + ".json")) {
            assertThat(in).as("golden file golden/%s.json", name).isNotNull();
            return EventJson.mapper().readTree(in);
        }
    }
}
