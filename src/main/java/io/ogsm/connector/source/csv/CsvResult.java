package io.ogsm.connector.source.csv;

import io.ogsm.connector.measurement.Measurement;

import java.util.List;

/**
 * What one data record of a CSV file became: a {@link Row} with its measurement, or a {@link Reject} with the reason.
 * Both keep the record's values and its text, so a rejects file can repeat the original row with a reason column.
 */
public sealed interface CsvResult permits CsvResult.Row, CsvResult.Reject {

    /** The physical line the record starts on, 1-based; the header row is line 1 (or later, after blank lines). */
    long line();

    /** The record as CSV text in the file's delimiter, re-quoted where needed; no line break at the end. */
    String raw();

    /** The record's fields as read, unquoted, in the file's column order. */
    List<String> values();

    /**
     * A record that is a valid measurement (its title, if any, is not resolved yet). In a wide sheet a record holds a
     * measurement per period: {@code column} is the period's header, which tells them apart; null otherwise.
     */
    record Row(long line, Measurement measurement, String raw, List<String> values, String column)
            implements CsvResult {
        public Row {
            values = List.copyOf(values);
        }

        public Row(long line, Measurement measurement, String raw, List<String> values) {
            this(line, measurement, raw, values, null);
        }
    }

    /**
     * A record that is not a measurement; {@code reason} is a short sentence for a person, listing every problem
     * found, such as {@code value 'n/a' is not a number; date '31-02-2025' does not match yyyy-MM-dd}.
     */
    record Reject(long line, String raw, String reason, List<String> values) implements CsvResult {
        public Reject {
            values = List.copyOf(values);
        }
    }
}
