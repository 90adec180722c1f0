package io.ogsm.connector.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceRefTest {

    @Test
    void linesOffsetsAndIndexesAreNumbersInJsonAndReadBack() throws Exception {
        SourceRef line = SourceRef.csv("kpis/october.csv", Instant.parse("2026-12-03T08:00:00Z"), 4);
        JsonNode json = OgsmJson.mapper().valueToTree(line);
        assertEquals("{\"kind\":\"csv\",\"file\":\"kpis/october.csv\",\"modified\":\"2026-12-03T08:00:00Z\",\"line\":4}",
                json.toString());
        assertEquals(line, OgsmJson.mapper().treeToValue(json, SourceRef.class));

        SourceRef record = SourceRef.kafka("measurements", 2, 17L).with("index", "1");
        JsonNode kafka = OgsmJson.mapper().valueToTree(SourceRef.replay("dl-1", record));
        assertTrue(kafka.path("original_offset").isIntegralNumber(), kafka.toString());
        assertTrue(kafka.path("original_partition").isIntegralNumber(), kafka.toString());
        assertTrue(kafka.path("original_index").isIntegralNumber(), kafka.toString());
        assertEquals("measurements", kafka.path("original_topic").asText());
        assertEquals(SourceRef.replay("dl-1", record), OgsmJson.mapper().treeToValue(kafka, SourceRef.class));
    }

    @Test
    void anOldDeadLetterWithTheLineAsAStringIsReadToo() throws Exception {
        SourceRef read = OgsmJson.mapper().readValue("{\"kind\":\"csv\",\"file\":\"a.csv\",\"line\":\"4\"}",
                SourceRef.class);
        assertEquals("4", read.get("line"));
    }
}
