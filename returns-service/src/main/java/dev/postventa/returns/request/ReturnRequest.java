package dev.postventa.returns.request;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.returns.ExchangeConfirmed;
import dev.postventa.events.returns.ExchangeFallbackApplied;
import dev.postventa.events.returns.ExchangeRequested;
import dev.postventa.events.returns.ExchangeFallbackApplied;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.events.returns.ReturnInspected;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.events.storefront.ExchangeAnswer;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.returns.exchange.ExchangeChoices;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.persistence.JsonbArrayJdbcType;
import dev.postventa.returns.resolution.Settlement;
import dev.postventa.support.persistence.CustomerColumns;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's return and its state machine: {@code REQUESTED → APPROVED → IN_TRANSIT → RECEIVED → RESOLVED}
 * (inspected and settled), {@code APPROVED → RESOLVED} at once when the customer keeps every item,
 * {@code REQUESTED → REJECTED} when operations refuse it on review, and {@code REQUESTED/APPROVED → CANCELLED} when
 * the customer cancels before the carrier's pickup. Every step
 * checks the current status, changes the return and hands back the events to publish and the history to record;
 * a step the status does not allow throws {@link IllegalTransitionException}. A return never moves backwards: a
 * carrier scan behind where the return already is becomes a history note, not an error.
 */
