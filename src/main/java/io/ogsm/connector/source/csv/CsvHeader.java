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

        String described() {
            return names.size() == 1 ? names.get(0) : names.get(0) + " (or " + names.get(1) + ")";
        }

        static Optional<Column> named(String cell) {
            String name = cell.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            return Arrays.stream(values()).filter(c -> c.names.contains(name)).findFirst();
        }
    }

    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int MAX_NAMES_SHOWN = 10;

    private final List<String> names;
    private final Map<Column, Integer> index;

    private CsvHeader(List<String> names, Map<Column, Integer> index) {
        this.names = List.copyOf(names);
        this.index = index;
    }

    /** The delimiter that splits the header row into the most known column names; on a tie, the comma. */
    static char detect(String line) {
        char best = ',';
        long bestCount = -1;
        for (char candidate : CANDIDATES) {
            long count = split(line, candidate).map(cells -> cells.stream()
                    .map(Column::named).filter(Optional::isPresent).map(Optional::get).distinct().count())
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
        List<String> cells = split(line, delimiter).orElseThrow(() ->
                new CsvFileException(fileName, lineNumber, "header row is not valid CSV (a quote is not closed)"));
        return of(cells, defaultType, fileName, lineNumber, " split by " + describe(delimiter));
    }

    /**
     * Maps a header row's cells; fails when a needed column is missing or a field has two columns.
     *
     * @param splitBy how the cells were split, for the message ({@code " split by ';'"}), or empty
     */
    static CsvHeader of(List<String> cells, MeasurementType defaultType, String fileName, long lineNumber,
            String splitBy) throws CsvFileException {
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            Optional<Column> column = Column.named(cells.get(i));
            if (column.isEmpty()) {
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
        if (!index.containsKey(Column.AT)) {
            missing.add(Column.AT.described());
        }
        if (!index.containsKey(Column.VALUE)) {
            missing.add(Column.VALUE.described());
        }
        if (!index.containsKey(Column.ID) && !index.containsKey(Column.TITLE)) {
            missing.add("id or title");
        }
        if (!index.containsKey(Column.TYPE) && defaultType == null) {
            missing.add("type (or drop the file in goals/ or kpis/)");
        }
        if (!missing.isEmpty()) {
            throw new CsvFileException(fileName, lineNumber, "header has no column " + String.join(", ", missing)
                    + "; found " + shown(cells) + splitBy);
        }
        return new CsvHeader(cells, index);
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
