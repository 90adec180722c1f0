package io.ogsm.connector.config;

import org.eclipse.microprofile.config.spi.Converter;

import java.util.Locale;

/** {@code ogsm.csv.decimal-separator}: the decimal separator of numbers, detected where unambiguous or fixed. */
public enum CsvDecimalSeparator {
    AUTO(null), POINT('.'), COMMA(',');

    private final Character character;

    CsvDecimalSeparator(Character character) {
        this.character = character;
    }

    /** The character, or null for {@link #AUTO}. */
    public Character character() {
        return character;
    }

    /** Reads a configured value: {@code auto}, {@code .} or {@code ,}, or their names. */
    public static CsvDecimalSeparator of(String text) {
        if (text == null) {
            return AUTO;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "auto" -> AUTO;
            case ".", "point", "dot" -> POINT;
            case ",", "comma" -> COMMA;
            default -> throw new IllegalArgumentException(
                    "ogsm.csv.decimal-separator must be auto, '.' or ',', was '" + text + "'");
        };
    }

    /** SmallRye's own enum converter knows only the names; this one also takes the characters. */
    public static final class FromConfig implements Converter<CsvDecimalSeparator> {
        @Override
        public CsvDecimalSeparator convert(String value) {
            return of(value);
        }
    }
}
