package io.ogsm.connector.source.csv;

import io.ogsm.connector.measurement.MeasurementType;

import java.util.List;
import java.util.Locale;

/**
 * How a dropped CSV file is read.
 *
 * @param dateFormats      date patterns tried in order, each strictly ({@code yyyy} is read as the proleptic year
 *                         {@code uuuu}, so {@code 2025-02-31} is refused); default {@code yyyy-MM-dd}
 * @param delimiter        {@link Delimiter#AUTO} detects {@code ,} {@code ;} or tab from the header row
 * @param decimalSeparator {@link DecimalSeparator#AUTO} accepts a decimal comma where it is unambiguous; a configured
 *                         separator is followed strictly (the other character is then only a thousands separator)
 * @param defaultType      the type of rows without one, from the inbox subfolder ({@code goals/}, {@code kpis/});
 *                         null when the file must say it in a {@code type} column. A row's own type wins.
 * @param maxLineLength    the longest record in characters (a record with quoted line breaks counts all its lines);
 *                         a longer one fails the file, see {@link CsvMeasurements}. Default 1 MiB.
 */
public record CsvOptions(
        List<String> dateFormats,
        Delimiter delimiter,
        DecimalSeparator decimalSeparator,
        MeasurementType defaultType,
        int maxLineLength) {

    public static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
    public static final int DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;

    /** Null arguments take their defaults; a date pattern that is not one fails here, naming it. */
    public CsvOptions {
        dateFormats = dateFormats == null || dateFormats.isEmpty() ? List.of(DEFAULT_DATE_FORMAT)
                : List.copyOf(dateFormats);
        delimiter = delimiter == null ? Delimiter.AUTO : delimiter;
        decimalSeparator = decimalSeparator == null ? DecimalSeparator.AUTO : decimalSeparator;
        if (maxLineLength <= 0) {
            throw new IllegalArgumentException("CSV max line length must be positive, not " + maxLineLength);
        }
        CsvDates.compile(dateFormats);
    }

    public static CsvOptions defaults() {
        return new CsvOptions(null, null, null, null, DEFAULT_MAX_LINE_LENGTH);
    }

    public CsvOptions withDateFormats(String... patterns) {
        return new CsvOptions(List.of(patterns), delimiter, decimalSeparator, defaultType, maxLineLength);
    }

    public CsvOptions withDelimiter(Delimiter newDelimiter) {
        return new CsvOptions(dateFormats, newDelimiter, decimalSeparator, defaultType, maxLineLength);
    }

    public CsvOptions withDecimalSeparator(DecimalSeparator separator) {
        return new CsvOptions(dateFormats, delimiter, separator, defaultType, maxLineLength);
    }

    public CsvOptions withDefaultType(MeasurementType type) {
        return new CsvOptions(dateFormats, delimiter, decimalSeparator, type, maxLineLength);
    }

    public CsvOptions withMaxLineLength(int characters) {
        return new CsvOptions(dateFormats, delimiter, decimalSeparator, defaultType, characters);
    }

    /** The field delimiter: detected from the header row, or fixed. */
    public enum Delimiter {
        AUTO(null), COMMA(','), SEMICOLON(';'), TAB('\t');

        private final Character character;

        Delimiter(Character character) {
            this.character = character;
        }

        /** The character, or null for {@link #AUTO}. */
        public Character character() {
            return character;
        }

        /** Reads a configured value: {@code auto}, {@code ,} {@code ;} or a tab, or their names. */
        public static Delimiter parse(String text) {
            if (text == null || text.equals("\t")) {
                return text == null ? AUTO : TAB;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "", "auto" -> AUTO;
                case ",", "comma" -> COMMA;
                case ";", "semicolon" -> SEMICOLON;
                case "\\t", "tab" -> TAB;
                default -> throw new IllegalArgumentException(
                        "CSV delimiter '" + text + "' is not auto, ',', ';' or tab");
            };
        }
    }

    /** The decimal separator of numbers: detected where unambiguous, or fixed. */
    public enum DecimalSeparator {
        AUTO(null), POINT('.'), COMMA(',');

        private final Character character;

        DecimalSeparator(Character character) {
            this.character = character;
        }

        /** The character, or null for {@link #AUTO}. */
        public Character character() {
            return character;
        }

        /** Reads a configured value: {@code auto}, {@code .} or {@code ,}, or their names. */
        public static DecimalSeparator parse(String text) {
            if (text == null) {
                return AUTO;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "", "auto" -> AUTO;
                case ".", "point", "dot" -> POINT;
                case ",", "comma" -> COMMA;
                default -> throw new IllegalArgumentException(
                        "CSV decimal separator '" + text + "' is not auto, '.' or ','");
            };
        }
    }
}
