package dev.postventa.events.refunds;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.MayBeNull;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The payment provider accepted the refund of a received return. Emitted by refund-service; key = refundId;
 * topic {@value Topics#REFUNDS}.
 *
 * @param amount what was refunded, after any restocking fee
 * @param restockingFee what was deducted from the refund (zero when nothing was); added within v1, null from earlier
 *     producers
 */
public record RefundIssued(UUID refundId, UUID returnId, String orderId, Money amount, String providerReference,
                           CustomerContact customer, Instant issuedAt, @MayBeNull Money restockingFee)
        implements DomainEvent {

    /** A refund without a restocking fee field (the contract before inspection). */
    public RefundIssued(UUID refundId, UUID returnId, String orderId, Money amount, String providerReference,
                        CustomerContact customer, Instant issuedAt) {
        this(refundId, returnId, orderId, amount, providerReference, customer, issuedAt, null);
    }

    @Override
    public String aggregateId() {
        return refundId.toString();
    }
}
