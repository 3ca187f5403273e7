package dev.postventa.notifications.sms;

import java.util.Map;

/**
 * The text of a message's SMS: the email's subject line (already in the customer's language, one line), plus the
 * label link when the message carries one — the one thing the customer must be able to open from the phone.
 */
public final class SmsText {

    private SmsText() {
    }

    public static String of(String subject, Map<String, Object> data) {
        Object label = data == null ? null : data.get("labelUrl");
        return label == null || label.toString().isBlank() ? subject : subject + " " + label;
    }
}
