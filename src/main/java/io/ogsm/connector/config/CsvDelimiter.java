package io.ogsm.connector.config;

import org.eclipse.microprofile.config.spi.Converter;

import java.util.Locale;

/** The field delimiter: detected from the header row, or fixed. */
public enum CsvDelimiter {
    AUTO(null), COMMA(','), SEMICOLON(';'), TAB('\t');

    private final Character character;

    CsvDelimiter(Character character) {
        this.character = character;
    }

    /** The character, or null for {@link #AUTO}. */
    public Character character() {
        return character;
    }

    /** Reads a configured value: {@code auto}, {@code ,} {@code ;} or a tab, or their names. */
    public static CsvDelimiter parse(String text) {
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

    /** Reads {@code ogsm.csv.delimiter} as written: the name or the character itself. */
    public static final class Reader implements Converter<CsvDelimiter> {
        @Override
        public CsvDelimiter convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ogsm.csv.delimiter must be auto, ',', ';' or tab, was '" + value + "'", e);
            }
        }
    }
}
