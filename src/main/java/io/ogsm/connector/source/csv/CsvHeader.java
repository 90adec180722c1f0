package io.ogsm.connector.source.csv;

import io.ogsm.connector.measurement.MeasurementType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header row of a dropped file: which column holds which field of a measurement. Names are matched trimmed and
 * in any case, with spaces and hyphens read as underscores ({@code Current value} is {@code current_value}).
 * Columns with other names are ignored, so a file may carry notes, units or a {@code reason} column from a rejects
 * file. {@code name} is deliberately not an alias of {@code title}: in exports it is as often a person's name.
 */
final class CsvHeader {

    /** The fields a column can give, with the names a header may use for each. */
    enum Column {
        TYPE("type"),
        ID("id"),
        TITLE("title"),
        AT("at", "date"),
        VALUE("value", "current_value"),
        TARGET("target", "target_value"),
        DESCRIPTION("description");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        /** The field's name in a profile's {@code columns}: {@code title}, {@code at}, ... */
        String key() {
            return names.get(0);
        }

        String described() {
            return names.size() == 1 ? names.get(0) : names.get(0) + " (or " + names.get(1) + ")";
        }

        /** The field a header cell names by the usual names, or empty. */
        static Optional<Column> named(String cell) {
            String name = normalized(cell);
            return Arrays.stream(values()).filter(c -> c.names.contains(name)).findFirst();
        }

        /**
         * The field a header cell names under a profile: a field the profile gives names is found by those alone, the
         * others by their usual names. A wide sheet has no date or value column: its periods are.
         */
        static Optional<Column> named(String cell, IntakeProfile profile) {
            String name = normalized(cell);
            for (Map.Entry<Column, List<String>> named : profile.columns().entrySet()) {
                if (named.getValue().stream().anyMatch(n -> normalized(n).equals(name))) {
                    return Optional.of(named.getKey());
                }
            }
            return Arrays.stream(values()).filter(c -> !profile.columns().containsKey(c) && c.names.contains(name)
                    && (profile.wide() == null || (c != AT && c != VALUE))).findFirst();
        }

        /** The field and the name it is looked for by, for a message: {@code title (KPI or Titel)}. */
        String described(IntakeProfile profile) {
            List<String> given = profile.columns().get(this);
            return given == null ? described() : key() + " ('" + String.join("' or '", given) + "', as "
                    + profile.described() + " names it)";
        }
    }

