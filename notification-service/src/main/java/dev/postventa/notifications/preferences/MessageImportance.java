package dev.postventa.notifications.preferences;

import dev.postventa.notifications.messages.CustomerMessages;
import java.util.Set;

/**
 * The one place that says which messages are essential. Essential ones (a decision about the return or about the
 * customer's money) always go out, by email at least, and are never deferred by quiet hours. Every other template —
 * transit and reception updates, and whatever is added later (reminders, stall notices, surveys) unless listed
 * here — is non-essential: skipped when the customer opted out, deferred to the end of their quiet hours.
 */
public final class MessageImportance {

    /** Templates that are always sent. */
    public static final Set<String> ESSENTIAL = Set.of(
            CustomerMessages.RETURN_APPROVED,          // approved, with its label
            CustomerMessages.RETURN_KEPT,              // approved, keep the item
            CustomerMessages.RETURN_REJECTED,
            CustomerMessages.RETURN_CANCELLED,
            CustomerMessages.RETURN_PARTIALLY_ACCEPTED, // part of the money will not come back
            CustomerMessages.REFUND_ISSUED,
            CustomerMessages.REFUND_FAILED,
            CustomerMessages.STORE_CREDIT_ISSUED,
            CustomerMessages.EXCHANGE_CONFIRMED,
            CustomerMessages.EXCHANGE_FALLBACK);        // the settlement changed

    private MessageImportance() {
    }

    public static boolean isEssential(String template) {
        return ESSENTIAL.contains(template);
    }
}