@Entity
@Table(name = "return_request")
public class ReturnRequest extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public String orderId;
    @Embedded
    public CustomerColumns contact;
    @Enumerated(EnumType.STRING)
    public ReturnStatus status;
    @Column(name = "rma_number")
    public String rmaNumber;
    public String comment;
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonbArrayJdbcType.class)
    public List<ReturnedLine> lines;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** When tracking-service created the return label (its clock, the event's own time); the first label only. */
    @Column(name = "label_created_at")
    public Instant labelCreatedAt;
    /** When this service took in the delivery to the warehouse (our clock, never the carrier's scan time). */
    @Column(name = "received_at")
    public Instant receivedAt;
    /** When refund-service issued the refund (its clock, {@code RefundIssued.issuedAt}); the first refund only. */
    @Column(name = "refunded_at")
    public Instant refundedAt;
    /** What the warehouse (or the automatic acceptance on receipt) accepted of each shipped line; null before. */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonbArrayJdbcType.class)
    public List<InspectedLine> inspection;
    /** How the return was settled (amounts per line and in total); null until RESOLVED. */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonbArrayJdbcType.class)
    public Settlement resolution;
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public static Uni<List<ReturnRequest>> forOrder(String orderId) {
        return list("orderId = ?1 order by createdAt", orderId);
    }

    /**
     * A new return of {@code requested} lines of {@code order} (which the policy has accepted): REQUESTED, with
     * what the customer paid for each line. Raises {@link ReturnRequested}.
     */
    public static Transition request(UUID id, OrderSnapshot order, CreateReturnRequest requested, Instant now) {
        return request(id, order, requested, Map.of(), now, UnaryOperator.identity());
    }

    /**
     * A new return whose EXCHANGE lines were checked against the inventory: {@code replacementPrices} (by line id)
     * is the replacement's price when the customer chose it. Raises {@link ReturnRequested}.
     */
    public static Transition request(UUID id, OrderSnapshot order, CreateReturnRequest requested,
                                     Map<String, Money> replacementPrices, Instant now) {
        return request(id, order, requested, replacementPrices, now, UnaryOperator.identity());
    }

    /**
     * As {@link #request(UUID, OrderSnapshot, CreateReturnRequest, Instant)}, each line passed through {@code marker}
     * once built (e.g. the keep-the-item rule sets its category and {@code kept}).
     */
    public static Transition request(UUID id, OrderSnapshot order, CreateReturnRequest requested, Instant now,
                                     UnaryOperator<ReturnedLine> marker) {
        return request(id, order, requested, Map.of(), now, marker);
    }

    /** A new return with its exchanges' replacement prices and each line passed through {@code marker}. */
    public static Transition request(UUID id, OrderSnapshot order, CreateReturnRequest requested,
                                     Map<String, Money> replacementPrices, Instant now,
                                     UnaryOperator<ReturnedLine> marker) {
        ReturnRequest created = new ReturnRequest();
        created.id = Objects.requireNonNull(id, "id");
        created.orderId = order.orderId;
        created.contact = CustomerColumns.of(order.customer());
        created.comment = requested.comment();
        created.lines = requested.lines().stream()
                .map(line -> marker.apply(returnedLine(order, line, replacementPrices))).toList();
        created.status = ReturnStatus.REQUESTED;
        created.createdAt = now;
        created.updatedAt = now;
        return Transition.done(created,
                new ReturnRequested(created.id, created.orderId, created.customer(), created.lines, created.comment,
                        now),
                ReturnHistoryEntry.of(created.id, ReturnStatus.REQUESTED, "requested by the customer", now));
    }

    /** REQUESTED → APPROVED with its RMA number, by the default policy. Raises {@link ReturnApproved}. */
    public Transition approve(String rma, Instant now) {
        return approve(rma, null, now);
    }

    /**
     * The same, with the return's ship-by time ({@code dev.postventa.returns.policy.ReturnShipBy}: latest window close
     * of the lines shipped back plus grace) carried by {@link ReturnApproved#shipBy()}; null when none applies.
     */
    public Transition approve(String rma, Instant shipBy, Instant now) {
        return approve(rma, "approved by the default policy", shipBy, now);
    }

    /**
     * REQUESTED → APPROVED with its RMA number, decided by a person in operations (manual review, when the shop
     * does not approve automatically). Raises {@link ReturnApproved}.
     */
    public Transition approveOnReview(String rma, Instant now) {
        return approveOnReview(rma, null, now);
    }

    /** The same, with the return's ship-by time (see {@link #approve(String, Instant, Instant)}). */
    public Transition approveOnReview(String rma, Instant shipBy, Instant now) {
        return approve(rma, "approved by operations", shipBy, now);
    }

    /**
     * REQUESTED → REJECTED, decided by a person in operations, with the reason the customer will be shown in the
     * history. Final; raises {@link ReturnRejected} (so the customer can be told), and the rejected lines no longer
     * count as returned.
     */
    public Transition reject(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        requireRequested("be rejected (only a REQUESTED return can)");
        status = ReturnStatus.REJECTED;
        updatedAt = now;
        return Transition.done(this, new ReturnRejected(id, orderId, customer(), lines, reason.strip(), now),
                ReturnHistoryEntry.of(id, status, "rejected by operations: " + reason.strip(), now));
    }

    private Transition approve(String rma, String by, Instant shipBy, Instant now) {
        requireRequested("be approved (only a REQUESTED return can)");
        status = ReturnStatus.APPROVED;
        rmaNumber = Objects.requireNonNull(rma, "rma");
        updatedAt = now;
        boolean kept = keptByCustomer();
        List<DomainEvent> events = new ArrayList<>();
        // A kept return is not shipped: it has no ship-by time whatever the caller computed.
        events.add(new ReturnApproved(id, orderId, rmaNumber, customer(), lines, now, kept, kept ? null : shipBy));
        // Each exchanged line asks the storefront to reserve its replacement, in the approval's transaction.
        lines.stream().filter(l -> ReturnedLine.EXCHANGE.equals(l.resolution())).forEach(l -> events.add(
                new ExchangeRequested(id, orderId, l.lineId(), l.sku(), l.replacementSku(), l.quantity(),
                        l.replacementUnitPrice(),
                        ExchangeChoices.differenceToPay(l.unitPrice(), l.replacementUnitPrice(), l.quantity()),
                        customer(), now)));
        if (!kept) {
            return new Transition(this, events,
                    List.of(ReturnHistoryEntry.of(id, status, by + ", RMA " + rmaNumber, now)), null);
        }
        // Nothing is shipped back: every unit counts as accepted and the return is settled at once, uninspected
        // (no ReturnInspected: nobody looked at anything).
        ReturnHistoryEntry note = ReturnHistoryEntry.of(id, status, by + ", RMA " + rmaNumber
                + "; the customer keeps the items", now);
        return resolve(Map.of(), true, now, events, List.of(note));
    }

    /** The line of this return with that id, if any. */
    public java.util.Optional<ReturnedLine> line(String lineId) {
        return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst();
    }

    /**
     * The storefront answered the reservation of an exchanged line: {@code exchange.reserved} keeps the EXCHANGE and
     * records the reservation ({@link ExchangeConfirmed}); {@code exchange.rejected} turns the line into its fallback
     * ({@link ExchangeFallbackApplied}), so the customer is never left with nothing. The first answer for a line
     * wins: a later one (or an answer for a line that is not a pending exchange, or a return never approved) is a
     * history note only.
     */
    public Transition exchangeAnswered(ExchangeAnswer answer, Instant now) {
        requireFor(answer.returnId());
        ReturnedLine line = line(answer.lineId()).orElseThrow(() -> new IllegalArgumentException(
                "line " + answer.lineId() + " is not part of return " + id));
        boolean reserved = ExchangeAnswer.RESERVED.equals(answer.type());
        String said = reserved ? "reserved " + answer.replacementSku() + " (reservation " + answer.reservationId() + ")"
                : "could not reserve " + answer.replacementSku() + " (" + answer.reason() + ")";
        if (status == ReturnStatus.REQUESTED || status == ReturnStatus.REJECTED) {
            return Transition.noteOnly(this, ReturnHistoryEntry.of(id, status, "storefront " + said + " for line "
                    + line.lineId() + ", but the return was never approved: ignored", now), "return is " + status);
        }
        if (!ReturnedLine.EXCHANGE.equals(line.resolution()) || line.reservationId() != null) {
            String why = line.replacementSku() == null ? "the line is not an exchange"
                    : line.reservationId() != null ? "its replacement was already reserved ("
                    + line.reservationId() + ")" : "its fallback " + line.resolution() + " already applies";
            return Transition.noteOnly(this, ReturnHistoryEntry.of(id, status, "storefront " + said + " for line "
                    + line.lineId() + " after " + why + ": ignored", now), why);
        }
        ReturnedLine answered = reserved
                ? withExchange(line, ReturnedLine.EXCHANGE, answer.reservationId())
                : withExchange(line, line.fallback(), null);
        lines = lines.stream().map(l -> l == line ? answered : l).toList();
        updatedAt = now;
        DomainEvent event = reserved
                ? new ExchangeConfirmed(id, orderId, line.lineId(), line.replacementSku(), line.quantity(),
                        answer.reservationId(), customer(), now)
                : new ExchangeFallbackApplied(id, orderId, line.lineId(), line.replacementSku(), line.fallback(),
                        answer.reason(), customer(), now);
        String detail = reserved ? "storefront " + said + " for line " + line.lineId()
                : "storefront " + said + " for line " + line.lineId() + ": " + line.fallback() + " applies instead";
        return Transition.done(this, event, ReturnHistoryEntry.of(id, status, detail, now));
    }

    private static ReturnedLine withExchange(ReturnedLine l, String resolution, String reservationId) {
        return new ReturnedLine(l.lineId(), l.sku(), l.name(), l.quantity(), l.unitPrice(), l.reason(), l.category(),
                resolution, l.fallback(), l.replacementSku(), l.replacementUnitPrice(), reservationId, l.kept());
    }

    /** True when every line is kept by the customer (under the keep-the-item threshold): nothing is shipped back. */
    public boolean keptByCustomer() {
        return !lines.isEmpty() && lines.stream().allMatch(ReturnedLine::kept);
    }

    /**
     * The received return is inspected: {@code inspected} has one entry per line that was shipped back (kept lines
     * are settled in full, uninspected). RECEIVED → RESOLVED: raises {@link ReturnInspected}, an
     * {@link ExchangeFallbackApplied} per exchange that cannot ship, and {@link ReturnResolved}. A return inspected
     * already (RESOLVED) or not received yet is refused.
     */
    public Transition inspect(List<InspectedLine> inspected, boolean automatic, Instant now) {
        if (status != ReturnStatus.RECEIVED) {
            throw new IllegalTransitionException(id, status, status == ReturnStatus.RESOLVED
                    ? "be inspected again (it was inspected and resolved already)"
                    : "be inspected (only a RECEIVED return can)");
        }
        inspection = List.copyOf(inspected);
        int accepted = inspected.stream().mapToInt(InspectedLine::acceptedQuantity).sum();
        int expected = inspected.stream().mapToInt(InspectedLine::expectedQuantity).sum();
        ReturnInspected event = new ReturnInspected(id, orderId, rmaNumber, customer(), inspection, automatic, now);
        ReturnHistoryEntry note = ReturnHistoryEntry.of(id, status, (automatic ? "accepted on receipt"
                : "inspected by the warehouse") + ": " + accepted + " of " + expected + " units accepted", now);
        Map<String, InspectedLine> byLine = new HashMap<>();
        inspected.forEach(line -> byLine.put(line.lineId(), line));
        return resolve(byLine, false, now, List.of(event), List.of(note));
    }

    private Transition resolve(Map<String, InspectedLine> inspected, boolean kept, Instant now,
                               List<DomainEvent> before, List<ReturnHistoryEntry> notes) {
        Settlement settled = Settlement.settle(lines, inspected, kept);
        status = ReturnStatus.RESOLVED;
        resolution = settled;
        resolvedAt = now;
        updatedAt = now;
        List<DomainEvent> events = new ArrayList<>(before);
        settled.fallbacks().forEach(f -> events.add(new ExchangeFallbackApplied(id, orderId, f.lineId(),
                f.replacementSku(), f.fallback(), f.reason(), customer(), now)));
        events.add(new ReturnResolved(id, orderId, rmaNumber, customer(), settled.lines(), settled.refundAmount(),
                settled.creditAmount(), settled.restockingFees(), kept, now));
        List<ReturnHistoryEntry> history = new ArrayList<>(notes);
        history.add(ReturnHistoryEntry.of(id, status, "resolved: refund " + settled.refundAmount().amount()
                + ", store credit " + settled.creditAmount().amount() + ", restocking fees "
                + settled.restockingFees().amount() + " " + settled.refundAmount().currency(), now));
        return new Transition(this, events, history, null);
    }

    /**
     * The customer (or operations) cancels the return before the carrier picks it up: REQUESTED or APPROVED →
     * CANCELLED, raises {@link ReturnCancelled}. Cancelling a cancelled return changes nothing (no event, no history:
     * {@link Transition#unchanged()} says so); any later status is refused.
     */
    public Transition cancel(Instant now) {
        if (status == ReturnStatus.CANCELLED) {
            return new Transition(this, List.of(), List.of(), "return was cancelled already");
        }
        if (status != ReturnStatus.REQUESTED && status != ReturnStatus.APPROVED) {
            throw new IllegalTransitionException(id, status, switch (status) {
                case IN_TRANSIT, RECEIVED -> "be cancelled (already picked up by the carrier)";
                default -> "be cancelled (only a REQUESTED or APPROVED return can)";
            });
        }
        status = ReturnStatus.CANCELLED;
        updatedAt = now;
        return Transition.done(this,
                new ReturnCancelled(id, orderId, rmaNumber, trackingNumber, customer(), now),
                ReturnHistoryEntry.of(id, status, "cancelled by the customer", now));
    }

    private void requireRequested(String step) {
        if (status != ReturnStatus.REQUESTED) {
            throw new IllegalTransitionException(id, status, step);
        }
    }

    /**
     * The carrier's return label exists: an APPROVED return takes its tracking number. For a return already on its
     * way the label is a history note only; before approval there can be no label.
     */
    public Transition labelCreated(ReturnShipmentCreated label, Instant now) {
        requireFor(label.returnId());
        if (status == ReturnStatus.CANCELLED) {
            return Transition.noteOnly(this, ReturnHistoryEntry.of(id, status, "return label created with "
                    + label.carrier() + ", tracking number " + label.trackingNumber() + " after cancellation",
                    label.createdAt()), "return was cancelled when its label was reported");
        }
        if (status == ReturnStatus.REQUESTED || status == ReturnStatus.REJECTED) {
            throw new IllegalTransitionException(id, status, "get a return label (it was never approved)");
        }
        if (labelCreatedAt == null) {
            // tracking-service's clock (a platform clock), not the carrier's: the KPI "time to label" starts here.
            labelCreatedAt = label.createdAt();
        }
        ReturnHistoryEntry note = ReturnHistoryEntry.of(id, status, "return label created with " + label.carrier()
                + ", tracking number " + label.trackingNumber(), label.createdAt());
        if (status != ReturnStatus.APPROVED) {
            return Transition.noteOnly(this, note, "return is already " + status + " when its label is reported");
        }
        trackingNumber = label.trackingNumber();
        updatedAt = now;
        return new Transition(this, List.of(), List.of(note), null);
    }

    /**
     * A carrier scan of the return's shipment: picked up (in transit, out for delivery) moves an APPROVED return
     * to IN_TRANSIT ({@link ReturnInTransit}); delivered to the warehouse moves an APPROVED or IN_TRANSIT return to
     * RECEIVED ({@link ReturnReceived}, every approved line counts as received). Any other scan, or one behind the
     * return's status, is kept in the history only. A return that is not approved yet has no shipment.
     */
    public Transition applyShipmentStatus(ShipmentStatusChanged scan, Instant now) {
        requireFor(scan.returnId());
        if (status == ReturnStatus.REQUESTED || status == ReturnStatus.REJECTED) {
            throw new IllegalTransitionException(id, status, "take a carrier scan (it was never approved)");
        }
        if (status == ReturnStatus.CANCELLED || status == ReturnStatus.RESOLVED && receivedAt == null) {
            // A label scanned after cancellation, or for items the customer keeps: recorded, changes nothing.
            return noteOnly(scan, status == ReturnStatus.CANCELLED ? "return is CANCELLED"
                    : "return is RESOLVED (kept by the customer)");
        }
        if (trackingNumber == null && scan.trackingNumber() != null) {
            trackingNumber = scan.trackingNumber();
            updatedAt = now;
        }
        return switch (scan.status()) {
            case IN_TRANSIT, OUT_FOR_DELIVERY -> status == ReturnStatus.APPROVED
                    ? moveTo(ReturnStatus.IN_TRANSIT, scan, now, new ReturnInTransit(id, orderId, rmaNumber,
                            trackingNumber, customer(), scan.scannedAt()))
                    : noteOnly(scan, "return is already " + status);
            case DELIVERED_TO_WAREHOUSE -> status == ReturnStatus.APPROVED || status == ReturnStatus.IN_TRANSIT
                    ? moveTo(ReturnStatus.RECEIVED, scan, now, new ReturnReceived(id, orderId, rmaNumber,
                            customer(), lines, scan.scannedAt()))
                    : noteOnly(scan, "return was already received");
            case LABEL_CREATED, EXCEPTION -> noteOnly(scan, "a " + scan.status() + " scan does not move a return");
        };
    }

    /**
     * refund-service issued a refund for this return at {@code issuedAt} (its clock). The first refund's time is
     * kept: a second refund event (another id) changes nothing. No status: the return's outcome is its resolution
     * (RESOLVED); this only records when the money left.
     *
     * @return true when this is the first refund recorded
     */
    public boolean refunded(Instant issuedAt) {
        if (refundedAt != null) {
            return false;
        }
        refundedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        return true;
    }

    public CustomerContact customer() {
        return contact.toContact();
    }

    private Transition moveTo(ReturnStatus next, ShipmentStatusChanged scan, Instant now,
                              DomainEvent event) {
        status = next;
        updatedAt = now;
        if (next == ReturnStatus.RECEIVED) {
            // Our clock: the scan's time is the carrier's and is never compared with the platform's timestamps.
            receivedAt = now;
        }
        return Transition.done(this, event, scanNote(scan));
    }

    private Transition noteOnly(ShipmentStatusChanged scan, String why) {
        return Transition.noteOnly(this, scanNote(scan), why);
    }

    private ReturnHistoryEntry scanNote(ShipmentStatusChanged scan) {
        String where = scan.location() == null ? "" : " at " + scan.location();
        return ReturnHistoryEntry.of(id, status, "carrier scan " + scan.status() + where, scan.scannedAt());
    }

    private void requireFor(UUID returnId) {
        if (!id.equals(returnId)) {
            throw new IllegalArgumentException("event is about return " + returnId + ", not " + id);
        }
    }

    private static ReturnedLine returnedLine(OrderSnapshot order, CreateReturnRequest.RequestedLine requested,
                                             Map<String, Money> replacementPrices) {
        OrderLine line = order.line(requested.lineId()).orElseThrow(() -> new IllegalArgumentException(
                "line " + requested.lineId() + " is not part of order " + order.orderId));
        boolean exchange = requested.resolutionOrRefund() == CreateReturnRequest.Resolution.EXCHANGE;
        return new ReturnedLine(line.lineId(), line.sku(), line.name(), requested.quantity(), line.unitPrice(),
                requested.reason().name(), line.category(), requested.resolutionOrRefund().name(),
                exchange ? requested.fallback().name() : null, exchange ? requested.replacementSku() : null,
                exchange ? replacementPrices.get(line.lineId()) : null, null, false);
    }
}
