package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.CsvDecimalSeparator;
import io.ogsm.connector.config.CsvEncoding;
import io.ogsm.connector.config.InvalidConfigException;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.source.csv.CsvHeader.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The intake profiles file: the keys as the issue writes them, and one line per fault. */
class IntakeProfilesTest {

    @Test
    void theExampleAsWrittenIsRead() throws Exception {
        IntakeProfiles profiles = IntakeProfiles.read(Path.of("src/test/resources/intake/profiles.yaml"));
        IntakeProfile nl = profiles.named("finance-nl").orElseThrow();
        assertEquals("finance-nl", nl.folder());
        assertEquals(MeasurementType.KPI, nl.type());
        assertEquals(List.of("KPI", "Titel"), nl.columns().get(Column.TITLE));
        assertEquals(List.of("Datum"), nl.columns().get(Column.AT));
        assertEquals(List.of("d-M-yyyy", "d MMM yyyy"), nl.dateFormats());
        assertEquals(Locale.forLanguageTag("nl"), nl.locale());
        assertEquals(CsvEncoding.AUTO, nl.encoding());
        assertEquals("Maandcijfers", nl.sheet());
        assertNull(nl.wide());
        IntakeProfile wide = profiles.named("kpi-by-month").orElseThrow();
        assertEquals("kpi-wide", wide.folder());
        assertEquals("MMM yyyy", wide.wide().periodFormat());
        assertTrue(wide.wide().atEnd());

        assertSame(nl, profiles.forFile(Path.of("finance-nl", "export.csv")));
        assertSame(wide, profiles.forFile(Path.of("kpi-wide", "sub", "2026.xlsx")));
        assertSame(IntakeProfile.NONE, profiles.forFile(Path.of("kpis", "export.csv")));
        assertSame(IntakeProfile.NONE, profiles.forFile(Path.of("finance-nl.csv")));
        // the example shipped in config/ is valid too
        assertTrue(IntakeProfiles.read(Path.of("config", "intake.example.yaml")).all().size() >= 2);
    }

    @Test
    void aProfileOverTheGlobalSettingsTakesTheLocalesSeparatorAndItsOwnType() {
        IntakeProfile nl = IntakeProfiles.parse("p.yaml", "profiles: [{name: nl, locale: nl}]").named("nl")
                .orElseThrow();
        CsvOptions options = CsvOptions.defaults().with(nl, MeasurementType.GOAL);
        assertEquals(CsvDecimalSeparator.COMMA, options.decimalSeparator());
        assertEquals(MeasurementType.GOAL, options.defaultType(), "without a type of its own, the folder's");
        assertEquals(List.of("yyyy-MM-dd"), options.dateFormats());
        assertSame(nl, options.profile());
        IntakeProfile en = IntakeProfiles.parse("p.yaml", "profiles: [{name: en, locale: en-GB, type: kpi}]")
                .named("en").orElseThrow();
        assertEquals(CsvDecimalSeparator.POINT, CsvOptions.defaults().with(en, null).decimalSeparator());
        assertEquals(MeasurementType.KPI, CsvOptions.defaults().with(en, MeasurementType.GOAL).defaultType());
    }

