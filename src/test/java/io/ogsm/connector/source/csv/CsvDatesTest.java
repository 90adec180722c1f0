package io.ogsm.connector.source.csv;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvDatesTest {

    @ParameterizedTest(name = "[{index}] {1} under {0}")
    @CsvSource(delimiter = '|', value = {
            "yyyy-MM-dd          | 2025-02-31  | does not exist: February 2025 has 28 days",
            "yyyy-MM-dd          | 2024-02-30  | does not exist: February 2024 has 29 days",
            "d-M-yyyy            | 31-02-2025  | does not exist: February 2025 has 28 days",
            "d-M-yyyy            | 31-04-2026  | does not exist: April 2026 has 30 days",
            "yyyyMMdd            | 20261345    | does not exist: there is no month 13",
            "yyyy-MM-dd          | 2026-00-10  | does not exist: there is no month 0",
            "yyyy-MM-dd          | 31-10-2026  | does not match yyyy-MM-dd; it reads as d-M-yyyy: add it to ogsm.csv.date-formats (OGSM_CSV_DATE_FORMATS)",
            "yyyy-MM-dd          | 31-02-2025  | does not match yyyy-MM-dd (as d-M-yyyy it does not exist: February 2025 has 28 days)",
            "yyyy-MM-dd          | 01/02/2026  | does not match yyyy-MM-dd; it reads as d/M/yyyy or M/d/yyyy: add the one meant to ogsm.csv.date-formats (OGSM_CSV_DATE_FORMATS)",
            "yyyy-MM-dd          | 31.10.2026  | does not match yyyy-MM-dd; it reads as d.M.yyyy: add it to ogsm.csv.date-formats (OGSM_CSV_DATE_FORMATS)",
            "yyyy-MM-dd          | next monday | does not match yyyy-MM-dd",
            "yyyy-MM-dd,d-M-yyyy | 2026/10/31  | does not match yyyy-MM-dd or d-M-yyyy; it reads as yyyy/M/d: add it to ogsm.csv.date-formats (OGSM_CSV_DATE_FORMATS)",
    })
    void saysWhyADateIsNotRead(String patterns, String text, String problem) {
        CsvDates dates = new CsvDates(List.of(patterns.split(",")));

        assertTrue(dates.parse(text).isEmpty());
        assertEquals(problem, dates.problem(text));
    }

    @org.junit.jupiter.api.Test
    void namesTheSettingItWasGiven() {
        CsvDates dates = new CsvDates(List.of("yyyy-MM-dd"), "the date-formats of intake profile finance-nl", null);

        assertEquals("does not match yyyy-MM-dd; it reads as d-M-yyyy: add it to the date-formats of intake profile "
                + "finance-nl", dates.problem("31-10-2026"));
    }
}
