package dev.postventa.returns.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.Money;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order read model's merge rule: sticky delivery and cancellation, newest snapshot wins, duplicates harmless. */
class OrderSnapshotTest {

    private static final Instant PLACED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DELIVERED = Instant.parse("2026-03-04T16:00:00Z");
    private static final Instant CANCELLED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aFirstEventDescribesTheOrder() {
        OrderSnapshot snapshot = OrderSnapshot.from(placed(PLACED, 2));
        assertThat(snapshot.orderId).isEqualTo("MX-1");
        assertThat(snapshot.customer().email()).isEqualTo("ana@example.mx");
        assertThat(snapshot.currency).isEqualTo("MXN");
        assertThat(snapshot.lines).extracting(OrderLine::quantity).containsExactly(2);
        assertThat(snapshot.line("L1")).isPresent();
        assertThat(snapshot.line("L9")).isEmpty();
        assertThat(snapshot.snapshotAt).isEqualTo(PLACED);
        assertThat(snapshot.deliveredAt).isNull();
        assertThat(snapshot.cancelledAt).isNull();
    }

    @Test
    void theNewestSnapshotWinsForTheDescription() {
        OrderSnapshot snapshot = OrderSnapshot.from(placed(PLACED, 2));
        snapshot.merge(placed(PLACED.plusSeconds(60), 3));
        assertThat(snapshot.lines).extracting(OrderLine::quantity).containsExactly(3);

        snapshot.merge(placed(PLACED.plusSeconds(30), 7));
        assertThat(snapshot.lines).extracting(OrderLine::quantity).containsExactly(3);
        assertThat(snapshot.snapshotAt).isEqualTo(PLACED.plusSeconds(60));
    }

    @Test
    void deliveryIsStickyEvenWhenItArrivedBeforeThePlacedEvent() {
        OrderSnapshot snapshot = OrderSnapshot.from(delivered(DELIVERED));
        snapshot.merge(placed(PLACED, 2));
        assertThat(snapshot.deliveredAt).isEqualTo(DELIVERED);
        // The placed event is older than the delivered one: its snapshot does not replace the newer description.
        assertThat(snapshot.snapshotAt).isEqualTo(DELIVERED);
    }

    @Test
    void deliveryIsTakenFromTheEventTimeWhenTheSnapshotLacksIt() {
        StorefrontOrderEvent placed = placed(PLACED, 2);
        OrderSnapshot snapshot = OrderSnapshot.from(placed);
        snapshot.merge(new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_DELIVERED,
                DELIVERED, placed.order()));
        assertThat(snapshot.deliveredAt).isEqualTo(DELIVERED);
    }

    @Test
    void cancellationIsStickyAndALaterSnapshotWithoutItDoesNotUndoIt() {
        OrderSnapshot snapshot = OrderSnapshot.from(placed(PLACED, 2));
        snapshot.merge(cancelled(CANCELLED));
        snapshot.merge(placed(CANCELLED.plusSeconds(600), 2));
        assertThat(snapshot.cancelledAt).isEqualTo(CANCELLED);
        assertThat(snapshot.snapshotAt).isEqualTo(CANCELLED.plusSeconds(600));
    }

    @Test
    void theFirstDeliveryTimeSeenIsKept() {
        OrderSnapshot snapshot = OrderSnapshot.from(delivered(DELIVERED));
        snapshot.merge(delivered(DELIVERED.plusSeconds(3600)));
        assertThat(snapshot.deliveredAt).isEqualTo(DELIVERED);
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        StorefrontOrderEvent delivered = delivered(DELIVERED);
        OrderSnapshot once = OrderSnapshot.from(placed(PLACED, 2));
        once.merge(delivered);
        OrderSnapshot twice = OrderSnapshot.from(placed(PLACED, 2));
        twice.merge(delivered);
        twice.merge(delivered);
        assertThat(twice).usingRecursiveComparison().isEqualTo(once);
    }

    @Test
    void anEventOfAnotherOrderIsRefused() {
        OrderSnapshot snapshot = OrderSnapshot.from(placed(PLACED, 2));
        StorefrontOrder other = new StorefrontOrder("MX-2", "c", "e@example.mx", "es-MX", "MX", "MXN", List.of(),
                PLACED, null, null);
        assertThatThrownBy(() -> snapshot.merge(new StorefrontOrderEvent("x", StorefrontOrderEvent.ORDER_PLACED,
                PLACED.plusSeconds(5), other))).isInstanceOf(IllegalArgumentException.class);
        assertThat(snapshot.snapshotAt).isEqualTo(PLACED);
    }

    private static StorefrontOrder order(int quantity, Instant deliveredAt, Instant cancelledAt) {
        return new StorefrontOrder("MX-1", "cust-1", "ana@example.mx", "es-MX", "MX", "MXN", List.of(
                new OrderLine("L1", "SKU-1", "Camisa", "apparel", quantity, Money.of("499.90", "MXN"), false)),
                PLACED, deliveredAt, cancelledAt);
    }

    private static StorefrontOrderEvent placed(Instant at, int quantity) {
        return new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_PLACED, at,
                order(quantity, null, null));
    }

    private static StorefrontOrderEvent delivered(Instant at) {
        return new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_DELIVERED, at,
                order(2, at, null));
    }

    private static StorefrontOrderEvent cancelled(Instant at) {
        return new StorefrontOrderEvent(UUID.randomUUID().toString(), StorefrontOrderEvent.ORDER_CANCELLED, at,
                order(2, null, at));
    }
}
