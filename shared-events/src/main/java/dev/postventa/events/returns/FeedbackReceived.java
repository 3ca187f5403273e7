package dev.postventa.events.returns;

import dev.postventa.events.DomainEvent;
import dev.postventa.events.MayBeNull;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer answered the satisfaction survey of a return (at most once per return). Emitted by returns-service;
 * key = returnId; topic {@value Topics#RETURNS}.
 *
 * @param kind {@code NPS} (score 0–10: how likely to recommend the shop) or {@code CSAT} (score 1–5: how satisfied
 *     with the return)
 * @param comment the customer's own words, trimmed, at most 2000 characters; null when none
 * @param reasons the return's reason codes (distinct, in line order), so that readers can group scores by reason
 * @param categories the return's product categories (distinct, in line order; lines without one are left out)
 * @param receivedAt when returns-service accepted the answer (its clock)
 */
public record FeedbackReceived(UUID returnId, String orderId, String kind, int score, @MayBeNull String comment,
                               List<String> reasons, List<String> categories, Instant receivedAt)
        implements DomainEvent {

    public static final String NPS = "NPS";
    public static final String CSAT = "CSAT";

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
