package dev.postventa.returns.relay;

import static dev.postventa.infra.Callers.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.postventa.events.Topics;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.support.DatabaseConfig;
import dev.postventa.support.relay.OutboxRelay;
import dev.postventa.support.relay.RelayConfig;
import dev.postventa.support.relay.RelayState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * §4.6: two relays on one database, as two replicas of the service would run them. The service under test is one
 * replica; a second {@link OutboxRelay} built here with the same settings (its own connections, producer and
 * engine) is the other. Exactly one streams; the other is a ready STANDBY and takes over when the active one goes.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class StandbyRelayTest extends RelayTestSupport {

    private static final String ROLE = "checks.find { it.name == 'outbox-relay' }.data.role";

    @Inject
    OutboxRelay relay;

    @Inject
    RelayConfig relayConfig;

    @Inject
    DatabaseConfig database;

    @Test
    void aSecondReplicaWaitsAsAReadyStandbyAndTakesOverWhenTheActiveOneGoes() {
        awaitReady();
        management().when().get("/q/health/ready").then().statusCode(200).body(ROLE, equalTo("active"));

        RelayState replicaState = new RelayState();
        OutboxRelay replica = new OutboxRelay(relayConfig, database, replicaState, config("postventa.service-name"),
                config("kafka.bootstrap.servers"), new SimpleMeterRegistry());
        try {
            replica.start();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(replicaState.role()).isEqualTo(RelayState.Role.STANDBY);
                assertThat(replicaState.isReady()).isTrue();
                assertThat(replicaState.acceptsWrites()).isTrue();
            });
            // The standby took nothing from the active replica: the service still streams and relays.
            String before = postOneReturn();
            awaitEvents(before);
            assertThat(relay.state().isStreaming()).isTrue();
            assertThat(replicaState.isStreaming()).isFalse();

            // The active replica goes away (its lock connection closes with it): the standby takes over.
            relay.stop();
            await().atMost(Duration.ofSeconds(90)).until(replicaState::isStreaming);
            assertThat(replicaState.role()).isEqualTo(RelayState.Role.ACTIVE);
            String during = postOneReturn();
            awaitEvents(during);

            // Back, the first replica is now the standby: ready, and says so.
            relay.start();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> management().when().get("/q/health/ready")
                    .then().statusCode(200).body(ROLE, equalTo("standby")));
            String whileStandby = postOneReturn();
            awaitEvents(whileStandby);
            assertThat(relay.state().isStreaming()).isFalse();
        } finally {
            replica.stop();
            relay.start();
        }
        // The second replica gone, the service's relay takes over again.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> management().when().get("/q/health/ready")
                .then().statusCode(200).body(ROLE, equalTo("active")));
        String after = postOneReturn();
        awaitEvents(after);
    }

    private static void awaitEvents(String returnId) {
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> returnId.equals(r.key()), 2, Duration.ofSeconds(60));
        }
    }
}
