package io.ogsm.connector.pipeline;

import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangesTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private static Measurement kpi(String value) {
        return new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2026, 9, 30), new BigDecimal(value), null,
                null);
    }

    private static String content(String value) {
        return IdempotencyKey.of(kpi(value));
    }

    @Test
    void theFirstValueOfAFigureIsKeyedByItsContentAlone() {
        Changes.Identity first = Changes.next(content("45"), Optional.empty());
        assertEquals(content("45"), first.key(), "as before corrections were kept: delivered keys stay duplicates");
        assertEquals(0, first.change());
        assertEquals(List.of(), first.earlierKeys());
    }

    @Test
    void theLatestValueSentAgainIsTheSameChange() {
        Changes.Mark latest = new Changes.Mark(content("45"), 2, T0);
        assertEquals(latest.identity(), Changes.next(content("45.00"), Optional.of(latest)));
    }

    @Test
    void anotherValueIsTheNextChangeAlsoWhenItWentBackToAnEarlierOne() {
        Changes.Identity first = Changes.next(content("45"), Optional.empty());
        Changes.Identity second = Changes.next(content("46"), Optional.of(new Changes.Mark(content("46"), 0, T0)));
        Changes.Identity back = Changes.next(content("45"), Optional.of(new Changes.Mark(content("46"), 1, T0)));
        assertEquals(2, back.change());
        assertNotEquals(first.key(), back.key(), "45 again after 46 is posted again");
        assertEquals(List.of(first.key(), IdempotencyKey.change(content("45"), 1)), back.earlierKeys());
        assertEquals(content("46"), second.key());
    }

    @Test
    void aKafkaRecordIsItsTopicPartitionOffsetAndItem() {
        SourceRef record = SourceRef.kafka("measurements", 0, 17);
        assertEquals(Changes.event(record, content("45")), Changes.event(SourceRef.kafka("measurements", 0, 17),
                content("45")), "the record read again after a restart");
        assertNotEquals(Changes.event(record, content("45")), Changes.event(SourceRef.kafka("measurements", 0, 18),
                content("45")), "the same value produced again");
        assertNotEquals(Changes.event(record, content("45")), Changes.event(record.with("index", "1"),
                content("45")));
        assertNotEquals(Changes.event(record, content("45")), Changes.event(record, content("46")),
                "an offset used again (a topic made anew) with other content");
    }

    @Test
    void aFileLineIsItsFileVersionAndLine() {
        SourceRef line = SourceRef.csv("kpis/october.csv", T0, 4);
        assertEquals(Changes.event(line, content("45")), Changes.event(SourceRef.csv("kpis/october.csv", T0, 4),
                content("45")), "the file read again after a restart");
        assertNotEquals(Changes.event(line, content("45")), Changes.event(SourceRef.csv("kpis/october.csv",
                T0.plusSeconds(60), 4), content("45")), "the file saved and dropped again");
        assertNotEquals(Changes.event(line, content("45")), Changes.event(SourceRef.csv("kpis/october.csv", T0, 5),
                content("45")));
    }

    @Test
    void aPushIsItsKeyAndWhenItWasReceived() {
        SourceRef push = SourceRef.push("k1", "2026-12-03T08:00:00Z", "10.0.0.1");
        assertEquals(Changes.event(push, content("45")), Changes.event(SourceRef.push("k1", "2026-12-03T08:00:00Z",
                "10.0.0.2"), content("45")));
        assertNotEquals(Changes.event(push, content("45")), Changes.event(SourceRef.push("k1",
                "2026-12-03T08:00:05Z", "10.0.0.1"), content("45")), "pushed again later");
    }

    @Test
    void aReplayIsItsOriginalsEvent() {
        SourceRef line = SourceRef.csv("kpis/october.csv", T0, 4);
        assertEquals(Changes.event(line, content("45")), Changes.event(SourceRef.replay("csv-1", line),
                content("45")));
        assertEquals(Changes.slot(kpi("45"), SourceRef.erp(Map.of("source", "sap", "record", "K-4"))),
                Changes.slot(kpi("45"), SourceRef.replay("erp-1", SourceRef.erp(Map.of("source", "sap",
                        "record", "K-4")))));
        assertTrue(Changes.event(SourceRef.replay("x", null), content("45")).isEmpty());
    }

    @Test
    void anErpRecordWithAnIdIsAFigureOfItsOwnAndReadAgainIsSentAgain() {
        SourceRef k4 = SourceRef.erp(Map.of("source", "sap", "record", "K-4"));
        SourceRef k5 = SourceRef.erp(Map.of("source", "sap", "record", "K-5"));
        assertNotEquals(Changes.slot(kpi("45"), k4), Changes.slot(kpi("45"), k5),
                "two records for one KPI and date do not correct each other");
        assertEquals(Changes.slot(kpi("45"), k4), Changes.slot(kpi("46"), k4));
        assertTrue(Changes.event(k4, content("45")).isEmpty(), "the ERP's answer is the record's state now");
    }

    @Test
    void anErpRecordWithoutAnIdIsItsContentFromItsSource() {
        SourceRef first = SourceRef.erp(Map.of("source", "sap", "position", "page 1 item 1"));
        SourceRef moved = SourceRef.erp(Map.of("source", "sap", "position", "page 2 item 7"));
        assertEquals(Changes.event(first, content("45")), Changes.event(moved, content("45")),
                "a place in the answer is no identity");
        assertEquals(Changes.slot(kpi("45"), SourceRef.push("k1", "2026-12-03T08:00:00Z", "10.0.0.1")),
                Changes.slot(kpi("45"), first), "the figure itself, as from any other source");
    }

    /** Rows of one file with other descriptions are measurements of their own, not versions of one figure. */
    @Test
    void anotherDescriptionIsAnotherFigure() {
        Measurement a = new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2026, 4, 1), BigDecimal.ONE, null,
                "hub Utrecht");
        Measurement b = new Measurement(MeasurementType.KPI, 31L, null, LocalDate.of(2026, 4, 1), BigDecimal.TEN, null,
                "hub Eindhoven");
        assertNotEquals(Changes.slot(a, null), Changes.slot(b, null));
        assertEquals(Changes.slot(a, null), Changes.slot(new Measurement(MeasurementType.KPI, 31L, null,
                LocalDate.of(2026, 4, 1), BigDecimal.TEN, BigDecimal.ONE, "hub Utrecht"), null),
                "another value or target of the same description is a change of it");
    }
}
