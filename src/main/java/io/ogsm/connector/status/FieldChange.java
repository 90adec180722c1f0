package io.ogsm.connector.status;

import com.fasterxml.jackson.databind.JsonNode;

/** One field that differs: its name, the value before and the value after (JSON null when absent). */
public record FieldChange(String field, JsonNode before, JsonNode after) {
}
