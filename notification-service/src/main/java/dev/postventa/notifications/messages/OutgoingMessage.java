package dev.postventa.notifications.messages;

import dev.postventa.events.CustomerContact;
import java.util.Map;
import java.util.UUID;

/** A message the customer should get because of one event: which template, for whom, with which values. */
public record OutgoingMessage(UUID returnId, String causationEventId, String template, CustomerContact customer,
                              Map<String, Object> data) {
}
