package dev.windjammer.io.json;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    enum Colour { RED, GREEN }

    record Item(String name, int count, Colour colour) {
    }

    record Basket(List<Item> items) {
    }

    record Stamp(Instant at) {
    }

    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive");
            }
        }
    }

    /** Jackson cannot create this: no creator, no properties. */
    static final class Opaque {
        private Opaque(Object unused) {
        }
    }

    private static JsonException readFails(String json, Class<?> type) {
        try {
            Json.read(json, type);
        } catch (JsonException e) {
            return e;
        }
        throw new AssertionError("expected a JsonException for " + json);
    }

    @Test
    void roundTripsRecordsAndCollections() {
        Basket basket = new Basket(List.of(new Item("rope", 2, Colour.RED)));
        String text = Json.writeString(basket);
        assertThat(text).isEqualTo("{\"items\":[{\"name\":\"rope\",\"count\":2,\"colour\":\"RED\"}]}");
        assertThat(Json.read(text, Basket.class)).isEqualTo(basket);
        assertThat(Json.read(Json.write(basket), Basket.class)).isEqualTo(basket);
    }

    @Test
    void readsGenericTypes() {
        List<Item> items = Json.read("[{\"name\":\"a\",\"count\":1,\"colour\":\"GREEN\"}]", new TypeReference<List<Item>>() { });
        assertThat(items).containsExactly(new Item("a", 1, Colour.GREEN));
    }

    @Test
    void writesInstantsAsIsoStrings() {
        Stamp stamp = new Stamp(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(Json.writeString(stamp)).isEqualTo("{\"at\":\"2026-01-02T03:04:05Z\"}");
        assertThat(Json.read(Json.writeString(stamp), Stamp.class)).isEqualTo(stamp);
    }

    @Test
    void malformedTextNamesLineAndColumn() {
        JsonException e = readFails("{\n  \"name\": \"rope\",\n  }", Item.class);
        assertThat(e).hasMessageStartingWith("malformed JSON at line 3, column 3");
        assertThat(e.path()).isEqualTo("$");
    }

    @Test
    void emptyDocumentIsRejected() {
        assertThat(readFails("  ", Item.class)).hasMessage("empty document, expected an object");
    }

    @Test
    void trailingContentIsRejected() {
        assertThat(readFails("{\"value\": 1} {}", Positive.class)).hasMessage("at $: unexpected content after the JSON value");
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThat(readFails("{\"value\": 1, \"value\": 2}", Positive.class)).hasMessageContaining("Duplicate field 'value'");
    }

    @Test
    void wrongTypeNamesThePathAndTheExpectedKind() {
        JsonException e = readFails("{\"items\":[{\"name\":\"a\",\"count\":\"two\",\"colour\":\"RED\"}]}", Basket.class);
        assertThat(e).hasMessage("at $.items[0].count: expected an integer, got a string");
        assertThat(e.path()).isEqualTo("$.items[0].count");
    }

    @Test
    void numericStringIsNotCoercedToANumber() {
        assertThat(readFails("{\"value\": \"1\"}", Positive.class)).hasMessageContaining("at $.value");
    }

    @Test
    void fractionIsNotAcceptedAsAnInteger() {
        assertThat(readFails("{\"value\": 1.5}", Positive.class)).hasMessageContaining("at $.value");
    }

    @Test
    void unknownEnumConstantListsTheKnownOnes() {
        assertThat(readFails("{\"name\":\"a\",\"count\":1,\"colour\":\"BLUE\"}", Item.class))
                .hasMessage("at $.colour: cannot read \"BLUE\" as one of [RED, GREEN]");
    }

    @Test
    void unknownPropertyIsRejected() {
        assertThat(readFails("{\"value\": 1, \"extra\": true}", Positive.class))
                .hasMessageStartingWith("at $.extra: unknown property \"extra\"");
    }

    @Test
    void missingPropertyIsRejected() {
        assertThat(readFails("{\"name\":\"a\",\"colour\":\"RED\"}", Item.class))
                .hasMessage("at $.count: missing required property");
    }

    @Test
    void nullForAPrimitiveIsRejected() {
        assertThat(readFails("{\"value\": null}", Positive.class)).hasMessageContaining("at $.value");
    }

    @Test
    void arrayWhereAnObjectBelongsNamesTheKind() {
        assertThat(readFails("[1, 2]", Item.class)).hasMessage("at $: expected an object, got an array");
    }

    @Test
    void constructorValidationBecomesTheMessage() {
        assertThat(readFails("{\"value\": -3}", Positive.class)).hasMessage("at $: invalid value: value must be positive");
    }

    @Test
    void messagesNeverEchoJavaClassNames() {
        assertThat(readFails("{\"items\": 5}", Basket.class).getMessage()).doesNotContain("dev.windjammer", "java.");
    }

    @Test
    void deeplyNestedDocumentHitsTheReadLimit() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThat(readFails(deep, List.class)).hasMessageStartingWith("JSON document exceeds a read limit: ")
                .hasMessageNotContaining("StreamReadConstraints");
    }

    @Test
    void typeThatCannotBeBoundIsTheCallersFault() {
        assertThatThrownBy(() -> Json.read("{}", Opaque.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read JSON as");
    }

    @Test
    void unwritableValueIsTheCallersFault() {
        assertThatThrownBy(() -> Json.write(new Opaque(null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write a " + Opaque.class.getName());
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> Json.read((String) null, Item.class)).isInstanceOf(NullPointerException.class).hasMessage("json");
        assertThatThrownBy(() -> Json.read("{}", (Class<?>) null)).isInstanceOf(NullPointerException.class).hasMessage("type");
    }

    @Test
    void mapsAndNullRoundTrip() {
        assertThat(Json.read("{\"a\": [1, 2]}", new TypeReference<Map<String, List<Integer>>>() { }))
                .isEqualTo(Map.of("a", List.of(1, 2)));
        assertThat(Json.writeString(null)).isEqualTo("null");
        assertThat(Json.read("null", Item.class)).isNull();
    }
}
