package io.ogsm.connector.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer of the sandbox: {@code {"error": "...", "errors": {"field": ["..."]}}} with its HTTP status.
 *
 * @param field the field at fault, or null when the error is not about one field
 */
public record SandboxError(int status, String message, String field) {

    public static SandboxError invalid(String field, String message) {
        return new SandboxError(422, field + " " + message, field);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("status", status);
        json.put("error", message);
        if (field != null) {
            json.putObject("errors").putArray(field).add(message.substring(field.length()).trim());
        }
        return json;
    }
}
