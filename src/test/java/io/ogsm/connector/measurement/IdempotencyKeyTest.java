package io.ogsm.connector.measurement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdempotencyKeyTest {

    private static final Measurement BASE = new Measurement(MeasurementType.KPI, 31L, null,
            LocalDate.of(2024, 10, 9), new BigDecimal("45.6"), new BigDecimal("50"), "monthly close");

    private static Measurement byTitle(String title) {
        return new Measurement(MeasurementType.KPI, null, title, LocalDate.of(2024, 10, 9), new BigDecimal("45.6"),
                null, null);
    }

    @Test
    void givesTheSameContentTheSame32HexKey() {
        Measurement copy = new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2024, 10, 9),
                new BigDecimal("45.6"), new BigDecimal("50"), "monthly close");

        String key = IdempotencyKey.of(BASE);

        assertTrue(key.matches("[0-9a-f]{32}"), key);
        assertEquals(key, IdempotencyKey.of(copy));
    }

    @ParameterizedTest(name = "value {0} and target {1} key like 45.6 and 50")
    @CsvSource({
            "45.6,   50",
            "45.60,  50.0",
            "4.56E1, 5E1",
            "45.600, 50.00",
    })
    void keysNumbersByValueNotByNotation(String value, String target) {
        Measurement m = new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2024, 10, 9),
                new BigDecimal(value), new BigDecimal(target), "monthly close");

        assertEquals(IdempotencyKey.of(BASE), IdempotencyKey.of(m));
    }

    @Test
    void keysEveryFormOfZeroAlike() {
        Measurement zero = new Measurement(MeasurementType.GOAL, 1L, null, LocalDate.of(2024, 1, 1),
                BigDecimal.ZERO, null, null);
        Measurement zeroes = new Measurement(MeasurementType.GOAL, 1L, null, LocalDate.of(2024, 1, 1),
                new BigDecimal("0.000"), null, null);

        assertEquals(IdempotencyKey.of(zero), IdempotencyKey.of(zeroes));
    }

    @ParameterizedTest(name = "changing {0} changes the key")
    @CsvSource(delimiter = '|', value = {
            "type        | GOAL | 31 | 2024-10-09 | 45.6  | 50   | monthly close",
            "id          | KPI  | 32 | 2024-10-09 | 45.6  | 50   | monthly close",
            "date        | KPI  | 31 | 2024-10-10 | 45.6  | 50   | monthly close",
            "value       | KPI  | 31 | 2024-10-09 | 45.61 | 50   | monthly close",
            "value sign  | KPI  | 31 | 2024-10-09 | -45.6 | 50   | monthly close",
            "target      | KPI  | 31 | 2024-10-09 | 45.6  | 51   | monthly close",
            "no target   | KPI  | 31 | 2024-10-09 | 45.6  |      | monthly close",
            "description | KPI  | 31 | 2024-10-09 | 45.6  | 50   | Monthly close",
            "no descr.   | KPI  | 31 | 2024-10-09 | 45.6  | 50   | ",
    })
    void givesDifferentContentADifferentKey(String change, MeasurementType type, long id, LocalDate at, String value,
            String target, String description) {
        Measurement other = new Measurement(type, id, null, at, new BigDecimal(value),
                target == null ? null : new BigDecimal(target), description);

        assertNotEquals(IdempotencyKey.of(BASE), IdempotencyKey.of(other));
    }

    @Test
    void ignoresTheTitleOnceTheIdIsKnown() {
        Measurement withTitle = new Measurement(MeasurementType.KPI, 31L, "Revenue", LocalDate.of(2024, 10, 9),
                new BigDecimal("45.6"), new BigDecimal("50"), "monthly close");

        assertEquals(IdempotencyKey.of(BASE), IdempotencyKey.of(withTitle));
    }

    @Test
    void refusesToKeyAMeasurementWhoseTitleIsNotResolved() {
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKey.of(byTitle("Revenue")));
    }

    @Test
    void keysASubmittedMeasurementByItsNormalizedTitle() {
        String key = IdempotencyKey.ofSubmitted(byTitle("Revenue, net"));

        assertTrue(key.matches("[0-9a-f]{32}"), key);
        assertEquals(key, IdempotencyKey.ofSubmitted(byTitle(" revenue,  NET ")));
        assertEquals(key, IdempotencyKey.ofSubmitted(byTitle("REVENUE,\tnet")));
        assertNotEquals(key, IdempotencyKey.ofSubmitted(byTitle("Revenue, gross")));
        assertNotEquals(key, IdempotencyKey.ofSubmitted(byTitle("Revenue,net")));
    }

    @Test
    void keysASubmittedMeasurementWithAnIdAsItsDeliveryKey() {
        assertEquals(IdempotencyKey.of(BASE), IdempotencyKey.ofSubmitted(BASE));
    }

    @Test
    void keepsTitleKeysApartFromIdKeys() {
        Measurement titled = byTitle("31");
        Measurement numbered = new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2024, 10, 9),
                new BigDecimal("45.6"), null, null);

        assertNotEquals(IdempotencyKey.ofSubmitted(numbered), IdempotencyKey.ofSubmitted(titled));
    }
}
