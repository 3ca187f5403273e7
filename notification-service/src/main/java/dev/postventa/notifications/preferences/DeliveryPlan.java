package dev.postventa.notifications.preferences;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * How one message reaches a customer, decided from their preferences: on which channels, and from when.
 *
 * @param email send it by email
 * @param smsTo send it by SMS to this number (E.164); null for no SMS
 * @param dueAt when the delivery may start (the end of the quiet hours for a deferred message)
 * @param skipped why nothing is sent (opted out of a non-essential message); null when something is
 */
public record DeliveryPlan(boolean email, String smsTo, Instant dueAt, String skipped) {

    /**
     * The rules: without preferences, email at once. An essential message goes at once on the chosen channels and by
     * email whatever was chosen. A non-essential one is skipped when the customer opted out, else goes on the chosen
     * channels, at the end of the quiet hours (in {@code zone}, the customer's) when {@code now} is inside them. SMS
     * only when the provider is configured ({@code smsEnabled}) and a phone is known.
     */
    public static DeliveryPlan decide(CustomerPreference preference, String template, ZoneId zone, Instant now,
                                      boolean smsEnabled) {
        if (preference == null) {
            return new DeliveryPlan(true, null, now, null);
        }
        boolean essential = MessageImportance.isEssential(template);
        if (!essential && preference.optOutNonEssential) {
            return new DeliveryPlan(false, null, now, "opted out of non-essential messages");
        }
        List<String> channels = preference.channelList();
        boolean email = essential || channels.contains(CustomerPreference.EMAIL);
        String sms = smsEnabled && channels.contains(CustomerPreference.SMS) && preference.phone != null
                ? preference.phone : null;
        if (!email && sms == null) {
            // Only SMS was chosen but it cannot be sent (no provider): email rather than silence.
            email = true;
        }
        Instant dueAt = now;
        QuietHours quiet = preference.quietHours();
        if (!essential && quiet != null) {
            dueAt = quiet.endIfInside(now, zone).orElse(now);
        }
        return new DeliveryPlan(email, sms, dueAt, null);
    }
}
