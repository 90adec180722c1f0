package io.ogsm.connector.delivery;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.ogsm.OgsmJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The delivery state's values as JSON, written field by field: byte for byte what the API mapper writes from the
 * {@link DeliveryStore} records ({@code StateJsonTest} holds them equal, and the mapper still reads them back), without
 * its reflection over the records, which was most of the state's CPU at thousands of measurements a second.
 */
final class StateJson {

    private StateJson() {
    }

    static byte[] of(DeliveryStore.Delivered delivered) {
        return OgsmJson.write(json -> {
            json.writeStartObject();
            number(json, "ogsmId", delivered.ogsmId());
            instant(json, "at", delivered.at());
            json.writeEndObject();
        });
    }

    static byte[] of(DeliveryStore.InFlight inFlight) {
        return OgsmJson.write(json -> {
            json.writeStartObject();
            text(json, "key", inFlight.key());
            json.writeFieldName("measurement");
            measurement(json, inFlight.measurement());
            instant(json, "since", inFlight.since());
            json.writeEndObject();
        });
    }

    static byte[] of(DeliveryStore.Tracking tracking) {
        return OgsmJson.write(json -> {
            json.writeStartObject();
            text(json, "state", tracking.state());
            text(json, "deliveryKey", tracking.deliveryKey());
            number(json, "ogsmId", tracking.ogsmId());
            text(json, "reason", tracking.reason());
            instant(json, "at", tracking.at());
            json.writeEndObject();
        });
    }

    /** A {@link Measurement}: its fields in order, nulls left out (as its {@code @JsonInclude} says). */
    private static void measurement(JsonGenerator json, Measurement m) throws IOException {
        if (m == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        if (m.type() != null) {
            json.writeStringField("type", m.type().key());
        }
        if (m.id() != null) {
            json.writeNumberField("id", m.id().longValue());
        }
        if (m.title() != null) {
            json.writeStringField("title", m.title());
        }
        if (m.at() != null) {
            json.writeStringField("at", m.at().toString());
        }
        decimal(json, "value", m.value());
        decimal(json, "target", m.target());
        if (m.description() != null) {
            json.writeStringField("description", m.description());
        }
        json.writeEndObject();
    }

    private static void decimal(JsonGenerator json, String name, BigDecimal value) throws IOException {
        if (value != null) {
            json.writeNumberField(name, value);
        }
    }

    private static void text(JsonGenerator json, String name, String value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    private static void number(JsonGenerator json, String name, Long value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value.longValue());
        }
    }

    /** An instant as the mapper writes one (ISO-8601, as {@link Instant#toString}). */
    private static void instant(JsonGenerator json, String name, Instant value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value.toString());
        }
    }
}
