package dev.postventa.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.EventCatalog;
import dev.postventa.events.Topics;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import org.junit.jupiter.api.Test;

class EventSourcesTest {

    @Test
    void eachAggregateTopicHasTheServiceThatOwnsIt() {
        assertThat(EventSources.ownerOf(Topics.RETURNS)).contains("returns-service");
        assertThat(EventSources.ownerOf(Topics.SHIPMENTS)).contains("tracking-service");
        assertThat(EventSources.ownerOf(Topics.REFUNDS)).contains("refund-service");
        assertThat(EventSources.ownerOf(Topics.NOTIFICATIONS)).contains("notification-service");
        assertThat(EventSources.ownerOf(Topics.STOREFRONT_ORDERS)).isEmpty();
    }

    @Test
    void everyCataloguedTopicHasAnOwner() {
        EventCatalog.entries().values().forEach(entry ->
                assertThat(EventSources.ownerOf(entry.topic())).as(entry.type()).isPresent());
    }

    @Test
    void anEventFromItsOwnerIsTrusted() {
        assertThatCode(() -> EventSources.requireOwner(Topics.SHIPMENTS,
                event(EventCatalog.typeOf(ShipmentStatusChanged.class), "tracking-service")))
                .doesNotThrowAnyException();
    }

    @Test
    void anEventFromAnotherServiceIsAContractViolation() {
        assertThatThrownBy(() -> EventSources.requireOwner(Topics.REFUNDS,
                event(EventCatalog.typeOf(RefundIssued.class), "returns-service")))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessage("event e-1 of type postventa.refund.issued.v1 on postventa.refunds has ce_source "
                        + "'returns-service'; only refund-service publishes there");
    }

    @Test
    void aSourceThatMerelyResemblesTheOwnerIsNotTrusted() {
        assertThatThrownBy(() -> EventSources.requireOwner(Topics.REFUNDS,
                event(EventCatalog.typeOf(RefundIssued.class), "https://evil.example/refund-service")))
                .isInstanceOf(EventSources.UntrustedSourceException.class);
        assertThatThrownBy(() -> EventSources.requireOwner(Topics.REFUNDS,
                event(EventCatalog.typeOf(RefundIssued.class), "Refund-Service")))
                .isInstanceOf(EventSources.UntrustedSourceException.class);
    }

    @Test
    void aCataloguedTypeOnAnotherAggregatesTopicIsAContractViolationEvenFromThatTopicsOwner() {
        assertThatThrownBy(() -> EventSources.requireOwner(Topics.RETURNS,
                event(EventCatalog.typeOf(RefundIssued.class), "returns-service")))
                .isInstanceOf(EventSources.UntrustedSourceException.class)
                .hasMessage("event e-1 of type postventa.refund.issued.v1 arrived on postventa.returns but belongs "
                        + "on postventa.refunds");
    }

    @Test
    void anUnknownTypeOnAnOwnedTopicIsCheckedAgainstTheTopicsOwner() {
        assertThatCode(() -> EventSources.requireOwner(Topics.RETURNS, event("postventa.return.v9", "returns-service")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> EventSources.requireOwner(Topics.RETURNS, event("postventa.return.v9", "intruder")))
                .isInstanceOf(EventSources.UntrustedSourceException.class);
    }

    private static IncomingEvent event(String type, String source) {
        return new IncomingEvent("e-1", type, source, "subject", new byte[] {'{', '}'});
    }
}
