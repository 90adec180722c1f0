package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.measurement.MeasurementValidation;
import io.ogsm.connector.measurement.Violation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one ERP record becomes a {@link Measurement}: each field from a JSONPath or a constant, the date read with
 * {@code at-format}. A record that does not map (a field missing, a date or number that does not parse, a measurement
 * that breaks {@link MeasurementValidation}) gives the list of what is wrong instead.
 *
 * @param atFormat the date pattern of {@code at}, or null: ISO dates ({@code 2026-10-31}), ISO timestamps (their date)
 *                 and OData's {@code /Date(1761868800000)/}
 */
public record ErpMapping(ErpValue type, ErpValue id, ErpValue title, ErpValue at, DateTimeFormatter atFormat,
        String atPattern, ErpValue value, ErpValue target, ErpValue description) {

    private static final Pattern ODATA_DATE = Pattern.compile("/Date\\((-?\\d{1,15})([+-]\\d{4})?\\)/");

    /** The measurement, or what is wrong with the record. */
    public record Result(Measurement measurement, List<Violation> problems) {
        public boolean ok() {
            return measurement != null;
        }

        public String describe() {
            return String.join("; ", problems.stream().map(Violation::toString).toList());
        }
    }

    public Result map(JsonNode record) {
        List<Violation> problems = new ArrayList<>();
        MeasurementType measurementType = null;
        Optional<JsonNode> typeNode = type.in(record);
        if (typeNode.isEmpty()) {
            problems.add(Violation.of("type", null, "not found at " + type));
        } else {
            measurementType = MeasurementType.parse(typeNode.get().asText()).orElse(null);
            if (measurementType == null) {
                problems.add(Violation.of("type", text(typeNode.get()), "is not goal or kpi"));
            }
        }
        Long measurementId = null;
        if (id != null) {
            Optional<JsonNode> node = id.in(record);
            if (node.isEmpty()) {
                problems.add(Violation.of("id", null, "not found at " + id));
            } else {
                try {
                    measurementId = new BigDecimal(text(node.get()).trim()).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    problems.add(Violation.of("id", text(node.get()), "is not a whole number"));
                }
            }
        }
        String measurementTitle = null;
        if (title != null) {
            Optional<JsonNode> node = title.in(record);
            if (node.isEmpty() || text(node.get()).isBlank()) {
                problems.add(Violation.of("title", null, "not found at " + title));
            } else {
                measurementTitle = text(node.get()).trim();
            }
        }
        LocalDate date = null;
        Optional<JsonNode> atNode = at.in(record);
        if (atNode.isEmpty()) {
            problems.add(Violation.of("at", null, "not found at " + at));
        } else {
            String atText = text(atNode.get()).trim();
            date = date(atText);
            if (date == null) {
                problems.add(Violation.of("at", atText, atFormat != null ? "does not match the pattern " + atPattern
                        : "is not a date such as 2026-10-31 (set at-format)"));
            }
        }
        BigDecimal measured = number(problems, "value", value, record, true);
        BigDecimal targetValue = target == null ? null : number(problems, "target", target, record, false);
        String text = null;
        if (description != null) {
            text = description.in(record).map(ErpMapping::text).orElse(null);
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        Measurement measurement = new Measurement(measurementType, measurementId, measurementTitle, date, measured,
                targetValue, text);
        List<Violation> violations = MeasurementValidation.check(measurement);
        return violations.isEmpty() ? new Result(measurement, List.of()) : new Result(null, violations);
    }

    private static BigDecimal number(List<Violation> problems, String field, ErpValue source, JsonNode record,
            boolean required) {
        Optional<JsonNode> node = source.in(record);
        if (node.isEmpty()) {
            if (required) {
                problems.add(Violation.of(field, null, "not found at " + source));
            }
            return null;
        }
        JsonNode found = node.get();
        if (found.isNumber()) {
            return found.decimalValue();
        }
        String text = text(found).trim();
        if (!found.isTextual() || text.isEmpty()) {
            problems.add(Violation.of(field, text, "is not a number"));
            return null;
        }
        if (text.length() > 100) {
            problems.add(Violation.of(field, text, "is not a number (too long)"));
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(Violation.of(field, text, "is not a number"));
            return null;
        }
    }

    private LocalDate date(String text) {
        if (atFormat != null) {
            try {
                return LocalDate.parse(text, atFormat);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher odata = ODATA_DATE.matcher(text);
        if (odata.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(odata.group(1)))
                    .atOffset(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toLocalDate();
            } catch (DateTimeParseException notAnOffsetTimestamp) {
                try {
                    return LocalDateTime.parse(text).toLocalDate();
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
