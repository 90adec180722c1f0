package io.ogsm.connector.source.csv;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a date with the configured patterns, each tried strictly in order. A date that is not read says why: a day
 * that does not exist ({@code 31-02-2025} in {@code d-M-yyyy}), or the common patterns that would read it and where
 * to add them.
 */
final class CsvDates {

    /** Where patterns are set when nothing else is named: the global key and its variable. */
    static final String DEFAULT_SETTING = "ogsm.csv.date-formats (OGSM_CSV_DATE_FORMATS)";

    /** A point after a letter: an abbreviation's ({@code okt.}); declared before the formatters compiled with it. */
    private static final java.util.regex.Pattern ABBREVIATION_POINT =
            java.util.regex.Pattern.compile("(\\p{L})\\.");

    /** Patterns seen in exports, offered when a date matches none of the configured ones. */
    private static final List<String> COMMON = List.of("yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy", "d/M/yyyy", "M/d/yyyy",
            "yyyy/M/d", "yyyyMMdd", "d MMM yyyy", "MMM d, yyyy");
    /** {@link #COMMON}, compiled once: a file of dates in another format asks for each row. */
    private static final List<DateTimeFormatter> COMMON_FORMATTERS = compile(COMMON);

    private final List<String> patterns;
    private final List<DateTimeFormatter> formatters;
    private final String described;
    private final String setting;
    /** Whether a pattern has month names: then a point after letters is dropped from the text ({@code okt.}). */
    private final boolean monthNames;

    CsvDates(List<String> patterns) {
        this(patterns, DEFAULT_SETTING, null);
    }

    /**
     * @param setting where the patterns are set, for the reason of a date that is not read
     * @param locale  the language of month names; null for English
     */
    CsvDates(List<String> patterns, String setting, Locale locale) {
        this.patterns = List.copyOf(patterns);
        this.formatters = compile(patterns, locale);
        this.described = describe(patterns);
        this.setting = setting;
        this.monthNames = patterns.stream().anyMatch(CsvDates::hasMonthNames);
    }

