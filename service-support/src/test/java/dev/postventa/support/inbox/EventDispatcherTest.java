package dev.postventa.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.support.effect.RecordingEffects;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's routing, with the inbox's transaction replaced by a recording stand-in: which records reach a
 * handler through the inbox, which are skipped visibly, which fail for the dead-letter topic, and when the effect
 * worker is woken. (That the inbox runs a handler once per event id is proven on PostgreSQL by the services.)
 */
class EventDispatcherTest {

    private static final Duration AWAIT = Duration.ofSeconds(5);

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final RecordingInbox inbox = new RecordingInbox(metrics);
    private final RecordingEffects effects = new RecordingEffects();
    private final EventDispatcher dispatcher = new EventDispatcher(inbox, new SkippedEvents("test-service", metrics),
            effects);
    private final List<ReturnApproved> approved = new ArrayList<>();
    private final EventHandlers handlers = EventHandlers.create()
            .on(ReturnApproved.class, event -> {
                approved.add(event);
                return Uni.createFrom().voidItem();
            });

    @Test
    void aHandledEventRunsItsHandlerThroughTheInboxAndThenWakesTheEffectWorker() {
        dispatch(InboundRecords.approved());

        assertThat(inbox.claims).containsExactly(InboundRecords.EVENT_ID + " postventa.return.approved.v1");
        assertThat(approved).containsExactly(InboundRecords.APPROVED);
        assertThat(effects.wakeUps()).isEqualTo(1);
        assertThat(skipped("postventa.return.approved.v1")).isZero();
    }

    @Test
    void aCataloguedTypeThisConsumerDoesNotHandleIsSkippedAndCountedByItsType() {
        dispatch(InboundRecords.record(headersWithType("postventa.return.received.v1"), "{}".getBytes(
                StandardCharsets.UTF_8)));

        assertThat(inbox.claims).isEmpty();
        assertThat(approved).isEmpty();
        assertThat(effects.wakeUps()).isZero();
        assertThat(skipped("postventa.return.received.v1")).isEqualTo(1.0);
    }

    @Test
    void anEventItsHandlerDoesNotWantIsSkippedWithoutAClaimAndAWantedOneGoesThroughTheInbox() {
        List<String> asked = new ArrayList<>();
        boolean[] wanted = {false};
        EventHandlers choosy = EventHandlers.create().onWithEnvelopeIfWanted(ReturnApproved.class, event -> {
            asked.add(event.id());
            return Uni.createFrom().item(wanted[0]);
        }, (event, envelope) -> {
            approved.add(event);
            return Uni.createFrom().voidItem();
        });

        dispatcher.dispatch(InboundRecords.approved(), choosy).await().atMost(AWAIT);
        assertThat(asked).containsExactly(InboundRecords.EVENT_ID);
        assertThat(inbox.claims).isEmpty();
        assertThat(approved).isEmpty();
        assertThat(skipped("postventa.return.approved.v1")).isEqualTo(1.0);

        wanted[0] = true;
        dispatcher.dispatch(InboundRecords.approved(), choosy).await().atMost(AWAIT);
        assertThat(inbox.claims).containsExactly(InboundRecords.EVENT_ID + " postventa.return.approved.v1");
        assertThat(approved).containsExactly(InboundRecords.APPROVED);
    }

    @Test
    void anUndecodableEventFailsForTheDeadLetterTopicEvenWhenItsHandlerWouldNotWantIt() {
        EventHandlers choosy = EventHandlers.create().onWithEnvelopeIfWanted(ReturnApproved.class,
                event -> Uni.createFrom().item(false), (event, envelope) -> Uni.createFrom().voidItem());
        ConsumerRecord<String, byte[]> broken = InboundRecords.record(InboundRecords.approvedHeaders(),
                "{\"returnId\": ".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> dispatcher.dispatch(broken, choosy).await().atMost(AWAIT))
                .isInstanceOf(UndecodableEventException.class);
        assertThat(skipped("postventa.return.approved.v1")).isZero();
    }

    @Test
    void anUnknownTypeIsSkippedAndCountedAsUnknownNotByItsText() {
        dispatch(InboundRecords.record(headersWithType("com.partner.whatever.v7"), "{}".getBytes(
                StandardCharsets.UTF_8)));

        assertThat(inbox.claims).isEmpty();
        assertThat(skipped("unknown")).isEqualTo(1.0);
        assertThat(metrics.find("postventa.events.skipped").tag("type", "com.partner.whatever.v7").counter())
                .isNull();
    }

