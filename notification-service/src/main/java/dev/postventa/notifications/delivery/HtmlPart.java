package dev.postventa.notifications.delivery;

/**
 * The HTML alternative of an email, rendered once with the text and carried as the {@code email} effect's payload:
 * the notification row keeps the text (what the history shows), the payload what the attempts send beside it. An
 * effect scheduled without one (before HTML emails) sends the text alone.
 */
public record HtmlPart(String html) {
}
