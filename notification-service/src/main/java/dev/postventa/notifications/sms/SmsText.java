package dev.postventa.notifications.sms;

import java.util.Map;

/**
 * The text of a message's SMS: the email's subject line (already in the customer's language, one line), plus the
 * label or survey link when the message carries one — the one thing the customer must be able to open from the phone.
 */
public final class SmsText {

    private SmsText() {
    }

    public static String of(String subject, Map<String, Object> data) {
        Object link = data == null ? null : data.get("labelUrl");
        if (link == null || link.toString().isBlank()) {
            link = data == null ? null : data.get("surveyUrl");
        }
        return link == null || link.toString().isBlank() ? subject : subject + " " + link;
    }
}
