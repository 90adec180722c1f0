package io.ogsm.connector.source.csv;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a date with the configured patterns, each tried strictly in order. A date that is not read says why: a day
 * that does not exist ({@code 31-02-2025} in {@code d-M-yyyy}), or the common patterns that would read it and where
 * to add them.
 */
final class CsvDates {

    /** Where patterns are set when nothing else is named: the global key and its variable. */
    static final String DEFAULT_SETTING = "ogsm.csv.date-formats (OGSM_CSV_DATE_FORMATS)";

    /** Patterns seen in exports, offered when a date matches none of the configured ones. */
    private static final List<String> COMMON = List.of("yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy", "d/M/yyyy", "M/d/yyyy",
            "yyyy/M/d", "yyyyMMdd", "d MMM yyyy", "MMM d, yyyy");
    /** {@link #COMMON}, compiled once: a file of dates in another format asks for each row. */
    private static final List<DateTimeFormatter> COMMON_FORMATTERS = compile(COMMON);

    private final List<String> patterns;
    private final List<DateTimeFormatter> formatters;
    private final String described;
    private final String setting;

    CsvDates(List<String> patterns) {
        this(patterns, DEFAULT_SETTING);
    }

    /** @param setting where the patterns are set, for the reason of a date that is not read */
    CsvDates(List<String> patterns, String setting) {
        this.patterns = List.copyOf(patterns);
        this.formatters = compile(patterns);
        this.described = describe(patterns);
        this.setting = setting;
    }

    /** Why {@code text} is no date: it completes "date '…' ". */
    String problem(String text) {
        for (DateTimeFormatter formatter : formatters) {
            if (hasShape(formatter, text)) {
                return doesNotExist(formatter.parseUnresolved(text, new java.text.ParsePosition(0)));
            }
        }
        List<String> would = new ArrayList<>();
        String impossible = null;
        for (int i = 0; i < COMMON.size(); i++) {
            String pattern = COMMON.get(i);
            DateTimeFormatter formatter = COMMON_FORMATTERS.get(i);
            if (patterns.contains(pattern) || !hasShape(formatter, text)) {
                continue;
            }
            if (reads(formatter, text)) {
                would.add(pattern);
            } else if (impossible == null) {
                impossible = " (as " + pattern + " it "
                        + doesNotExist(formatter.parseUnresolved(text, new java.text.ParsePosition(0))) + ")";
            }
        }
        String reason = "does not match " + described;
        if (!would.isEmpty()) {
            return reason + "; it reads as " + describe(would) + ": add " + (would.size() == 1 ? "it" : "the one meant")
                    + " to " + setting;
        }
        return impossible != null ? reason + impossible : reason;
    }

    /** Whether the text has the pattern's shape, whether or not the date it names exists. */
    private static boolean hasShape(DateTimeFormatter formatter, String text) {
        java.text.ParsePosition position = new java.text.ParsePosition(0);
        return formatter.parseUnresolved(text, position) != null && position.getErrorIndex() < 0
                && position.getIndex() == text.length();
    }

    private static boolean reads(DateTimeFormatter formatter, String text) {
        try {
            LocalDate.parse(text, formatter);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The text has a pattern's shape, so the date it names does not exist: which part. */
    private static String doesNotExist(java.time.temporal.TemporalAccessor fields) {
        java.time.temporal.ChronoField month = java.time.temporal.ChronoField.MONTH_OF_YEAR;
        java.time.temporal.ChronoField day = java.time.temporal.ChronoField.DAY_OF_MONTH;
        if (fields.isSupported(month)) {
            long m = fields.getLong(month);
            if (m < 1 || m > 12) {
                return "does not exist: there is no month " + m;
            }
            if (fields.isSupported(day)) {
                long d = fields.getLong(day);
                java.time.temporal.ChronoField year = java.time.temporal.ChronoField.YEAR;
                java.time.Month named = java.time.Month.of((int) m);
                String monthName = named.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
                if (fields.isSupported(year)) {
                    long y = fields.getLong(year);
                    int length = java.time.YearMonth.of((int) y, named).lengthOfMonth();
                    if (d < 1 || d > length) {
                        return "does not exist: " + monthName + " " + y + " has " + length + " days";
                    }
                } else if (d < 1 || d > named.maxLength()) {
                    return "does not exist: " + monthName + " has at most " + named.maxLength() + " days";
                }
            }
        }
        return "does not exist";
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