    /** A header name as compared: trimmed, in any case, spaces and hyphens as underscores. */
    static String normalized(String cell) {
        return cell.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** A wide sheet's column of one period's values: its index, its header, the measurements' date. */
    record Period(int index, String header, java.time.LocalDate at) {
    }

    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int MAX_NAMES_SHOWN = 10;

    private final List<String> names;
    private final Map<Column, Integer> index;
    /** A wide sheet's period columns, in column order; empty for a sheet of one measurement per row. */
    private final List<Period> periods;

    private CsvHeader(List<String> names, Map<Column, Integer> index, List<Period> periods) {
        this.names = List.copyOf(names);
        this.index = index;
        this.periods = List.copyOf(periods);
    }

    /** The delimiter that splits the header row into the most known column names; on a tie, the comma. */
    static char detect(String line) {
        return detect(line, IntakeProfile.NONE);
    }

    /** As {@link #detect(String)}, with the column names (and a wide sheet's periods) of a profile. */
    static char detect(String line, IntakeProfile profile) {
        char best = ',';
        long bestCount = -1;
        for (char candidate : CANDIDATES) {
            long count = split(line, candidate).map(cells -> cells.stream()
                    .map(cell -> Column.named(cell, profile).map(Object.class::cast)
                            .or(() -> period(cell, profile)))
                    .filter(Optional::isPresent).map(Optional::get).distinct().count())
                    .orElse(0L);
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    /** Maps the header row; fails when a needed column is missing or a field has two columns. */
    static CsvHeader read(String line, char delimiter, MeasurementType defaultType, String fileName, long lineNumber)
            throws CsvFileException {
        return read(line, delimiter, defaultType, IntakeProfile.NONE, fileName, lineNumber);
    }

    /** As {@link #read(String, char, MeasurementType, String, long)}, with a profile's names and layout. */
    static CsvHeader read(String line, char delimiter, MeasurementType defaultType, IntakeProfile profile,
            String fileName, long lineNumber) throws CsvFileException {
        List<String> cells = split(line, delimiter).orElseThrow(() ->
                new CsvFileException(fileName, lineNumber, "header row is not valid CSV (a quote is not closed)"));
        return of(cells, defaultType, profile, fileName, lineNumber, " split by " + describe(delimiter));
    }

    /**
     * Maps a header row's cells; fails when a needed column is missing or a field has two columns.
     *
     * @param splitBy how the cells were split, for the message ({@code " split by ';'"}), or empty
     */
    static CsvHeader of(List<String> cells, MeasurementType defaultType, String fileName, long lineNumber,
            String splitBy) throws CsvFileException {
        return of(cells, defaultType, IntakeProfile.NONE, fileName, lineNumber, splitBy);
    }

    /** As {@link #of(List, MeasurementType, String, long, String)}, with a profile's names and layout. */
    static CsvHeader of(List<String> cells, MeasurementType defaultType, IntakeProfile profile, String fileName,
            long lineNumber, String splitBy) throws CsvFileException {
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Optional<Column> column = Column.named(cells.get(i), profile);
            if (column.isEmpty()) {
                int at = i;
                period(cells.get(i), profile).ifPresent(date -> periods.add(new Period(at, cells.get(at).trim(),
                        date)));
                continue;
            }
            Integer earlier = index.putIfAbsent(column.get(), i);
            if (earlier != null) {
                throw new CsvFileException(fileName, lineNumber, "header has two columns for "
                        + column.get().names.get(0) + ": '" + cells.get(earlier).trim() + "' and '"
                        + cells.get(i).trim() + "'");
            }
        }
        List<String> missing = new ArrayList<>();
        if (profile.wide() != null) {
            if (periods.isEmpty()) {
                missing.add("of a period (a header that reads as " + profile.wide().periodFormat() + ", as "
                        + profile.described() + " says in wide.period-format)");
            }
        } else {
            if (!index.containsKey(Column.AT)) {
                missing.add(Column.AT.described(profile));
            }
            if (!index.containsKey(Column.VALUE)) {
                missing.add(Column.VALUE.described(profile));
            }
        }
        if (!index.containsKey(Column.ID) && !index.containsKey(Column.TITLE)) {
            missing.add(profile.columns().containsKey(Column.TITLE) ? Column.TITLE.described(profile)
                    : "id or title");
        }
        if (!index.containsKey(Column.TYPE) && defaultType == null) {
            missing.add("type (or drop the file in goals/ or kpis/)");
        }
        if (!missing.isEmpty()) {
            throw new CsvFileException(fileName, lineNumber, "header has no column " + String.join(", ", missing)
                    + "; found " + shown(cells) + splitBy);
        }
        return new CsvHeader(cells, index, periods);
    }

    /**
     * The date a wide sheet's header cell gives its column's measurements: a period by the profile's
     * {@code period-format}, or a workbook's date cell ({@code 2026-01-01}, shown as {@code jan 2026}), taken as the
     * period it falls in. Empty for other cells, and without a wide layout.
     */
    static Optional<java.time.LocalDate> period(String cell, IntakeProfile profile) {
        IntakeProfile.Wide wide = profile.wide();
        if (wide == null || cell.isBlank()) {
            return Optional.empty();
        }
        Optional<java.time.LocalDate> period = CsvDates.period(wide.period(), cell, wide.atEnd());
        if (period.isEmpty() && ISO_DATE.matcher(cell.trim()).matches()) {
            try {
                period = Optional.of(CsvDates.periodAround(wide.periodFormat(),
                        java.time.LocalDate.parse(cell.trim()), wide.atEnd()));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        return period;
    }

    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** A wide sheet's period columns in column order; empty when each row is one measurement. */
    List<Period> periods() {
        return periods;
    }

    /** The index of the column for this field, or -1. */
    int column(Column column) {
        Integer at = index.get(column);
        return at == null ? -1 : at;
    }

    /** The header row's cells as in the file. */
    List<String> names() {
        return names;
    }

    /** The record's text in the column for this field, or null without such a column or cell. */
    String value(List<String> values, Column column) {
        Integer at = index.get(column);
        return at == null || at >= values.size() ? null : values.get(at);
    }

    static String describe(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    private static String shown(List<String> cells) {
        List<String> quoted = cells.stream().limit(MAX_NAMES_SHOWN)
                .map(c -> "'" + (c.length() > 40 ? c.substring(0, 40) + "…" : c.trim()) + "'").toList();
        return String.join(", ", quoted) + (cells.size() > MAX_NAMES_SHOWN ? ", …" : "");
    }

    /** The cells of one row of text, or empty when it is not valid CSV with this delimiter. */
    private static Optional<List<String>> split(String line, char delimiter) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get()
                .parse(new StringReader(line))) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? Optional.of(records.next().toList()) : Optional.of(List.of());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