    @Test
    void anEmptyFileHasNoProfiles() {
        assertTrue(IntakeProfiles.parse("p.yaml", "").all().isEmpty());
        assertTrue(IntakeProfiles.parse("p.yaml", "profiles: []").all().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no name              | profiles: [{folder: x}]                                   | p.yaml: profile #1: name is missing
            bad name             | profiles: [{name: 'a b'}]                                 | p.yaml: profile 'a b': name may hold only letters, digits, '-' and '_' (at most 63), was 'a b'
            folder escapes       | profiles: [{name: a, folder: ../etc}]                     | p.yaml: profile 'a': folder may hold only letters, digits, '-' and '_' (at most 63), was '../etc'
            unknown key          | profiles: [{name: a, colums: {title: X}}]                 | p.yaml: profile 'a': unknown key 'colums'
            unknown field        | profiles: [{name: a, columns: {titel: X}}]                | p.yaml: profile 'a': columns: unknown key 'titel' (known: type, id, title, at, value, target, description)
            bad type             | profiles: [{name: a, type: metric}]                       | p.yaml: profile 'a': type must be goal or kpi, was 'metric'
            bad encoding         | profiles: [{name: a, encoding: latin-1}]                  | p.yaml: profile 'a': encoding must be auto, utf-8, windows-1252 or utf-16, was 'latin-1'
            bad date pattern     | profiles: [{name: a, date-formats: [d-M-yyyy, 'ppp{']}]   | p.yaml: profile 'a': date-formats: 'ppp{' is not a date pattern
            unknown locale       | profiles: [{name: a, locale: xx}]                         | p.yaml: profile 'a': locale 'xx' is not a language this Java knows (such as nl, de, fr, en-GB)
            name twice           | profiles: [{name: a}, {name: a, folder: b}]               | p.yaml: profile 'a': name is used by another profile too
            folder twice         | profiles: [{name: a}, {name: b, folder: A}]               | p.yaml: profile 'b': folder 'A' is the folder of profile 'a' too
            column for two       | profiles: [{name: a, columns: {title: X, description: x}}] | p.yaml: profile 'a': columns: 'x' names both title and description
            wide without format  | profiles: [{name: a, wide: {at: end}}]                    | p.yaml: profile 'a': wide.period-format is missing
            wide bad at          | profiles: [{name: a, wide: {period-format: yyyy, at: mid}}] | p.yaml: profile 'a': wide.at must be start or end, was 'mid'
            wide no period       | profiles: [{name: a, wide: {period-format: HH:mm}}]       | p.yaml: profile 'a': wide.period-format 'HH:mm' names no day, month, quarter or year (such as MMM yyyy, QQQ yyyy or yyyy)
            wide with at column  | profiles: [{name: a, columns: {at: Datum}, wide: {period-format: MMM yyyy}}] | p.yaml: profile 'a': columns.at does not go with wide: the period columns hold the dates and values
            not yaml             | 'profiles: [{name: a'                                     | p.yaml: not valid YAML
            """)
    void eachFaultIsOneLineNamingTheProfileAndKey(String what, String yaml, String expected) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> IntakeProfiles.parse("p.yaml",
                yaml));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expected)), () -> what + ": " + e.problems());
    }

    @Test
    void everyFaultOfEveryProfileIsReportedAtOnce() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> IntakeProfiles.parse("p.yaml", """
                profiles:
                  - name: a
                    locale: xx
                    date-formats: ['ppp{']
                  - name: b
                    type: metric
                """));
        assertEquals(3, e.problems().size(), e.problems()::toString);
    }

    @Test
    void aFileThatIsNotThereOrTooLargeIsOneFault(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path large = dir.resolve("intake.yaml");
        Files.writeString(large, "#".repeat(1024 * 1024 + 1));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> IntakeProfiles.read(large));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).contains("larger than"), e.problems()::toString);
    }

    @ParameterizedTest(name = "{0} as {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            jan 2026     | MMM yyyy  | end   | 2026-01-31
            okt. 2026    | MMM yyyy  | start | 2026-10-01
            Februari 2028| MMMM yyyy | end   | 2028-02-29
            K3 2026      | 'K'Q yyyy | end   | 2026-09-30
            2026         | yyyy      | start | 2026-01-01
            2026-03-15   | MMM yyyy  | end   | 2026-03-31
            """)
    void aWideSheetsHeaderNamesItsPeriod(String header, String format, String at, LocalDate expected) {
        IntakeProfile profile = IntakeProfiles.parse("p.yaml", "profiles: [{name: w, locale: nl, wide: "
                + "{period-format: \"" + format + "\", at: " + at + "}}]").named("w").orElseThrow();
        assertEquals(expected, CsvHeader.period(header, profile).orElseThrow());
    }
}
