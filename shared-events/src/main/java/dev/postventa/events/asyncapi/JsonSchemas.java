package dev.postventa.events.asyncapi;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postventa.events.MayBeNull;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas (the AsyncAPI default schema format, a superset of draft-07) of the event records, written by
 * reflection in the shape {@code EventJson} gives them: every component is written (nulls included), so every
 * property is {@code required}; only components marked {@link MayBeNull} accept {@code null}. Records and enums
 * become named schemas referenced with {@code $ref}; a Java type without a known JSON shape is an error, so a new
 * kind of field cannot slip into the document unnoticed.
 */
final class JsonSchemas {

    static final String REF_PREFIX = "#/components/schemas/";
    /** What {@code @JsonFormat(shape = STRING)} makes of a BigDecimal under EventJson: a plain decimal, no exponent. */
    static final String PLAIN_DECIMAL = "^-?[0-9]+(\\.[0-9]+)?$";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, ObjectNode> named = new TreeMap<>();

    /** A {@code $ref} to the schema of {@code type} (a record or an enum), defining it (and what it uses) once. */
    ObjectNode refTo(Class<?> type) {
        String name = type.getSimpleName();
        if (!named.containsKey(name)) {
            // Reserve the name first: a record may (indirectly) refer to itself.
            named.put(name, JSON.objectNode());
            named.put(name, type.isEnum() ? enumSchema(type) : recordSchema(type));
        }
        return JSON.objectNode().put("$ref", REF_PREFIX + name);
    }

    /** The named schema of {@code type}, defined by {@link #refTo} before; to refine it in place. */
    ObjectNode schemaOf(Class<?> type) {
        ObjectNode schema = named.get(type.getSimpleName());
        if (schema == null) {
            throw new IllegalStateException("no schema defined for " + type.getName());
        }
        return schema;
    }

    /** Every named schema so far, sorted by name. */
    ObjectNode definitions() {
        ObjectNode definitions = JSON.objectNode();
        named.forEach(definitions::set);
        return definitions;
    }

    private ObjectNode recordSchema(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException("no JSON schema for " + type.getName() + ": not a record or enum");
        }
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            ObjectNode property = schemaOf(component.getGenericType(), component);
            properties.set(name, component.isAnnotationPresent(MayBeNull.class) ? nullable(property) : property);
            required.add(name);
        }
        schema.set("required", required);
        return schema;
    }

    private static ObjectNode enumSchema(Class<?> type) {
        ObjectNode schema = JSON.objectNode().put("type", "string");
        ArrayNode values = schema.putArray("enum");
        for (Object constant : type.getEnumConstants()) {
            values.add(((Enum<?>) constant).name());
        }
        return schema;
    }

    private ObjectNode schemaOf(Type type, RecordComponent component) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", schemaOf(arguments[0], null));
                return array;
            }
            if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
                ObjectNode object = JSON.objectNode().put("type", "object");
                object.set("additionalProperties", schemaOf(arguments[1], null));
                return object;
            }
            throw new IllegalArgumentException("no JSON schema for " + type.getTypeName());
        }
        if (!(type instanceof Class<?> raw)) {
            throw new IllegalArgumentException("no JSON schema for " + type.getTypeName());
        }
        if (raw == String.class) {
            return string(null);
        }
        if (raw == UUID.class) {
            return string("uuid");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class) {
            return string("date-time");
        }
        if (raw == LocalDate.class) {
            return string("date");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            return JSON.objectNode().put("type", "integer").put("format", "int32");
        }
        if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            return JSON.objectNode().put("type", "integer").put("format", "int64");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (raw == BigDecimal.class) {
            JsonFormat format = component == null ? null : component.getAccessor().getAnnotation(JsonFormat.class);
            if (format != null && format.shape() == JsonFormat.Shape.STRING) {
                return string(null).put("pattern", PLAIN_DECIMAL);
            }
            return JSON.objectNode().put("type", "number");
        }
        if (raw.isEnum() || raw.isRecord()) {
            return refTo(raw);
        }
        throw new IllegalArgumentException("no JSON schema for " + raw.getName());
    }

    private static ObjectNode string(String format) {
        ObjectNode schema = JSON.objectNode().put("type", "string");
        return format == null ? schema : schema.put("format", format);
    }

    /** The same schema also accepting JSON {@code null}. */
    static ObjectNode nullable(ObjectNode schema) {
        if (schema.has("$ref")) {
            ObjectNode oneOf = JSON.objectNode();
            oneOf.putArray("oneOf").add(schema).add(JSON.objectNode().put("type", "null"));
            return oneOf;
        }
        ObjectNode copy = schema.deepCopy();
        copy.putArray("type").add(schema.get("type").asText()).add("null");
        return copy;
    }
}
