package io.ogsm.connector.measurement;

/** One thing wrong with an input: the field, the value found (as text, cut short) and what is wrong with it. */
public record Violation(String field, String value, String message) {

    static final int MAX_VALUE_LENGTH = 80;

    public static Violation of(String field, Object value, String message) {
        String text = value == null ? null : String.valueOf(value);
        if (text != null && text.length() > MAX_VALUE_LENGTH) {
            text = text.substring(0, MAX_VALUE_LENGTH) + "…";
        }
        return new Violation(field, text, message);
    }

    @Override
    public String toString() {
        return value == null ? field + " " + message : field + " '" + value + "' " + message;
    }
}
