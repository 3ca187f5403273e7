package dev.postventa.events;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one JSON mapping of event payloads: ISO-8601 UTC instants, decimal amounts as strings, unknown fields
 * ignored (a newer producer may add optional fields without breaking older consumers).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A BigDecimal such as 1E+3 (e.g. after stripTrailingZeros) must still be written "1000":
            // consumers in other languages parse the string as a plain decimal.
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // "{...} garbage" is a broken payload, not a valid one followed by noise.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a payload; throws {@link UndecodableEventException} when the bytes are not this type's JSON. */
    public static <T> T fromBytes(byte[] json, Class<T> type) {
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableEventException("payload is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        // Jackson maps the JSON literal null to a null result; a consumer would only fail later with an NPE.
        if (value == null) {
            throw new UndecodableEventException("payload is not a valid " + type.getSimpleName() + ": JSON null");
        }
        return value;
    }

    /** {@link #fromBytes} for a JSON string. */
    public static <T> T fromJson(String json, Class<T> type) {
        if (json == null) {
            throw new UndecodableEventException("payload is not a valid " + type.getSimpleName() + ": no payload");
        }
        return fromBytes(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** A JSON array of {@code elementType}, e.g. order lines kept in a text column; empty for JSON null. */
    public static <T> List<T> listFromJson(String json, Class<T> elementType) {
        try {
            List<T> list = MAPPER.readValue(json, MAPPER.getTypeFactory().constructCollectionType(List.class, elementType));
            return list == null ? List.of() : list;
        } catch (IOException | RuntimeException e) {
            throw new UndecodableEventException("not a JSON array of " + elementType.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
