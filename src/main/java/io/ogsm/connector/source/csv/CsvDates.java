package io.ogsm.connector.source.csv;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a date with the configured patterns, each tried strictly in order. */
final class CsvDates {

    private final List<DateTimeFormatter> formatters;
    private final String described;

    CsvDates(List<String> patterns) {
        this.formatters = compile(patterns);
        this.described = describe(patterns);
    }

    Optional<LocalDate> parse(String text) {
        for (DateTimeFormatter formatter : formatters) {
            try {
                return Optional.of(LocalDate.parse(text, formatter));
            } catch (DateTimeParseException e) {
                // the next pattern may match
            }
        }
        return Optional.empty();
    }

    /** The patterns as configured, for a reason: {@code yyyy-MM-dd or d-M-yyyy}. */
    String described() {
        return described;
    }

    static List<DateTimeFormatter> compile(List<String> patterns) {
        List<DateTimeFormatter> formatters = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                formatters.add(DateTimeFormatter.ofPattern(strictYear(pattern)).withResolverStyle(ResolverStyle.STRICT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("CSV date format '" + pattern + "' is not a date pattern", e);
            }
        }
        return formatters;
    }

    /**
     * {@code yyyy} is the year of an era, which STRICT resolving refuses without an era; {@code uuuu} is what a
     * user means. Letters inside quotes are literal text and stay.
     */
    static String strictYear(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    private static String describe(List<String> patterns) {
        if (patterns.size() == 1) {
            return patterns.get(0);
        }
        return String.join(", ", patterns.subList(0, patterns.size() - 1)) + " or " + patterns.get(patterns.size() - 1);
    }
}
