package dev.postventa.support.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** How a dead-letter record is named and shown to operators, without a broker. */
class DeadLettersTest {

    @Test
    void anIdIsPartitionDashOffsetAndAnythingElseIsABadRequest() {
        assertThat(DeadLetterId.parse("2-42")).isEqualTo(new DeadLetterId(2, 42));
        assertThat(DeadLetterId.parse("2-42")).hasToString("2-42");
        for (String bad : new String[] {null, "", "abc", "2", "-1-3", "2-", "1-2-3", "99999999999-1"}) {
            assertThatThrownBy(() -> DeadLetterId.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void aRecordIsShownWithSmallRyesHeadersAndItsTextPayload() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes("cannot decode"));
        headers.add("dead-letter-cause", bytes("unexpected end"));
        headers.add("dead-letter-topic", bytes("storefront.orders"));
        headers.add("dead-letter-partition", bytes("1"));
        headers.add("dead-letter-offset", bytes("77"));
        ConsumerRecord<byte[], byte[]> record = record(bytes("MX-1"), bytes("{not json"), headers);

        DeadLetterView view = DeadLetters.view(record, DeadLetterState.NEW);

        assertThat(view).isEqualTo(new DeadLetterView("0-5", "MX-1", "cannot decode", "unexpected end",
                "storefront.orders", 1, 77L, Instant.ofEpochMilli(1_000), "{not json", "utf-8",
                DeadLetterState.NEW));
    }

    @Test
    void aPayloadThatIsNotUtf8IsShownAsBase64AndMissingHeadersAsNull() {
        byte[] binary = {(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF};
        DeadLetterView view = DeadLetters.view(record(null, binary, new RecordHeaders()), DeadLetterState.PARKED);

        assertThat(view.payload()).isEqualTo(Base64.getEncoder().encodeToString(binary));
        assertThat(view.payloadEncoding()).isEqualTo("base64");
        assertThat(view.key()).isNull();
        assertThat(view.reason()).isNull();
        assertThat(view.originalTopic()).isNull();
        assertThat(view.originalPartition()).isNull();
        assertThat(view.state()).isEqualTo(DeadLetterState.PARKED);
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>("postventa.dlq.test", 0, 5, 1_000, TimestampType.CREATE_TIME,
                key == null ? -1 : key.length, value.length, key, value, headers, Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
