package io.ogsm.connector.config;

import org.eclipse.microprofile.config.spi.Converter;

import java.util.Locale;

/** {@code ogsm.csv.delimiter}: the field delimiter of a dropped CSV file, detected from the header row or fixed. */
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
    public static CsvDelimiter of(String text) {
        if (text == null || text.equals("\t")) {
            return text == null ? AUTO : TAB;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "auto" -> AUTO;
            case ",", "comma" -> COMMA;
            case ";", "semicolon" -> SEMICOLON;
            case "\\t", "tab" -> TAB;
            default -> throw new IllegalArgumentException(
                    "ogsm.csv.delimiter must be auto, ',', ';' or tab, was '" + text + "'");
        };
    }

    /** SmallRye's own enum converter knows only the names; this one also takes the characters. */
    public static final class FromConfig implements Converter<CsvDelimiter> {
        @Override
        public CsvDelimiter convert(String value) {
            return of(value);
        }
    }
}
