package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Optional;

/** What a mapped field takes from a record: a JSONPath (text starting with {@code $}) or a constant. */
public record ErpValue(String constant, ErpPath path) {

    public static ErpValue of(String text) {
        return text.trim().startsWith("$") ? new ErpValue(null, ErpPath.compile(text)) : new ErpValue(text, null);
    }

    /** The value for this record, or empty when the path finds nothing (or null). */
    public Optional<JsonNode> in(JsonNode record) {
        return path == null ? Optional.of(TextNode.valueOf(constant)) : path.value(record);
    }

    @Override
    public String toString() {
        return path == null ? "'" + constant + "'" : path.expression();
    }
}
