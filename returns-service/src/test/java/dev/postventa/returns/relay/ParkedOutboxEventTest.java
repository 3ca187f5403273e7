package dev.postventa.returns.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.postventa.events.Topics;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * §4.5: an outbox event Kafka refuses forever (here larger than the broker and the producer accept) is parked with
 * its reason and counted; the relay does not loop on it and the events written after it still reach Kafka.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class ParkedOutboxEventTest extends RelayTestSupport {

    @Test
    void anEventKafkaRefusesForeverIsParkedAndTheNextEventsStillFlow() {
        awaitReady();
        double parkedBefore = metric("postventa_relay_parked_total");
        String oversizedId = UUID.randomUUID().toString();
        String oversizedKey = "oversized-" + oversizedId;
        // Written straight into the outbox (as an older writer without the size bound would have): 1.5 MB of JSON,
        // above Kafka's default 1 MiB for a record.
        execute("""
                INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at)
                VALUES ('%1$s', 'postventa.returns', '%2$s', 'postventa.return.requested.v1', '%3$s',
                        jsonb_build_object('filler', repeat('x', 1500000)), now());
                DELETE FROM outbox_event WHERE id = '%1$s';
                """.formatted(oversizedId, oversizedKey, Topics.RETURNS));

        String returnId = postOneReturn();

        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(90));
            kafka.assertNoRecords(Topics.RETURNS, r -> oversizedKey.equals(r.key()), Duration.ofSeconds(2));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                "select count(*) from parked_outbox_event where id = ?::uuid and topic = ? and aggregate_id = ?"
                        + " and reason like '%RecordTooLarge%' and length(payload::text) > 1500000",
                oversizedId, Topics.RETURNS, oversizedKey)).isEqualTo(1));
        assertThat(metric("postventa_relay_parked_total")).isEqualTo(parkedBefore + 1);
        awaitReady();
    }
}
