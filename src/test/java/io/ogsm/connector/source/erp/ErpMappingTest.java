package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.ogsm.OgsmJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One ERP record to a measurement, or to what does not map. */
class ErpMappingTest {

    private static ErpMapping mapping(String map) {
        return ErpSourcesFileTest.parse("""
                sources:
                  - name: x
                    url: https://erp.example.com/
                    schedule: 15m
                    items: "$[*]"
                    map: %s
                """.formatted(map)).get(0).mapping();
    }

    private static JsonNode json(String text) throws Exception {
        return OgsmJson.mapper().readTree(text);
    }

    @Test
    void mapsTheIssuesExampleRecord() throws Exception {
        ErpMapping mapping = mapping("{type: kpi, title: \"$.KpiName\", at: \"$.Period\", at-format: yyyyMMdd, "
                + "value: \"$.Amount\", target: \"$.Budget\"}");
        ErpMapping.Result result = mapping.map(json("{\"KpiName\":\"Revenue\",\"Period\":\"20261031\","
                + "\"Amount\":1250000.10,\"Budget\":\"1200000\"}"));
        assertEquals(new Measurement(MeasurementType.KPI, null, "Revenue", LocalDate.of(2026, 10, 31),
                new BigDecimal("1250000.1"), new BigDecimal("1200000"), null), result.measurement());
    }

    @Test
    void readsIdsTypesAndNestedFieldsFromTheRecord() throws Exception {
        ErpMapping mapping = mapping("{type: \"$.kind\", id: \"$.ref.id\", at: \"$.at\", value: \"$.values[0]\", "
                + "description: \"$.note\"}");
        Measurement m = mapping.map(json("{\"kind\":\"Goals\",\"ref\":{\"id\":\"11\"},\"at\":\"2026-09-30T23:00:00Z\","
                + "\"values\":[45.6],\"note\":\"Q3\"}")).measurement();
        assertEquals(new Measurement(MeasurementType.GOAL, 11L, null, LocalDate.of(2026, 9, 30), new BigDecimal("45.6"),
                null, "Q3"), m);
    }

    @Test
    void readsODataDates() throws Exception {
        ErpMapping mapping = mapping("{type: kpi, id: 31, at: \"$.at\", value: \"$.v\"}");
        assertEquals(LocalDate.of(2025, 11, 1),
                mapping.map(json("{\"at\":\"/Date(1761955200000)/\",\"v\":1}")).measurement().at());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing field|{\"Period\":\"20261031\",\"Amount\":1}|title not found at $.KpiName",
            "unparseable date|{\"KpiName\":\"R\",\"Period\":\"20261345\",\"Amount\":1}|at '20261345' does not match the pattern yyyyMMdd",
            "31 February|{\"KpiName\":\"R\",\"Period\":\"20260231\",\"Amount\":1}|at '20260231' does not match the pattern yyyyMMdd",
            "unparseable number|{\"KpiName\":\"R\",\"Period\":\"20261031\",\"Amount\":\"n/a\"}|value 'n/a' is not a number",
            "null value|{\"KpiName\":\"R\",\"Period\":\"20261031\",\"Amount\":null}|value not found at $.Amount",
            "object as a number|{\"KpiName\":\"R\",\"Period\":\"20261031\",\"Amount\":{\"x\":1}}|value '{\"x\":1}' is not a number",
            "bad target|{\"KpiName\":\"R\",\"Period\":\"20261031\",\"Amount\":1,\"Budget\":\"lots\"}|target 'lots' is not a number",
            "absurd date|{\"KpiName\":\"R\",\"Period\":\"18001031\",\"Amount\":1}|at '1800-10-31' is not between",
    })
    void aRecordThatDoesNotMapSaysWhy(String rule, String record, String expected) throws Exception {
        ErpMapping mapping = mapping("{type: kpi, title: \"$.KpiName\", at: \"$.Period\", at-format: yyyyMMdd, "
                + "value: \"$.Amount\", target: \"$.Budget\"}");
        ErpMapping.Result result = mapping.map(json(record));
        assertFalse(result.ok(), rule);
        assertTrue(result.describe().contains(expected), rule + ": " + result.describe());
    }

    @Test
    void aTypeTheRecordNamesWronglyIsAProblem() throws Exception {
        ErpMapping.Result result = mapping("{type: \"$.kind\", id: 1, at: \"$.at\", value: \"$.v\"}")
                .map(json("{\"kind\":\"budget\",\"at\":\"2026-01-01\",\"v\":1}"));
        assertEquals(List.of("type 'budget' is not goal or kpi"), result.problems().stream().map(Object::toString).toList());
    }
}
