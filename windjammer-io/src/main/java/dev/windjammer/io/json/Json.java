package dev.windjammer.io.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * JSON in and out for the I/O layer: one strictly configured Jackson 2 mapper shared by the HTTP
 * client and server ({@code Http.json(..)}, {@code request.json(..)}, {@code response.json(..)}).
 *
 * <p><b>Reading is strict</b>, because a server should reject what it did not expect rather than
 * guess: malformed text, trailing content after the document, duplicate keys, unknown
 * properties, a missing property of a record (every component of a record is required; send
 * {@code null} for an absent value), {@code null} for a primitive, a string where a number is
 * expected ({@code "1"} is not {@code 1}) and a fraction where an integer is expected all fail
 * with a {@link JsonException} whose message names the problem and its JSON path. A record's
 * compact constructor may validate its components: an exception it throws becomes a
 * {@code JsonException} carrying that exception's message, so a server answers {@code 400} with
 * it. Jackson's default read limits apply (nesting depth, string and number lengths).
 *
 * <p><b>Writing</b> produces compact UTF-8; {@code java.time} values are ISO-8601 strings.
 *
 * <p>Types are bound by reflection: records, public classes with properties, collections, maps,
 * {@code java.time} types. On the module path, the package of a record or class that is read or
 * written must be open (or exported) to {@code com.fasterxml.jackson.databind}.
 *
 * <p>All methods are thread-safe and may be called from any number of threads at once.
 */
public final class Json {
    /*
     * Implementation notes
     *
     * Overview. Jackson's ObjectMapper is thread-safe after configuration and caches its
     * (de)serializers per type, so a single instance serves every caller. The configuration
     * turns Jackson's lenient defaults into strict ones (see the class comment); the error
     * translation below turns Jackson's exception hierarchy into one message a client can act
     * on, without Jackson's source excerpts or Java class names:
     *   StreamReadException (malformed text, limits)  -> "malformed JSON at line L, column C: .."
     *   MismatchedInputException and subtypes          -> "at $.path: expected <json kind> .."
     *   ValueInstantiationException (record validation) -> "at $.path: <constructor's message>"
     *   InvalidDefinitionException (type not bindable) -> IllegalArgumentException: the caller's
     *                                                     type is at fault, not the document.
     *
     * Concurrency. Stateless apart from the mapper; no locks.
     */

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private Json() {
    }

