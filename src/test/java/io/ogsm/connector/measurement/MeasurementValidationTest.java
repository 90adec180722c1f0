package io.ogsm.connector.measurement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MeasurementValidationTest {

    private static List<String> fields(Measurement m) {
        return MeasurementValidation.check(m).stream().map(Violation::field).sorted().toList();
    }

    @ParameterizedTest(name = "[{index}] {0} {1} {2} {3} {4} {5} -> [{6}]")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // type | id | title    | at         | value                     | target                | violations
            "KPI  | 31 | -          | 2024-10-09 | 45.6                      | -                     | ''",
            "GOAL | -  | Revenue    | 2024-10-09 | 45.6                      | 50                    | ''",
            "KPI  | 31 | -          | 1900-01-01 | 0                         | -                     | ''",
            "KPI  | 31 | -          | 2999-12-31 | -123456789012345678.99    | -                     | ''",
            "-    | 31 | -          | 2024-10-09 | 1                         | -                     | type",
            "KPI  | -  | -          | 2024-10-09 | 1                         | -                     | id",
            "KPI  | -  | '  '       | 2024-10-09 | 1                         | -                     | id",
            "KPI  | 0  | -          | 2024-10-09 | 1                         | -                     | id",
            "KPI  | -7 | Revenue    | 2024-10-09 | 1                         | -                     | id",
            "KPI  | 31 | -          | -          | 1                         | -                     | at",
            "KPI  | 31 | -          | 1899-12-31 | 1                         | -                     | at",
            "KPI  | 31 | -          | 3000-01-01 | 1                         | -                     | at",
            "KPI  | 31 | -          | 2024-10-09 | -                         | -                     | value",
            "KPI  | 31 | -          | 2024-10-09 | 1234567890123456789       | -                     | value",
            "KPI  | 31 | -          | 2024-10-09 | 1E+19                     | -                     | value",
            "KPI  | 31 | -          | 2024-10-09 | 1                         | 1234567890123456789.5 | target",
            "KPI  | 31 | -          | 2024-10-09 | 0.000000000000000000000000000001 | -              | ''",
            "KPI  | 31 | -          | 2024-10-09 | 1.0000000000000000000000000000000000000000 | -    | ''",
            "KPI  | 31 | -          | 2024-10-09 | 1E-31                     | -                     | value",
            "KPI  | 31 | -          | 2024-10-09 | 1                         | 1E-999999999          | target",
            "-    | -  | -          | -          | -                         | 1E+30                 | at,id,target,type,value",
    })
    void checksEveryRule(MeasurementType type, Long id, String title, LocalDate at, String value, String target,
            String violations) {
        Measurement m = new Measurement(type, id, title, at, value == null ? null : new BigDecimal(value),
                target == null ? null : new BigDecimal(target), null);

        List<String> expected = violations.isEmpty() ? List.of() : Arrays.stream(violations.split(",")).sorted().toList();
        assertEquals(expected, fields(m));
    }

    @ParameterizedTest(name = "{0} is refused quoting {1}")
    @CsvSource({
            "1E+999999999,  1E+999999999",
            "1E-999999999,  1E-999999999",
            "-2.5E+40,      -2.5E+40",
    })
    void refusesAnAbsurdExponentWithoutWritingOutItsDigits(String value, String quoted) {
        Measurement m = new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2024, 10, 9),
                new BigDecimal(value), null, null);

        List<Violation> violations = MeasurementValidation.check(m);

        assertEquals(1, violations.size(), violations::toString);
        assertEquals("value", violations.get(0).field());
        assertEquals(quoted, violations.get(0).value());
    }

    @ParameterizedTest(name = "a title of {0} characters: {1}")
    @CsvSource({"500, ''", "501, title"})
    void limitsTheTitleLength(int length, String violations) {
        Measurement m = new Measurement(MeasurementType.KPI, null, "t".repeat(length), LocalDate.of(2024, 10, 9),
                BigDecimal.ONE, null, null);

        assertEquals(violations.isEmpty() ? List.of() : List.of(violations), fields(m));
    }

    @ParameterizedTest(name = "a description of {0} characters: {1}")
    @CsvSource({"10000, ''", "10001, description"})
    void limitsTheDescriptionLength(int length, String violations) {
        Measurement m = new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2024, 10, 9), BigDecimal.ONE,
                null, "d".repeat(length));

        assertEquals(violations.isEmpty() ? List.of() : List.of(violations), fields(m));
    }
}
