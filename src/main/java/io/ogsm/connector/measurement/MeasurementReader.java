package io.ogsm.connector.measurement;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads a measurement from JSON in either form a source may send: the canonical
 * {@code {"type":"kpi","id":31,"at":"2024-10-09","value":45.6}} (or {@code "title"} instead of {@code "id"}), or the
 * API's own body {@code {"goal_report":{"goal":{"id":11},"at":...,"current_value":...}}} /
 * {@code {"indicator_report":{...}}}. Numbers may be JSON numbers or decimal text; dates are {@code yyyy-MM-dd}.
 * Answers the measurement, or every violation found, each naming its field.
 */
public final class MeasurementReader {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Exactly one of {@code measurement} and {@code violations} is meaningful. */
    public record Result(Measurement measurement, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private MeasurementReader() {
    }

    public static Result read(JsonNode json) {
        if (json == null || !json.isObject()) {
            return new Result(null, List.of(Violation.of("measurement", null, "must be a JSON object")));
        }
        if (json.has("goal_report")) {
            return readApiBody(json.get("goal_report"), MeasurementType.GOAL, "goal_report", "goal");
        }
        if (json.has("indicator_report")) {
            return readApiBody(json.get("indicator_report"), MeasurementType.KPI, "indicator_report", "indicator");
        }
        List<Violation> violations = new ArrayList<>();
        MeasurementType type = null;
        JsonNode typeNode = json.get("type");
        if (typeNode != null && !typeNode.isNull()) {
            type = MeasurementType.parse(typeNode.asText()).orElse(null);
            if (type == null) {
                violations.add(Violation.of("type", typeNode.asText(), "is not goal or kpi"));
            }
        }
        Long id = id(json.get("id"), "id", violations);
        String title = text(json.get("title"), "title", violations);
        LocalDate at = date(json.get("at"), "at", violations);
        BigDecimal value = number(json.get("value"), "value", violations);
        BigDecimal target = number(json.get("target"), "target", violations);
        String description = text(json.get("description"), "description", violations);
        return finish(new Measurement(type, id, title == null ? null : title.trim(), at, value, target, description),
                violations, UnaryOperator.identity());
    }

    private static Result readApiBody(JsonNode report, MeasurementType type, String wrapper, String parent) {
        if (report == null || !report.isObject()) {
            return new Result(null, List.of(Violation.of(wrapper, null, "must be an object")));
        }
        List<Violation> violations = new ArrayList<>();
        JsonNode ref = report.get(parent);
        Long id = id(ref == null ? null : ref.get("id"), wrapper + "." + parent + ".id", violations);
        if (id == null && violations.isEmpty()) {
            violations.add(Violation.of(wrapper + "." + parent + ".id", null, "is missing"));
        }
        LocalDate at = date(report.get("at"), wrapper + ".at", violations);
        BigDecimal value = number(report.get("current_value"), wrapper + ".current_value", violations);
        BigDecimal target = number(report.get("target_value"), wrapper + ".target_value", violations);
        String description = text(report.get("description"), wrapper + ".description", violations);
        // a rule broken names the body's own field (goal_report.current_value), not the canonical one (value)
        UnaryOperator<String> bodyField = field -> switch (field) {
            case "id" -> wrapper + "." + parent + ".id";
            case "value" -> wrapper + ".current_value";
            case "target" -> wrapper + ".target_value";
            case "at", "description" -> wrapper + "." + field;
            default -> field;
        };
        return finish(new Measurement(type, id, null, at, value, target, description), violations, bodyField);
    }

    private static Result finish(Measurement measurement, List<Violation> violations,
            UnaryOperator<String> fieldName) {
        if (violations.isEmpty()) {
            MeasurementValidation.check(measurement).forEach(v ->
                    violations.add(new Violation(fieldName.apply(v.field()), v.value(), v.message())));
        }
        return violations.isEmpty() ? new Result(measurement, List.of()) : new Result(null, List.copyOf(violations));
    }

    private static Long id(JsonNode node, String field, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().trim().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText().trim());
        }
        violations.add(Violation.of(field, node.asText(), "is not a whole number"));
        return null;
    }

    private static String text(JsonNode node, String field, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            violations.add(Violation.of(field, node.toString(), "must be text"));
            return null;
        }
        return node.asText();
    }

    private static LocalDate date(JsonNode node, String field, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isTextual()) {
                return LocalDate.parse(node.asText().trim(), DATE);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(Violation.of(field, node.asText(), "is not a date as yyyy-MM-dd"));
        return null;
    }

    static BigDecimal number(JsonNode node, String field, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual() && node.asText().trim().matches("-?\\d{1,30}(\\.\\d{1,30})?")) {
            return new BigDecimal(node.asText().trim());
        }
        violations.add(Violation.of(field, node.asText(), "is not a number"));
        return null;
    }
}
