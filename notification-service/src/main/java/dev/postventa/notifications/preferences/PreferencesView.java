package dev.postventa.notifications.preferences;

import java.util.List;

/** A customer's preferences as the API shows and takes them. */
public record PreferencesView(List<String> channels, String phone, boolean optOutNonEssential,
                              QuietHoursView quietHours) {

    /** Local times {@code HH:mm}. */
    public record QuietHoursView(String from, String to) {
    }

    /** What applies to a customer who never chose: email, every message, at any hour. */
    public static PreferencesView defaults() {
        return new PreferencesView(List.of(CustomerPreference.EMAIL), null, false, null);
    }

    static PreferencesView of(CustomerPreference p) {
        if (p == null) {
            return defaults();
        }
        return new PreferencesView(p.channelList(), p.phone, p.optOutNonEssential,
                p.quietFrom == null ? null : new QuietHoursView(p.quietFrom, p.quietTo));
    }
}