    @Test
    void anUndecodablePayloadFailsBeforeTheInboxIsClaimed() {
        ConsumerRecord<String, byte[]> broken = InboundRecords.record(InboundRecords.approvedHeaders(),
                "{\"returnId\": ".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> dispatch(broken)).isInstanceOf(UndecodableEventException.class);
        assertThat(inbox.claims).isEmpty();
        assertThat(approved).isEmpty();
        assertThat(effects.wakeUps()).isZero();
    }

    @Test
    void aRecordWithoutCloudEventsEnvelopeFailsForTheDeadLetterTopic() {
        ConsumerRecord<String, byte[]> plain = InboundRecords.record(Map.of(), "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> dispatch(plain)).isInstanceOf(UndecodableEventException.class);
        assertThat(inbox.claims).isEmpty();
    }

    @Test
    void anEventFromAServiceThatDoesNotOwnTheTopicIsDeadLetteredNotApplied() {
        Map<String, String> headers = InboundRecords.approvedHeaders();
        headers.put("ce_source", "tracking-service");
        ConsumerRecord<String, byte[]> forged = InboundRecords.record(headers,
                dev.postventa.events.EventJson.toBytes(InboundRecords.APPROVED));

        assertThatThrownBy(() -> dispatch(forged))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("ce_source 'tracking-service'")
                .hasMessageContaining("only returns-service publishes there");
        assertThat(inbox.claims).isEmpty();
        assertThat(approved).isEmpty();
        assertThat(effects.wakeUps()).isZero();
    }

    @Test
    void aFailingHandlerDoesNotWakeTheEffectWorker() {
        EventHandlers failing = EventHandlers.create().on(ReturnApproved.class,
                event -> Uni.createFrom().failure(new IllegalStateException("return is CANCELLED")));

        assertThatThrownBy(() -> dispatcher.dispatch(InboundRecords.approved(), failing).await().atMost(AWAIT))
                .hasMessage("return is CANCELLED");
        assertThat(effects.wakeUps()).isZero();
    }

    @Test
    void aRedeliveryGoesThroughTheInboxAgainSoItsClaimCanSkipIt() {
        dispatch(InboundRecords.approved());
        dispatch(InboundRecords.approved());

        assertThat(inbox.claims).containsExactly(InboundRecords.EVENT_ID + " postventa.return.approved.v1",
                InboundRecords.EVENT_ID + " postventa.return.approved.v1");
        assertThat(approved).containsExactly(InboundRecords.APPROVED);
    }

    @Test
    void handleOnceWorksForEventsThatAreNotCloudEvents() {
        List<String> orders = new ArrayList<>();

        dispatcher.handleOnce("storefront-42", "order.delivered", () -> {
            orders.add("SO-42");
            return Uni.createFrom().voidItem();
        }).await().atMost(AWAIT);

        assertThat(inbox.claims).containsExactly("storefront-42 order.delivered");
        assertThat(orders).containsExactly("SO-42");
        assertThat(effects.wakeUps()).isEqualTo(1);
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        dispatcher.dispatch(record, handlers).await().atMost(AWAIT);
    }

    private double skipped(String type) {
        var counter = metrics.find("postventa.events.skipped").tags("consumer", "test-service", "type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> headersWithType(String type) {
        Map<String, String> headers = InboundRecords.approvedHeaders();
        headers.put("ce_type", type);
        return headers;
    }

    /**
     * The inbox without its database: remembers each claim and runs the work for an event id it has not seen,
     * as the {@code inbox_message} claim would.
     */
    private static final class RecordingInbox extends IdempotentConsumer {

        final List<String> claims = new ArrayList<>();
        private final java.util.Set<String> handled = new java.util.HashSet<>();

        RecordingInbox(SimpleMeterRegistry metrics) {
            super("test-service", null, metrics);
        }

        @Override
        public Uni<Void> handleOnce(String eventId, String eventType, Supplier<Uni<Void>> work) {
            claims.add(eventId + " " + eventType);
            return handled.add(eventId) ? work.get() : Uni.createFrom().voidItem();
        }
    }
}