    /**
     * Writes {@code value} as compact UTF-8 JSON.
     *
     * @param value any value Jackson can bind, may be {@code null} (written as {@code null})
     * @return the JSON bytes
     * @throws IllegalArgumentException if the value's type cannot be written as JSON
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw cannotWrite(value, e);
        }
    }

    /**
     * Writes {@code value} as compact JSON text.
     *
     * @param value any value Jackson can bind, may be {@code null} (written as {@code null})
     * @return the JSON text
     * @throws IllegalArgumentException if the value's type cannot be written as JSON
     */
    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw cannotWrite(value, e);
        }
    }

    /**
     * Reads a UTF-8 JSON document as a {@code type}.
     *
     * @param json the document
     * @param type the type to bind to, e.g. a record class
     * @param <T>  the result type
     * @return the value; {@code null} only if the document is the literal {@code null}
     * @throws JsonException if the document is malformed or does not fit {@code type}
     * @throws IllegalArgumentException if {@code type} cannot be bound from JSON at all
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> T read(byte[] json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        return read(json, MAPPER.constructType(type));
    }

    /**
     * Reads a UTF-8 JSON document as a generic type, e.g.
     * {@code Json.read(bytes, new TypeReference<List<String>>() {})}.
     *
     * @param json the document
     * @param type the type to bind to
     * @param <T>  the result type
     * @return the value; {@code null} only if the document is the literal {@code null}
     * @throws JsonException if the document is malformed or does not fit {@code type}
     * @throws IllegalArgumentException if {@code type} cannot be bound from JSON at all
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> T read(byte[] json, TypeReference<T> type) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        return read(json, MAPPER.constructType(type));
    }

    /**
     * Reads a JSON text as a {@code type}.
     *
     * @param json the document
     * @param type the type to bind to
     * @param <T>  the result type
     * @return the value; {@code null} only if the document is the literal {@code null}
     * @throws JsonException if the document is malformed or does not fit {@code type}
     * @throws IllegalArgumentException if {@code type} cannot be bound from JSON at all
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /**
     * Reads a JSON text as a generic type.
     *
     * @param json the document
     * @param type the type to bind to
     * @param <T>  the result type
     * @return the value; {@code null} only if the document is the literal {@code null}
     * @throws JsonException if the document is malformed or does not fit {@code type}
     * @throws IllegalArgumentException if {@code type} cannot be bound from JSON at all
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> T read(String json, TypeReference<T> type) {
        Objects.requireNonNull(json, "json");
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static <T> T read(byte[] json, JavaType type) {
        if (isBlank(json)) {
            throw new JsonException("empty document, expected " + describe(type.getRawClass()), "$", null);
        }
        try (JsonParser parser = MAPPER.createParser(json)) {
            try {
                return MAPPER.readValue(parser, type);
            } catch (InvalidDefinitionException e) {
                throw new IllegalArgumentException("cannot read JSON as " + type + ": " + e.getOriginalMessage(), e);
            } catch (StreamConstraintsException e) {
                throw overLimit(e, "$");
            } catch (StreamReadException e) {
                throw malformed(e);
            } catch (JsonMappingException e) {
                throw misfit(e, parser.currentToken());
            }
        } catch (IOException e) {
            // reading from a byte array does no I/O; Jackson declares it for streams
            throw new JsonException("unreadable JSON: " + e.getMessage(), "$", e);
        }
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static JsonException malformed(StreamReadException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new JsonException("malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()), "$", e);
    }

    private static JsonException overLimit(StreamConstraintsException e, String path) {
        String message = e.getOriginalMessage();
        int from = message.indexOf(", from `");
        if (from > 0 && message.indexOf(')', from) > 0) {
            message = message.substring(0, from) + message.substring(message.indexOf(')', from));
        }
        return new JsonException("JSON document exceeds a read limit: " + message, path, e);
    }

    private static JsonException misfit(JsonMappingException e, JsonToken at) {
        String path = path(e.getPath());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return overLimit(limit, path);
            }
        }
        String problem = switch (e) {
            case UnrecognizedPropertyException u -> "unknown property \"" + u.getPropertyName() + "\""
                    + (u.getKnownPropertyIds() == null || u.getKnownPropertyIds().isEmpty() ? ""
                    : "; known properties: " + u.getKnownPropertyIds());
            case InvalidNullException n -> "null is not allowed, expected " + describe(n.getTargetType());
            case InvalidFormatException f -> "cannot read " + render(f.getValue()) + " as " + describe(f.getTargetType());
            case MismatchedInputException m when isMissingProperty(m) -> "missing required property";
            case MismatchedInputException m when startsWith(m, "Trailing token") -> "unexpected content after the JSON value";
            case MismatchedInputException m -> "expected " + describe(m.getTargetType()) + found(at);
            case ValueInstantiationException v -> "invalid value: " + rootMessage(v);
            default -> firstLine(e.getOriginalMessage());
        };
        return new JsonException("at " + path + ": " + problem, path, e);
    }

    private static boolean startsWith(JsonMappingException e, String prefix) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith(prefix);
    }

    /** ", got a string" for the token the parser stood on, or nothing when unknown. */
    private static String found(JsonToken token) {
        if (token == null) {
            return "";
        }
        return switch (token) {
            case VALUE_STRING -> ", got a string";
            case VALUE_NUMBER_INT -> ", got an integer";
            case VALUE_NUMBER_FLOAT -> ", got a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> ", got a boolean";
            case VALUE_NULL -> ", got null";
            case START_ARRAY, END_ARRAY -> ", got an array";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> ", got an object";
            default -> "";
        };
    }

    private static boolean isMissingProperty(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Missing ") && message.contains("creator property");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = cause.getMessage();
        return message == null ? "rejected by " + cause.getClass().getSimpleName() : firstLine(message);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                out.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** Names the JSON kind a Java type is read from, without exposing Java class names. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + type.getSimpleName() + " string";
        }
        if (type == byte[].class) {
            return "a base64 string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.isPrimitive()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String render(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static IllegalArgumentException cannotWrite(Object value, JsonProcessingException e) {
        return new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON: "
                + e.getOriginalMessage(), e);
    }
}
