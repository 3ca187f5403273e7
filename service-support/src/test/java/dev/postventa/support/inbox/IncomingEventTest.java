package dev.postventa.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.EventJson;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.returns.ReturnApproved;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncomingEventTest {

    @Test
    void aCloudEventsBinaryRecordIsRead() {
        IncomingEvent event = IncomingEvent.from(InboundRecords.approved());

        assertThat(event.id()).isEqualTo(InboundRecords.EVENT_ID);
        assertThat(event.type()).isEqualTo("postventa.return.approved.v1");
        assertThat(event.source()).isEqualTo("returns-service");
        assertThat(event.subject()).isEqualTo(InboundRecords.APPROVED.aggregateId());
        assertThat(event.payload()).isEqualTo(EventJson.toBytes(InboundRecords.APPROVED));
    }

    @Test
    void thePayloadDecodesIntoItsRecord() {
        IncomingEvent event = IncomingEvent.from(InboundRecords.approved());

        assertThat(event.payloadAs(ReturnApproved.class)).isEqualTo(InboundRecords.APPROVED);
    }

    @Test
    void aPayloadThatIsNotTheRecordsJsonIsUndecodable() {
        IncomingEvent event = IncomingEvent.from(InboundRecords.record(InboundRecords.approvedHeaders(),
                "{\"returnId\": 42".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> event.payloadAs(ReturnApproved.class))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("ReturnApproved");
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsUndecodable() {
        var plain = InboundRecords.record(Map.of("content-type", "application/json"),
                EventJson.toBytes(InboundRecords.APPROVED));

        assertThatThrownBy(() -> IncomingEvent.from(plain))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageStartingWith("record postventa.returns/2@17 is not a CloudEvent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_type", "ce_source"})
    void aRecordMissingARequiredAttributeIsUndecodable(String header) {
        Map<String, String> headers = InboundRecords.approvedHeaders();
        headers.remove(header);

        assertThatThrownBy(() -> IncomingEvent.from(InboundRecords.record(headers,
                EventJson.toBytes(InboundRecords.APPROVED))))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("is not a CloudEvent");
    }

    @Test
    void aRecordOfAnUnknownSpecVersionIsUndecodable() {
        Map<String, String> headers = InboundRecords.approvedHeaders();
        headers.put("ce_specversion", "0.9");

        assertThatThrownBy(() -> IncomingEvent.from(InboundRecords.record(headers,
                EventJson.toBytes(InboundRecords.APPROVED))))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("is not a CloudEvent");
    }

    @Test
    void anEventWithoutPayloadIsUndecodable() {
        assertThatThrownBy(() -> IncomingEvent.from(InboundRecords.record(InboundRecords.approvedHeaders(), null)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessage("event " + InboundRecords.EVENT_ID + " has no payload");
    }

    @Test
    void anEventWithAnEmptyPayloadIsUndecodable() {
        assertThatThrownBy(() -> IncomingEvent.from(InboundRecords.record(InboundRecords.approvedHeaders(),
                new byte[0])))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessage("event " + InboundRecords.EVENT_ID + " has no payload");
    }
}
