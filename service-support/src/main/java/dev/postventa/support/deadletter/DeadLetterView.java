package dev.postventa.support.deadletter;

import java.time.Instant;

/**
 * One dead-lettered message as operators see it. {@code payload} is the value as UTF-8 text, or base64 when it is not
 * valid UTF-8 ({@code payloadEncoding} says which); the reason, cause and original coordinates come from the
 * {@code dead-letter-*} headers SmallRye writes.
 */
public record DeadLetterView(String id, String key, String reason, String cause, String originalTopic,
                             Integer originalPartition, Long originalOffset, Instant deadLetteredAt, String payload,
                             String payloadEncoding, DeadLetterState state) {
}
