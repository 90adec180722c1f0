package io.ogsm.connector.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EntityDiffTest {

    private final EntityDiff diff = new EntityDiff(List.of("row_order"));

    private static JsonNode json(String text) throws Exception {
        return OgsmJson.mapper().readTree(text);
    }

    @Test
    void namesEachChangedFieldWithItsValuesBeforeAndAfter() throws Exception {
        List<FieldChange> changes = diff.changes(
                json("{\"id\":1,\"traffic_light\":\"orange\",\"archived\":false,\"title\":\"T\"}"),
                json("{\"id\":1,\"traffic_light\":\"red\",\"archived\":true,\"title\":\"T\"}"));
        assertEquals(List.of("traffic_light", "archived"), changes.stream().map(FieldChange::field).toList());
        assertEquals("orange", changes.get(0).before().asText());
        assertEquals(true, changes.get(1).after().asBoolean());
    }

    @Test
    void ignoresOrderingOnlyFieldsAtAnyDepth() throws Exception {
        assertEquals(List.of(), diff.changes(
                json("{\"id\":1,\"row_order\":1,\"ogsm_canvases\":[{\"id\":789,\"row_order\":91}]}"),
                json("{\"id\":1,\"row_order\":7,\"ogsm_canvases\":[{\"id\":789,\"row_order\":3}]}")));
    }

    @Test
    void aFieldThatAppearsOrDisappearsIsAChange() throws Exception {
        List<FieldChange> changes = diff.changes(json("{\"id\":1,\"due\":\"2026-01-01\"}"),
                json("{\"id\":1,\"progress\":5}"));
        assertEquals(List.of("progress", "due"), changes.stream().map(FieldChange::field).toList());
        assertEquals(true, changes.get(0).before().isNull());
        assertEquals(true, changes.get(1).after().isNull());
    }

    @Test
    void moreIgnoredFieldsCanBeConfigured() throws Exception {
        EntityDiff lenient = new EntityDiff(List.of("row_order", " description "));
        assertEquals(List.of(), lenient.changes(json("{\"description\":\"<p>a</p>\"}"), json("{\"description\":\"b\"}")));
    }
}
