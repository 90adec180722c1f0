package io.ogsm.connector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.ogsm.OgsmResource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Checks a create body the way the OGSM API does: the wrapper object, the goal or KPI reference, a {@code yyyy-MM-dd}
 * date, a numeric value. Answers the fields to store, or the error the API would answer.
 */
public final class MeasurementBodyCheck {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The outcome: exactly one of {@code fields} and {@code error} is set. */
    public record Result(ObjectNode fields, long parentId, SandboxError error) {
        static Result ok(ObjectNode fields, long parentId) {
            return new Result(fields, parentId, null);
        }

        static Result fail(SandboxError error) {
            return new Result(null, 0, error);
        }

        public boolean ok() {
            return error == null;
        }
    }

    private MeasurementBodyCheck() {
    }

    /** @param resource {@link OgsmResource#GOAL_MEASUREMENTS} or {@link OgsmResource#KPI_MEASUREMENTS} */
    public static Result check(OgsmResource resource, JsonNode body) {
        String wrapper = resource == OgsmResource.GOAL_MEASUREMENTS ? "goal_report" : "indicator_report";
        String parent = resource == OgsmResource.GOAL_MEASUREMENTS ? "goal" : "indicator";
        if (body == null || !body.isObject()) {
            return Result.fail(new SandboxError(400, "the body must be a JSON object", null));
        }
        JsonNode report = body.get(wrapper);
        if (report == null || !report.isObject()) {
            return Result.fail(new SandboxError(422, wrapper + " is missing: send {\"" + wrapper + "\": {...}}",
                    wrapper));
        }
        JsonNode ref = report.get(parent);
        JsonNode id = ref == null ? null : ref.get("id");
        long parentId;
        if (id != null && id.isIntegralNumber() && id.canConvertToLong()) {
            parentId = id.asLong();
        } else if (id != null && id.isTextual() && id.asText().trim().matches("\\d{1,18}")) {
            parentId = Long.parseLong(id.asText().trim());
        } else {
            return Result.fail(SandboxError.invalid(parent + ".id", "must be a number"));
        }

        JsonNode at = report.get("at");
        if (at == null || at.isNull()) {
            return Result.fail(SandboxError.invalid("at", "is missing"));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(at.asText(), DATE);
        } catch (DateTimeParseException e) {
            return Result.fail(SandboxError.invalid("at", "must be a date as yyyy-MM-dd"));
        }
        if (!at.isTextual()) {
            return Result.fail(SandboxError.invalid("at", "must be a date as yyyy-MM-dd"));
        }

        BigDecimal value = number(report.get("current_value"));
        if (value == null) {
            return Result.fail(SandboxError.invalid("current_value", "must be a number"));
        }
        JsonNode targetNode = report.get("target_value");
        BigDecimal target = null;
        if (targetNode != null && !targetNode.isNull()) {
            target = number(targetNode);
            if (target == null) {
                return Result.fail(SandboxError.invalid("target_value", "must be a number or null"));
            }
        }
        JsonNode description = report.get("description");
        if (description != null && !description.isNull() && !description.isTextual()) {
            return Result.fail(SandboxError.invalid("description", "must be text"));
        }
        JsonNode show = report.get("show_in_ogsm");
        if (show != null && !show.isNull() && !show.isBoolean()) {
            return Result.fail(SandboxError.invalid("show_in_ogsm", "must be true or false"));
        }

        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.putObject(parent).put("id", parentId);
        fields.put("at", date.toString());
        fields.put("current_value", value);
        if (target == null) {
            fields.putNull("target_value");
        } else {
            fields.put("target_value", target);
        }
        fields.put("show_in_ogsm", show != null && show.asBoolean(false));
        if (description == null || description.isNull()) {
            fields.putNull("description");
        } else {
            fields.put("description", description.asText());
        }
        return Result.ok(fields, parentId);
    }

    /** A JSON number, or text that is a plain decimal number (as the vendor's Rails API also accepts). */
    static BigDecimal number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual() && node.asText().trim().matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(node.asText().trim());
        }
        return null;
    }
}
