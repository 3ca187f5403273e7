package dev.postventa.events.returns;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.DomainEvent;
import dev.postventa.events.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The return was settled (a refund or store credit was issued) and the survey delay has passed: ask the customer how
 * it went. Emitted once per return by returns-service; key = returnId; topic {@value Topics#RETURNS}.
 *
 * <p>A survey is not essential: notification-service honours the customer's opt-out and quiet hours for it.
 *
 * @param surveyUrl the link to answer; it carries a token signed by returns-service, bound to this return and valid
 *     until {@code expiresAt}. Whoever holds the link can answer once for the return, so it is shown only to the
 *     customer (the topic is internal)
 * @param expiresAt when the token stops being accepted (returns-service's clock)
 * @param requestedAt when returns-service asked (its clock)
 */
public record FeedbackRequested(UUID returnId, String orderId, String rmaNumber, CustomerContact customer,
                                String surveyUrl, Instant expiresAt, Instant requestedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return returnId.toString();
    }
}
