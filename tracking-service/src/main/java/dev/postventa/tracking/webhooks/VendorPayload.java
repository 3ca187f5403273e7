package dev.postventa.tracking.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.support.problem.ProblemException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reading one vendor's webhook JSON (EasyPost, Shippo, AfterShip): required text fields and place names. Every defect
 * is the same 400 problem+json ({@code malformed-body}) titled with the vendor's message, so a partner sees which of
 * its payloads we could not read and why.
 */
public final class VendorPayload {

    private final String title;
    private final String message;

    /**
     * @param title the problem's title, e.g. {@code Not a Shippo track_updated event}
     * @param message what a missing field is missing from, e.g. {@code track_updated event}
     */
    public VendorPayload(String title, String message) {
        this.title = title;
        this.message = message;
    }

    public ProblemException malformed(String detail) {
        return new ProblemException(400, "malformed-body", title, detail, List.of());
    }

    /** The non-blank text of {@code field}; a 400 problem when it is missing, blank or not text. */
    public String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw malformed(message + " lacks " + field);
        }
        return value.asText();
    }

    /** The non-blank {@code fields} of {@code node} joined with ", " (e.g. "Puebla, PUE, MX"); null if none. */
    public static String place(JsonNode node, String... fields) {
        String text = Stream.of(fields)
                .map(field -> node.path(field).asText(""))
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(", "));
        return text.isBlank() ? null : text;
    }
}
