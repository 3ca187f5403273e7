package dev.postventa.refunds.credit;

import java.util.Locale;

/**
 * Whose store credit an account holds: the storefront's customer id, or {@code email:<lower-case email>} for a guest
 * checkout (no customer id), so a guest's credits from several orders land in one account.
 */
public final class CustomerKey {

    private CustomerKey() {
    }

    public static String of(String customerId, String email) {
        if (customerId != null && !customerId.isBlank()) {
            return customerId;
        }
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("a customer id or an email is needed");
        }
        return "email:" + email.trim().toLowerCase(Locale.ROOT);
    }
}