    /** Why {@code text} is no date: it completes "date '…' ". */
    String problem(String raw) {
        String text = monthNames ? withoutAbbreviationPoints(raw) : raw;
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

    Optional<LocalDate> parse(String raw) {
        String text = monthNames ? withoutAbbreviationPoints(raw) : raw;
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
        return compile(patterns, null);
    }

    /** The patterns compiled strictly, month names in {@code locale} (null: English); a bad one fails, naming it. */
    static List<DateTimeFormatter> compile(List<String> patterns, Locale locale) {
        List<DateTimeFormatter> formatters = new ArrayList<>();
        for (String pattern : patterns) {
            formatters.add(compileOne(pattern, locale));
        }
        return formatters;
    }

    /**
     * One pattern, strict in its numbers and case-insensitive in its words. A month name ({@code MMM} or
     * {@code MMMM}) is read in full or abbreviated, with or without the point some locales abbreviate with
     * ({@code okt.}, {@code okt}, {@code oktober} in Dutch); the text is read without such points, see
     * {@link #withoutAbbreviationPoints}.
     */
    static DateTimeFormatter compileOne(String pattern, Locale locale) {
        Locale language = locale == null ? Locale.ENGLISH : locale;
        try {
            DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
            StringBuilder plain = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                int run = 1;
                while (!quoted && c == 'M' && i + run < pattern.length() && pattern.charAt(i + run) == 'M') {
                    run++;
                }
                if (c == '\'') {
                    quoted = !quoted;
                }
                if (!quoted && c == 'M' && run >= 3) {
                    builder.appendPattern(strictYear(plain.toString()));
                    plain.setLength(0);
                    monthName(builder, language);
                    i += run - 1;
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '.') {
                        i++; // the abbreviation's point is dropped from the text as well
                    }
                } else {
                    plain.append(pattern, i, i + run);
                    i += run - 1;
                }
            }
            builder.appendPattern(strictYear(plain.toString()));
            return builder.toFormatter(language).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("CSV date format '" + pattern + "' is not a date pattern", e);
        }
    }

    /** A month's full name, else its abbreviation without a point. */
    private static void monthName(DateTimeFormatterBuilder builder, Locale language) {
        Map<Long, String> full = new HashMap<>();
        Map<Long, String> shortened = new HashMap<>();
        for (java.time.Month month : java.time.Month.values()) {
            full.put((long) month.getValue(), month.getDisplayName(TextStyle.FULL, language));
            shortened.put((long) month.getValue(), withoutAbbreviationPoints(
                    month.getDisplayName(TextStyle.SHORT, language)));
        }
        builder.optionalStart().appendText(ChronoField.MONTH_OF_YEAR, full).optionalEnd()
                .optionalStart().appendText(ChronoField.MONTH_OF_YEAR, shortened).optionalEnd();
    }

    /** Whether the pattern names months in words ({@code MMM}, {@code MMMM}) outside quotes. */
    static boolean hasMonthNames(String pattern) {
        return pattern.replaceAll("'[^']*'", "").contains("MMM");
    }

    /** The text without a point after a letter: {@code 3 okt. 2026} is {@code 3 okt 2026}. */
    static String withoutAbbreviationPoints(String text) {
        return ABBREVIATION_POINT.matcher(text).replaceAll("$1");
    }

    /**
     * The first or last day of the period a wide sheet's header names, by the profile's {@code period-format}: a day,
     * a month ({@code MMM yyyy}), a quarter ({@code QQQ yyyy}) or a year ({@code yyyy}); empty when the header is none.
     */
    static Optional<LocalDate> period(DateTimeFormatter format, String header, boolean atEnd) {
        java.time.temporal.TemporalAccessor fields;
        try {
            fields = format.parse(withoutAbbreviationPoints(header.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return periodOf(fields, atEnd);
    }

    /**
     * The first or last day of the period around {@code date}, a period being what {@code pattern} names: a day when
     * it has days, else a month, a quarter or a year.
     */
    static LocalDate periodAround(String pattern, LocalDate date, boolean atEnd) {
        String letters = pattern.replaceAll("'[^']*'", "");
        if (letters.indexOf('d') >= 0 || letters.indexOf('D') >= 0) {
            return date;
        }
        if (letters.indexOf('M') >= 0 || letters.indexOf('L') >= 0) {
            java.time.YearMonth month = java.time.YearMonth.from(date);
            return atEnd ? month.atEndOfMonth() : month.atDay(1);
        }
        if (letters.indexOf('Q') >= 0 || letters.indexOf('q') >= 0) {
            java.time.YearMonth first = java.time.YearMonth.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1);
            return atEnd ? first.plusMonths(2).atEndOfMonth() : first.atDay(1);
        }
        return atEnd ? LocalDate.of(date.getYear(), 12, 31) : LocalDate.of(date.getYear(), 1, 1);
    }

    /** The period's first or last day from parsed fields; empty when they name no day, month, quarter or year. */
    static Optional<LocalDate> periodOf(java.time.temporal.TemporalAccessor fields, boolean atEnd) {
        if (fields.isSupported(ChronoField.EPOCH_DAY)) {
            return Optional.of(LocalDate.ofEpochDay(fields.getLong(ChronoField.EPOCH_DAY)));
        }
        if (!fields.isSupported(ChronoField.YEAR)) {
            return Optional.empty();
        }
        int year = (int) fields.getLong(ChronoField.YEAR);
        if (fields.isSupported(ChronoField.MONTH_OF_YEAR)) {
            java.time.YearMonth month = java.time.YearMonth.of(year, (int) fields.getLong(ChronoField.MONTH_OF_YEAR));
            return Optional.of(atEnd ? month.atEndOfMonth() : month.atDay(1));
        }
        if (fields.isSupported(java.time.temporal.IsoFields.QUARTER_OF_YEAR)) {
            int quarter = (int) fields.getLong(java.time.temporal.IsoFields.QUARTER_OF_YEAR);
            java.time.YearMonth first = java.time.YearMonth.of(year, quarter * 3 - 2);
            return Optional.of(atEnd ? first.plusMonths(2).atEndOfMonth() : first.atDay(1));
        }
        return Optional.of(atEnd ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1));
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
