package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.CsvDecimalSeparator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvDecimalTest {

    private static CsvDecimal.Result parse(String separator, String delimiter, String text) {
        char d = delimiter.equals("tab") ? '\t' : delimiter.charAt(0);
        return new CsvDecimal(CsvDecimalSeparator.of(separator), d).parse(text);
    }

    @ParameterizedTest(name = "[{index}] {2} with decimal {0} in a {1} file is {3}")
    @CsvSource(delimiter = '|', value = {
            // integers and points, any delimiter
            "auto  | ,   | 45         | 45",
            "auto  | ,   | -3         | -3",
            "auto  | ,   | +3         | 3",
            "auto  | ,   | ' 45.6 '   | 45.6",
            "auto  | ,   | 1.234      | 1.234",
            "auto  | ,   | 1,234.56   | 1234.56",
            "auto  | ,   | 1,234,567  | 1234567",
            "auto  | ,   | 1.234,56   | 1234.56",
            // decimal comma where the delimiter makes it unambiguous
            "auto  | ;   | 1,5        | 1.5",
            "auto  | ;   | -1,5       | -1.5",
            "auto  | ;   | 1.234,56   | 1234.56",
            "auto  | ;   | 1.234.567  | 1234567",
            "auto  | ;   | 1,234      | 1.234",
            "auto  | ;   | 45.6       | 45.6",
            "auto  | ;   | 0.125      | 0.125",
            "auto  | ;   | 1234.567   | 1234.567",
            "auto  | tab | 1,5        | 1.5",
            "auto  | tab | 1.234,56   | 1234.56",
            // configured: strict, the other character only groups thousands
            "auto  | ;   | 87,5%      | 87.5",
            "auto  | ;   | 87,5 %     | 87.5",
            "auto  | ,   | 87.5%      | 87.5",
            "auto  | ;   | € 7,85     | 7.85",
            "auto  | ;   | 7,85 €     | 7.85",
            "auto  | ;   | -€ 7,85    | -7.85",
            "auto  | ,   | $1,234.50  | 1234.50",
            "auto  | ,   | £12       | 12",
            "auto  | ;   | 1 234,5    | 1234.5",
            "auto  | ,   | 1'234.5    | 1234.5",
            "point | ;   | 1\u2019234.5 | 1234.5",
            "auto  | ;   | '1 234,5' | 1234.5",
            "auto  | ;   | '1 234,5' | 1234.5",
            "auto  | ;   | '1 234 567' | 1234567",
            "auto  | ,   | 1 234.5    | 1234.5",
            "auto  | ;   | -1 234     | -1234",
            "auto  | ;   | 1.234,5    | 1234.5",
            "auto  | ;   | 1,5E3      | 1500",
            "auto  | ,   | 4.56E1     | 45.6",
            "auto  | ,   | 4.56e-1    | 0.456",
            "auto  | ;   | € 1,5E3    | 1500",
            "comma | ;   | 1 234,5    | 1234.5",
            "comma | ,   | 1,5        | 1.5",
            "comma | ,   | 1.234,56   | 1234.56",
            "comma | ,   | 1.234      | 1234",
            "point | ;   | 1.5        | 1.5",
            "point | ;   | 1,234      | 1234",
            "point | ;   | 1,234.5    | 1234.5",
    })
    void readsNumbersAsSpreadsheetsWriteThem(String separator, String delimiter, String text, BigDecimal expected) {
        CsvDecimal.Result result = parse(separator, delimiter, text);

        assertNull(result.problem(), () -> text + ": " + result.problem());
        assertNotNull(result.value());
        assertEquals(0, expected.compareTo(result.value()), () -> result.value() + " is not " + expected);
    }

    @ParameterizedTest(name = "[{index}] {2} with decimal {0} in a {1} file: {3}")
    @CsvSource(delimiter = '|', value = {
            "auto  | ,   | n/a        | is not a number",
            "auto  | ,   | 12 EUR     | is not a number",
            "auto  | ,   | 4.56F1     | is not a number",
            "auto  | ,   | 1E         | is not a number",
            "auto  | ,   | E3         | is not a number",
            "auto  | ,   | 1E1234     | is not a number",
            "auto  | ,   | 12 EUR     | is not a number",
            "auto  | ;   | €€ 7,85   | is not a number",
            "auto  | ;   | € 7,85 €  | is not a number",
            "auto  | ;   | 87,5%%     | is not a number",
            "auto  | ;   | 1 23,5     | is not a number",
            "auto  | ;   | 1 2345     | is not a number",
            "auto  | ;   | 1  234     | is not a number",
            "auto  | ,   | 1,5E3      | is ambiguous: ',' may be a decimal or a thousands separator; set the CSV decimal separator",
            "point | ;   | 1 234,5    | is not a number with '.' as decimal separator",
            "auto  | ,   | 1.2.3      | is not a number",
            "auto  | ,   | 1.5.       | is not a number",
            "auto  | ,   | 5.         | is not a number",
            "auto  | ,   | -          | is not a number",
            "auto  | ,   | 1,5        | is ambiguous: ',' may be a decimal or a thousands separator; set the CSV decimal separator",
            "auto  | ,   | 1,234      | is ambiguous: ',' may be a decimal or a thousands separator; set the CSV decimal separator",
            "auto  | ;   | 1.234      | is ambiguous: '.' may be a decimal or a thousands separator; set the CSV decimal separator",
            "auto  | tab | -1.234     | is ambiguous: '.' may be a decimal or a thousands separator; set the CSV decimal separator",
            "comma | ,   | 1.5        | is not a number with ',' as decimal separator",
            "comma | ,   | 1,2,3      | is not a number with ',' as decimal separator",
            "point | ;   | 1,5        | is not a number with '.' as decimal separator",
            "point | ;   | 0,123.5    | is not a number with '.' as decimal separator",
    })
    void refusesWhatIsNotANumberOrIsAmbiguous(String separator, String delimiter, String text, String problem) {
        CsvDecimal.Result result = parse(separator, delimiter, text);

        assertNull(result.value());
        assertEquals(problem, result.problem());
    }

    @org.junit.jupiter.api.Test
    void refusesAbsurdlyLongNumbersBeforeConvertingThem() {
        CsvDecimal.Result result = parse("auto", ",", "1".repeat(1_000_000));

        assertNull(result.value());
        assertTrue(result.problem().contains("too long"), result.problem());
    }
}
