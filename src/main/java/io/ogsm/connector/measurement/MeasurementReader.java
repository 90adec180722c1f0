package io.ogsm.connector.measurement;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.config.Spelling;

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

    /**
     * The fields of a measurement that this reader does not know, each a violation naming the closest known field:
     * a misspelt {@code "titel"} would otherwise be ignored, and the answer would say only that the title is missing.
     */
    public static List<Violation> unknownFields(JsonNode json) {
        List<Violation> unknown = new ArrayList<>();
        if (json == null || !json.isObject()) {
            return unknown;
        }
        for (String wrapper : List.of("goal_report", "indicator_report")) {
            if (json.has(wrapper)) {
                String parent = wrapper.equals("goal_report") ? "goal" : "indicator";
                unknown(json, List.of(wrapper), "", unknown);
                unknown(json.get(wrapper), List.of(parent, "at", "current_value", "target_value", "description"),
                        wrapper + ".", unknown);
                unknown(json.get(wrapper).get(parent), List.of("id"), wrapper + "." + parent + ".", unknown);
                return unknown;
            }
        }
        unknown(json, CANONICAL_FIELDS, "", unknown);
        return unknown;
    }

    private static final List<String> CANONICAL_FIELDS = List.of("type", "id", "title", "at", "value", "target",
            "description");

    private static void unknown(JsonNode object, List<String> known, String prefix, List<Violation> unknown) {
        if (object == null || !object.isObject()) {
            return;
        }
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(Violation.of(prefix + name, null, Spelling.closest(name, known)
                        .map(closest -> "is not a known field; did you mean '" + prefix + closest + "'?")
                        .orElse("is not a known field; known: " + String.join(", ", known))));
            }
        });
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
        if (node.isTextual() && node.asText().strip().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText().strip());
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
                return LocalDate.parse(node.asText().strip(), DATE);
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
            BigDecimal number = node.decimalValue();
            // 1e999999999 is a JSON number too; nothing measured needs more than 30 digits either side of the point
            if (number.precision() - number.scale() > 30 || number.scale() > 30) {
                violations.add(Violation.of(field, node.asText(), "is out of range (at most 30 digits either side of "
                        + "the decimal point)"));
                return null;
            }
            return number;
        }
        if (node.isTextual() && node.asText().strip().matches("-?\\d{1,30}(\\.\\d{1,30})?")) {
            return new BigDecimal(node.asText().strip());
        }
        violations.add(Violation.of(field, node.asText(), "is not a number"));
        return null;
    }
}
