package dev.postventa.events.storefront;

import dev.postventa.events.MayBeNull;
import java.time.Instant;
import java.util.UUID;

/**
 * Inbound contract: the storefront's answer to an {@code ExchangeRequested}, published to
 * {@value dev.postventa.events.Topics#STOREFRONT_EXCHANGES} (key = returnId as text, value = this JSON). Consumed by
 * returns-service, which deduplicates on {@code eventId} and takes the first answer for a line: a later, different
 * answer for the same line is recorded and ignored. Not a {@link dev.postventa.events.DomainEvent}.
 *
 * @param eventId unique per answer, stable across re-sends
 * @param type {@link #RESERVED} or {@link #REJECTED}
 * @param returnId and {@code lineId}: the request answered
 * @param reservationId the storefront's reservation when reserved; null when rejected
 * @param reason why it was rejected (e.g. {@code out_of_stock}, {@code discontinued}); null when reserved
 * @param occurredAt when the storefront decided (its clock)
 */
public record ExchangeAnswer(String eventId, String type, UUID returnId, String lineId, String replacementSku,
                             @MayBeNull String reservationId, @MayBeNull String reason, Instant occurredAt) {

    public static final String RESERVED = "exchange.reserved";
    public static final String REJECTED = "exchange.rejected";
}
