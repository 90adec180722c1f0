package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.CsvDecimalSeparator;
import io.ogsm.connector.config.CsvDelimiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvOptionsTest {

    @Test
    void defaultsToIsoDatesDetectionAndOneMebibyteRecords() {
        CsvOptions options = CsvOptions.defaults();

        assertEquals(List.of("yyyy-MM-dd"), options.dateFormats());
        assertEquals(CsvDelimiter.AUTO, options.delimiter());
        assertEquals(CsvDecimalSeparator.AUTO, options.decimalSeparator());
        assertNull(options.defaultType());
        assertEquals(1_048_576, options.maxLineLength());
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {"auto|AUTO", "','|COMMA", "comma|COMMA", ";|SEMICOLON", "tab|TAB",
            "'\t'|TAB", "'\\t'|TAB"})
    void readsAConfiguredDelimiter(String text, CsvDelimiter expected) {
        assertEquals(expected, CsvDelimiter.of(text));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {"auto|AUTO", ".|POINT", "point|POINT", "','|COMMA", "Comma|COMMA"})
    void readsAConfiguredDecimalSeparator(String text, CsvDecimalSeparator expected) {
        assertEquals(expected, CsvDecimalSeparator.of(text));
    }

    @Test
    void refusesWhatItCannotUseNamingIt() {
        assertEquals("ogsm.csv.delimiter must be auto, ',', ';' or tab, was '|'",
                assertThrows(IllegalArgumentException.class, () -> CsvDelimiter.of("|")).getMessage());
        assertEquals("ogsm.csv.decimal-separator must be auto, '.' or ',', was 'x'",
                assertThrows(IllegalArgumentException.class, () -> CsvDecimalSeparator.of("x")).getMessage());
        assertEquals("CSV date format 'yyyy-MM-dd-q{' is not a date pattern",
                assertThrows(IllegalArgumentException.class,
                        () -> CsvOptions.defaults().withDateFormats("yyyy-MM-dd-q{")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().withMaxLineLength(0));
    }

    @Test
    void readsTheYearOfAPatternAsTheProlepticYearOutsideQuotes() {
        assertEquals("uuuu-MM-dd 'year' d.M.uu", CsvDates.strictYear("yyyy-MM-dd 'year' d.M.yy"));
    }
}
