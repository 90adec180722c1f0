package io.ogsm.connector.source.csv;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.config.CsvDecimalSeparator;
import io.ogsm.connector.config.CsvDelimiter;
import io.ogsm.connector.config.CsvEncoding;
import io.ogsm.connector.config.InvalidConfigException;
import io.ogsm.connector.config.SchemaCheckedYaml;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.source.csv.CsvHeader.Column;

import java.nio.file.Path;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The intake profiles of {@code config/intake.yaml} ({@code ogsm.intake.profiles-file}), checked at start: first
 * against the JSON Schema {@code schemas/intake.schema.json} (keys, types, names, enums), then what a schema cannot
 * say: names and folders unique, the date patterns, the locale, the wide layout. Every rule broken is one line naming
 * the file, the profile (by name, or #n) and the key; the start stops with all of them.
 *
 * <pre>{@code
 * profiles:
 *   - name: finance-nl
 *     type: kpi
 *     columns: {title: [KPI, Titel], at: Datum, value: Waarde}
 *     date-formats: [d-M-yyyy, d MMM yyyy]
 *     locale: nl
 * }</pre>
 */
public final class IntakeProfiles {

    public static final String DEFAULT_PATH = "config/intake.yaml";
    private static final SchemaCheckedYaml SCHEMA = SchemaCheckedYaml.of("/schemas/intake.schema.json", "profiles",
            Set.of());
    /** A profiles file this large is surely not one. */
    private static final long MAX_FILE_SIZE = 1024 * 1024;
    /** A day whose month, quarter and year differ from its neighbours', to try a period format on. */
    private static final LocalDate SAMPLE = LocalDate.of(2026, 10, 15);

    private final Map<String, IntakeProfile> byName;
    private final Map<String, IntakeProfile> byFolder;

    private IntakeProfiles(List<IntakeProfile> profiles) {
        Map<String, IntakeProfile> names = new LinkedHashMap<>();
        Map<String, IntakeProfile> folders = new HashMap<>();
        for (IntakeProfile profile : profiles) {
            names.put(profile.name(), profile);
            folders.put(profile.folder().toLowerCase(Locale.ROOT), profile);
        }
        this.byName = names;
        this.byFolder = folders;
    }

    /** No profiles: every file is read by {@code ogsm.csv.*}. */
    public static IntakeProfiles none() {
        return new IntakeProfiles(List.of());
    }

    /** Reads and checks the file; throws {@link InvalidConfigException} naming every problem. */
    public static IntakeProfiles read(Path path) {
        String file = path.toString();
        return parse(file, SchemaCheckedYaml.readBounded(path, MAX_FILE_SIZE, "a profiles file",
                InvalidConfigException::new));
    }

    /** Parses and checks the text of a profiles file named {@code file} (for messages). */
    public static IntakeProfiles parse(String file, String text) {
        JsonNode root = SchemaCheckedYaml.parse(file, text, InvalidConfigException::new);
        if (root == null) {
            return none();
        }
        Map<Integer, List<String>> broken = SCHEMA.faults(root);
        List<String> problems = new ArrayList<>();
        broken.getOrDefault(-1, List.of()).forEach(p -> problems.add(file + ": " + p));
        JsonNode list = root.path("profiles");
        List<IntakeProfile> profiles = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        Map<String, String> folders = new HashMap<>();
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String name = entry.path("name").isTextual() ? entry.path("name").asText() : "";
            Checking checking = new Checking(file + ": profile " + (name.isBlank() ? "#" + (i + 1) : "'" + name + "'"),
                    problems);
            int before = problems.size();
            broken.getOrDefault(i, List.of()).forEach(checking::problem);
            if (!name.isBlank() && !names.add(name)) {
                checking.problem("name is used by another profile too");
            }
            String folder = entry.path("folder").isTextual() ? entry.path("folder").asText() : name;
            String other = folder.isBlank() ? null : folders.putIfAbsent(folder.toLowerCase(Locale.ROOT), name);
            if (other != null) {
                checking.problem("folder '" + folder + "' is the folder of profile '" + other + "' too");
            }
            if (problems.size() == before) {
                IntakeProfile profile = checking.profile(entry, name, folder, file);
                if (problems.size() == before) {
                    profiles.add(profile);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new IntakeProfiles(profiles);
    }

    /** The profile of this name, compared exactly. */
    public Optional<IntakeProfile> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The profile of the inbox folder a file lies in ({@code finance-nl/export.csv}), or {@link IntakeProfile#NONE}. */
    public IntakeProfile forFile(Path relative) {
        if (relative.getNameCount() < 2) {
            return IntakeProfile.NONE;
        }
        return byFolder.getOrDefault(relative.getName(0).toString().toLowerCase(Locale.ROOT), IntakeProfile.NONE);
    }

    /** Every profile, in the file's order. */
    public List<IntakeProfile> all() {
        return List.copyOf(byName.values());
    }

    /** The names, for a message: {@code 'finance-nl', 'kpi-by-month'}, or {@code none}. */
    public String names() {
        return byName.isEmpty() ? "none is configured" : "there are " + String.join(", ",
                byName.keySet().stream().map(n -> "'" + n + "'").toList());
    }

    /** The decimal separator numbers are written with in the locale: {@code ,} in Dutch, {@code .} in English. */
    static CsvDecimalSeparator decimalSeparator(Locale locale) {
        char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return decimal == ',' ? CsvDecimalSeparator.COMMA : decimal == '.' ? CsvDecimalSeparator.POINT : null;
    }

    /** One profile being checked: its problems are prefixed with where it is. */
    private record Checking(String where, List<String> problems) {

        void problem(String text) {
            problems.add(where + ": " + text);
        }

        IntakeProfile profile(JsonNode entry, String name, String folder, String file) {
            MeasurementType type = entry.has("type") ? MeasurementType.parse(entry.path("type").asText()).orElse(null)
                    : null;
            Locale locale = locale(entry.path("locale"));
            Map<Column, List<String>> columns = columns(entry.path("columns"));
            List<String> dateFormats = new ArrayList<>();
            entry.path("date-formats").forEach(pattern -> {
                try {
                    CsvDates.compileOne(pattern.asText(), locale);
                    dateFormats.add(pattern.asText());
                } catch (IllegalArgumentException e) {
                    problem("date-formats: '" + pattern.asText() + "' is not a date pattern");
                }
            });
            CsvDecimalSeparator separator = entry.has("decimal-separator")
                    ? CsvDecimalSeparator.of(entry.path("decimal-separator").asText()) : null;
            if (separator == null && locale != null && decimalSeparator(locale) == null) {
                problem("locale '" + locale.toLanguageTag() + "' writes decimals with '"
                        + DecimalFormatSymbols.getInstance(locale).getDecimalSeparator()
                        + "', which files are not read with: set decimal-separator");
            }
            CsvEncoding encoding = entry.has("encoding") ? CsvEncoding.of(entry.path("encoding").asText()) : null;
            CsvDelimiter delimiter = entry.has("delimiter") ? CsvDelimiter.of(entry.path("delimiter").asText()) : null;
            String sheet = entry.has("sheet") ? entry.path("sheet").asText().trim() : null;
            IntakeProfile.Wide wide = wide(entry.path("wide"), locale, columns);
            return new IntakeProfile(name, folder, type, columns, dateFormats, locale, encoding, delimiter,
                    separator, sheet, wide, file);
        }

        private Locale locale(JsonNode tag) {
            if (tag.isMissingNode()) {
                return null;
            }
            Locale locale = Locale.forLanguageTag(tag.asText().replace('_', '-'));
            boolean known = !locale.getLanguage().isEmpty() && Arrays.stream(Locale.getAvailableLocales())
                    .anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
            if (!known) {
                problem("locale '" + tag.asText() + "' is not a language this Java knows (such as nl, de, fr, en-GB)");
                return null;
            }
            return locale;
        }

        private Map<Column, List<String>> columns(JsonNode node) {
            Map<Column, List<String>> columns = new EnumMap<>(Column.class);
            Map<String, Column> fieldOf = new HashMap<>();
            node.fields().forEachRemaining(field -> {
                Column column = Arrays.stream(Column.values()).filter(c -> c.key().equals(field.getKey()))
                        .findFirst().orElseThrow();
                List<String> names = new ArrayList<>();
                if (field.getValue().isArray()) {
                    field.getValue().forEach(n -> names.add(n.asText().trim()));
                } else {
                    names.add(field.getValue().asText().trim());
                }
                for (String columnName : names) {
                    Column earlier = fieldOf.putIfAbsent(CsvHeader.normalized(columnName), column);
                    if (earlier != null && earlier != column) {
                        problem("columns: '" + columnName + "' names both " + earlier.key() + " and "
                                + column.key());
                    }
                }
                columns.put(column, names);
            });
            return columns;
        }

        private IntakeProfile.Wide wide(JsonNode node, Locale locale, Map<Column, List<String>> columns) {
            if (node.isMissingNode()) {
                return null;
            }
            for (Column dated : List.of(Column.AT, Column.VALUE)) {
                if (columns.containsKey(dated)) {
                    problem("columns." + dated.key() + " does not go with wide: the period columns hold the dates "
                            + "and values");
                }
            }
            String pattern = node.path("period-format").asText();
            boolean atEnd = !"start".equals(node.path("at").asText("end"));
            DateTimeFormatter period;
            try {
                period = CsvDates.compileOne(pattern, locale);
            } catch (IllegalArgumentException e) {
                problem("wide.period-format '" + pattern + "' is not a date pattern");
                return null;
            }
            String sample;
            try {
                sample = DateTimeFormatter.ofPattern(CsvDates.strictYear(pattern),
                        locale == null ? Locale.ENGLISH : locale).format(SAMPLE);
            } catch (java.time.DateTimeException e) {
                sample = null;
            }
            if (sample == null || CsvDates.period(period, sample, atEnd).isEmpty()) {
                problem("wide.period-format '" + pattern + "' names no day, month, quarter or year (such as "
                        + "MMM yyyy, QQQ yyyy or yyyy)");
                return null;
            }
            return new IntakeProfile.Wide(pattern, period, atEnd);
        }
    }
}
