package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.io.IOException;
import java.util.Locale;

/**
 * The colour of a goal, KPI, action or measurement ({@code "red"}, {@code "green"}, ...).
 * <p>
 * The API page shows it as a string; the vendor's export feeds send it as a list of named objects
 * ({@code [{"name": "red"}]}). Both are accepted; it is always written back as a plain string. Colours this class does
 * not know are kept as they are, lower-cased, rather than rejected: the vendor may add one.
 */
@JsonDeserialize(using = TrafficLight.Reader.class)
public record TrafficLight(String color) {

    public static final TrafficLight RED = new TrafficLight("red");
    public static final TrafficLight ORANGE = new TrafficLight("orange");
    public static final TrafficLight GREEN = new TrafficLight("green");

    public TrafficLight {
        if (color == null || color.isBlank()) {
            throw new IllegalArgumentException("traffic light colour must not be blank");
        }
        color = color.trim().toLowerCase(Locale.ROOT);
    }

    /** Null for a null or blank colour, so a missing traffic light stays missing. */
    public static TrafficLight of(String color) {
        return color == null || color.isBlank() ? null : new TrafficLight(color);
    }

    @JsonValue
    public String color() {
        return color;
    }

    @Override
    public String toString() {
        return color;
    }

    /** Reads {@code "red"}, {@code [{"name":"red"}]}, {@code {"name":"red"}} or null. */
    static final class Reader extends JsonDeserializer<TrafficLight> {
        @Override
        public TrafficLight deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            return fromNode(node, parser, context);
        }

        private static TrafficLight fromNode(JsonNode node, JsonParser parser, DeserializationContext context)
                throws IOException {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isTextual()) {
                return of(node.asText());
            }
            if (node.isArray()) {
                return node.isEmpty() ? null : fromNode(node.get(0), parser, context);
            }
            if (node.isObject() && node.has("name")) {
                return fromNode(node.get("name"), parser, context);
            }
            return (TrafficLight) context.handleUnexpectedToken(TrafficLight.class, node.asToken(), parser,
                    "traffic_light must be a string or a list of {name}, got %s", node.getNodeType());
        }

        @Override
        public TrafficLight getNullValue(DeserializationContext context) {
            return null;
        }
    }
}
