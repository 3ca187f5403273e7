package dev.postventa.notifications.preferences;

import dev.postventa.events.CustomerContact;
import java.util.Locale;

/** Whose preferences: the storefront's customer id, or {@code email:<address in lower case>} for a guest. */
public final class PreferenceKeys {

    private PreferenceKeys() {
    }

    /** The key of the event's customer, or null when the contact names nobody. */
    public static String of(CustomerContact customer) {
        if (customer == null) {
            return null;
        }
        if (customer.customerId() != null && !customer.customerId().isBlank()) {
            return customer.customerId().strip();
        }
        return customer.email() == null || customer.email().isBlank() ? null : ofEmail(customer.email());
    }

    /** A guest's key: their address, in lower case (a storefront may send it in any case). */
    public static String ofEmail(String email) {
        return "email:" + email.strip().toLowerCase(Locale.ROOT);
    }
}
