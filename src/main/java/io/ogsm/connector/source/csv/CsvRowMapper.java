package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.CsvEncoding;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.measurement.MeasurementValidation;
import io.ogsm.connector.measurement.Violation;
import io.ogsm.connector.source.csv.CsvHeader.Column;
import org.apache.commons.csv.CSVFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns one data record into a measurement, or into a reject naming every problem: values that do not convert
 * (type, id, date, number) first, then the rules of {@link MeasurementValidation}. Blank cells are absent fields.
 */
final class CsvRowMapper {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");

    private final CsvHeader header;
    private final MeasurementType defaultType;
    private final CsvDates dates;
    private final CsvDecimal numbers;
    private final CSVFormat rawFormat;
    private final Supplier<CsvEncoding> encoding;

    /** @param encoding the encoding the file is read in, as far as it is decided (see {@link CsvText}) */
    CsvRowMapper(CsvHeader header, CsvOptions options, char delimiter,
            Supplier<CsvEncoding> encoding) {
        this.encoding = encoding;
        this.header = header;
        this.defaultType = options.defaultType();
        this.dates = new CsvDates(options.dateFormats(), options.profile().dateSetting(), options.profile().locale());
        this.numbers = new CsvDecimal(options.decimalSeparator(), delimiter);
        this.rawFormat = format(delimiter);
    }

    /** Why a row holding a byte that the file's encoding cannot read is rejected, and how to save the file instead. */
    static String unreadable(CsvEncoding encoding) {
        return "row has bytes that are not " + encoding.key() + " text: save the file as CSV UTF-8 (Excel: Save As, "
                + "'CSV UTF-8 (Comma delimited)'; LibreOffice: Character set 'Unicode (UTF-8)'), or set the file's "
                + "encoding (ogsm.csv.encoding: auto, utf-8, windows-1252 or utf-16)";
    }

