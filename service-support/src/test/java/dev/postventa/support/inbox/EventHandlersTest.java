package dev.postventa.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.DomainEvent;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnReceived;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EventHandlersTest {

    private static final Duration AWAIT = Duration.ofSeconds(5);

    private final List<Object> handled = new ArrayList<>();

    @Test
    void aHandlerIsFoundByTheCataloguedTypeOfItsClass() {
        EventHandlers handlers = EventHandlers.create().on(ReturnApproved.class, this::record);

        assertThat(handlers.forType("postventa.return.approved.v1"))
                .hasValueSatisfying(handler -> assertThat(handler.eventClass()).isEqualTo(ReturnApproved.class));
    }

    @Test
    void theHandlerReceivesTheDecodedEventOnlyWhenItsWorkRuns() {
        EventHandlers handlers = EventHandlers.create().on(ReturnApproved.class, this::record);
        IncomingEvent event = IncomingEvent.from(InboundRecords.approved());

        Supplier<Uni<Void>> work = handlers.forType(event.type()).orElseThrow().bind(event);

        assertThat(handled).as("nothing runs before the inbox's transaction does").isEmpty();
        work.get().await().atMost(AWAIT);
        assertThat(handled).containsExactly(InboundRecords.APPROVED);
    }

    @Test
    void aHandlerWithTheEnvelopeAlsoReceivesTheEventId() {
        List<String> causes = new ArrayList<>();
        EventHandlers handlers = EventHandlers.create().onWithEnvelope(ReturnApproved.class, (approved, envelope) -> {
            causes.add(envelope.id());
            return record(approved);
        });
        IncomingEvent event = IncomingEvent.from(InboundRecords.approved());

        handlers.forType(event.type()).orElseThrow().bind(event).get().await().atMost(AWAIT);

        assertThat(causes).containsExactly(InboundRecords.EVENT_ID);
        assertThat(handled).containsExactly(InboundRecords.APPROVED);
    }

    @Test
    void eachClassHasItsOwnHandler() {
        List<String> calls = new ArrayList<>();
        EventHandlers handlers = EventHandlers.create()
                .on(ReturnApproved.class, approved -> note(calls, "approved"))
                .on(ReturnReceived.class, received -> note(calls, "received"));
        IncomingEvent event = IncomingEvent.from(InboundRecords.approved());

        handlers.forType(event.type()).orElseThrow().bind(event).get().await().atMost(AWAIT);

        assertThat(calls).containsExactly("approved");
        assertThat(handlers.forType("postventa.return.received.v1"))
                .hasValueSatisfying(handler -> assertThat(handler.eventClass()).isEqualTo(ReturnReceived.class));
    }

    @Test
    void aClassRegisteredTwiceIsAProgrammingError() {
        EventHandlers handlers = EventHandlers.create().on(ReturnApproved.class, this::record);

        assertThatThrownBy(() -> handlers.on(ReturnApproved.class, this::record))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two handlers for ReturnApproved");
        assertThatThrownBy(() -> handlers.onWithEnvelope(ReturnApproved.class, (event, envelope) -> record(event)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUncataloguedClassCannotBeRegistered() {
        assertThatThrownBy(() -> EventHandlers.create().on(NotCatalogued.class, event -> Uni.createFrom().voidItem()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NotCatalogued.class.getName());
    }

    @Test
    void aTypeWithoutHandlerHasNone() {
        EventHandlers handlers = EventHandlers.create().on(ReturnApproved.class, this::record);

        assertThat(handlers.forType("postventa.refund.issued.v1")).isEmpty();
        assertThat(handlers.forType("postventa.return.approved.v2")).isEmpty();
        assertThat(handlers.forType("com.example.something-else")).isEmpty();
        assertThat(handlers.forType(null)).isEmpty();
        assertThat(EventHandlers.create().forType("postventa.return.approved.v1")).isEmpty();
    }

    @Test
    void anUndecodablePayloadFailsBeforeTheHandlerCouldRun() {
        EventHandlers handlers = EventHandlers.create().on(ReturnApproved.class, this::record);
        IncomingEvent event = IncomingEvent.from(InboundRecords.record(InboundRecords.approvedHeaders(),
                "not json".getBytes(StandardCharsets.UTF_8)));
        EventHandlers.Handler<?> handler = handlers.forType(event.type()).orElseThrow();

        assertThatThrownBy(() -> handler.bind(event))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("ReturnApproved");
        assertThat(handled).isEmpty();
    }

    @Test
    void aJsonNullPayloadIsUndecodableRatherThanANullEvent() {
        EventHandlers handlers = EventHandlers.create().on(RefundIssued.class, this::record);
        var headers = InboundRecords.approvedHeaders();
        headers.put("ce_type", "postventa.refund.issued.v1");
        IncomingEvent event = IncomingEvent.from(InboundRecords.record(headers,
                "null".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> handlers.forType(event.type()).orElseThrow().bind(event))
                .isInstanceOf(UndecodableEventException.class);
        assertThat(handled).isEmpty();
    }

    private Uni<Void> record(Object event) {
        handled.add(event);
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> note(List<String> calls, String call) {
        calls.add(call);
        return Uni.createFrom().voidItem();
    }

    /** An event record that the catalogue does not list. */
    record NotCatalogued(String id) implements DomainEvent {

        @Override
        public String aggregateId() {
            return id;
        }
    }
}
