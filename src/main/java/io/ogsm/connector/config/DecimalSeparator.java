package io.ogsm.connector.config;

import org.eclipse.microprofile.config.spi.Converter;

import java.util.Locale;

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

    /** Reads {@code ogsm.csv.decimal-separator} as written: the name or the character itself. */
    public static final class Reader implements Converter<DecimalSeparator> {
        @Override
        public DecimalSeparator convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ogsm.csv.decimal-separator must be auto, '.' or ',', was '" + value + "'", e);
            }
        }
    }
}