    static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\n").get();
    }

    /** The record as a row or a reject; null for a blank record (every cell empty or spaces), which is skipped. */
    CsvResult map(long line, List<String> values) {
        return map(line, values, column -> false);
    }

    /**
     * What a record holds: one row or reject, or in a wide sheet a row per period with a value and one reject naming
     * every cell that is no measurement; none for a blank record. {@code typed} as for
     * {@link #map(long, List, IntPredicate)}.
     */
    List<CsvResult> mapAll(long line, List<String> values, IntPredicate typed) {
        if (header.periods().isEmpty()) {
            CsvResult result = map(line, values, typed);
            return result == null ? List.of() : List.of(result);
        }
        return wide(line, values, typed);
    }

    private List<CsvResult> wide(long line, List<String> values, IntPredicate typed) {
        if (values.stream().allMatch(String::isBlank)) {
            return List.of();
        }
        String raw = rawFormat.format(values.toArray());
        CsvResult.Reject unusable = unusable(line, raw, values);
        if (unusable != null) {
            return List.of(unusable);
        }
        List<String> problems = new ArrayList<>();
        MeasurementType type = type(cell(values, Column.TYPE), problems);
        Long id = id(cell(values, Column.ID), problems);
        String title = cell(values, Column.TITLE);
        BigDecimal target = typed(typed, Column.TARGET) ? typedNumber("target", cell(values, Column.TARGET), problems)
                : number("target", cell(values, Column.TARGET), problems);
        String description = header.value(values, Column.DESCRIPTION);
        description = description == null || description.isBlank() ? null : description;
        if (!problems.isEmpty()) {
            return List.of(new CsvResult.Reject(line, raw, String.join("; ", problems), values));
        }
        List<CsvResult> results = new ArrayList<>();
        for (CsvHeader.Period period : header.periods()) {
            String text = period.index() < values.size() ? values.get(period.index()).trim() : "";
            if (text.isEmpty()) {
                continue;
            }
            List<String> found = new ArrayList<>();
            BigDecimal value = typed.test(period.index()) ? typedNumber("value", text, found)
                    : number("value", text, found);
            Measurement measurement = new Measurement(type, id, title, period.at(), value, target, description);
            if (found.isEmpty()) {
                MeasurementValidation.check(measurement).forEach(v -> found.add(v.toString()));
            }
            if (found.isEmpty()) {
                results.add(new CsvResult.Row(line, measurement, raw, values, period.header()));
            } else {
                found.forEach(problem -> problems.add("column '" + period.header() + "': " + problem));
            }
        }
        if (!problems.isEmpty()) {
            results.add(new CsvResult.Reject(line, raw, String.join("; ", problems), values));
        }
        return results;
    }

    /** A record that cannot be read at all: bytes of another encoding, or more fields than the header. */
    private CsvResult.Reject unusable(long line, String raw, List<String> values) {
        if (values.stream().anyMatch(v -> v.indexOf('\uFFFD') >= 0)) {
            return new CsvResult.Reject(line, raw, unreadable(encoding.get()), values);
        }
        int columns = header.names().size();
        if (values.size() > columns && values.subList(columns, values.size()).stream().anyMatch(v -> !v.isBlank())) {
            return new CsvResult.Reject(line, raw, "row has " + values.size() + " fields but the header has "
                    + columns + " (is a field with a delimiter in it not quoted?)", values);
        }
        return null;
    }

    /**
     * As {@link #map(long, List)}, for a workbook's row: the cells {@code typed} says (by column index) hold a
     * number as plain decimal text or a date as {@code yyyy-MM-dd}, read as such whatever the patterns and separators
     * configured for text.
     */
    CsvResult map(long line, List<String> values, IntPredicate typed) {
        if (values.stream().allMatch(String::isBlank)) {
            return null;
        }
        String raw = rawFormat.format(values.toArray());
        CsvResult.Reject unusable = unusable(line, raw, values);
        if (unusable != null) {
            return unusable;
        }
        List<String> problems = new ArrayList<>();
        MeasurementType type = type(cell(values, Column.TYPE), problems);
        Long id = id(cell(values, Column.ID), problems);
        String title = cell(values, Column.TITLE);
        LocalDate at = typed(typed, Column.AT) ? typedDate(cell(values, Column.AT), problems)
                : date(cell(values, Column.AT), problems);
        BigDecimal value = typed(typed, Column.VALUE) ? typedNumber("value", cell(values, Column.VALUE), problems)
                : number("value", cell(values, Column.VALUE), problems);
        BigDecimal target = typed(typed, Column.TARGET) ? typedNumber("target", cell(values, Column.TARGET), problems)
                : number("target", cell(values, Column.TARGET), problems);
        String description = header.value(values, Column.DESCRIPTION);
        if (description != null && description.isBlank()) {
            description = null;
        }
        Measurement measurement = new Measurement(type, id, title, at, value, target, description);
        if (problems.isEmpty()) {
            MeasurementValidation.check(measurement).forEach(v -> problems.add(v.toString()));
        }
        return problems.isEmpty() ? new CsvResult.Row(line, measurement, raw, values)
                : new CsvResult.Reject(line, raw, String.join("; ", problems), values);
    }

    /** The trimmed cell, or null when the column or the text is absent. */
    private String cell(List<String> values, Column column) {
        String text = header.value(values, column);
        return text == null || text.isBlank() ? null : text.trim();
    }

    private MeasurementType type(String text, List<String> problems) {
        if (text == null) {
            return defaultType;
        }
        Optional<MeasurementType> type = MeasurementType.parse(text);
        if (type.isEmpty()) {
            problems.add(Violation.of("type", text, "is not goal or kpi").toString());
        }
        return type.orElse(null);
    }

    private static Long id(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        if (WHOLE_NUMBER.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        problems.add(Violation.of("id", text, "is not a whole number").toString());
        return null;
    }

    private LocalDate date(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        Optional<LocalDate> date = dates.parse(text);
        if (date.isEmpty()) {
            problems.add(Violation.of("date", text, dates.problem(text)).toString());
        }
        return date.orElse(null);
    }

    /** Whether this row's cell for the field is typed (there is no cell without its column). */
    private boolean typed(IntPredicate typed, Column column) {
        int at = header.column(column);
        return at >= 0 && typed.test(at);
    }

    /** A typed cell in the date column: a date cell as such; a number (20261031) by the patterns, as text. */
    private LocalDate typedDate(String text, List<String> problems) {
        if (text != null && text.length() == 10 && text.charAt(4) == '-') {
            return LocalDate.parse(text);
        }
        return date(text, problems);
    }

    /** A typed cell in a number column: a number as such; a date cell is no number. */
    private BigDecimal typedNumber(String field, String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(Violation.of(field, text, "is a date, not a number").toString());
            return null;
        }
    }

    private BigDecimal number(String field, String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        CsvDecimal.Result result = numbers.parse(text);
        if (result.problem() != null) {
            problems.add(Violation.of(field, text, result.problem()).toString());
        }
        return result.value();
    }
}
