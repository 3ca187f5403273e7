package dev.postventa.notifications.preferences;

import java.util.List;

/** The body of {@code PUT /preferences}; checked by {@link PreferenceRules}, not by annotations. */
public record PreferencesRequest(List<String> channels, String phone, Boolean optOutNonEssential,
                                 PreferencesView.QuietHoursView quietHours) {
}
