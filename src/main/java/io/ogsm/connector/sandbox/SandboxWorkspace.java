package io.ogsm.connector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's workspace: the seven lists, kept in memory as the JSON the API serves. Starts from the demo workspace
 * ({@code sandbox/workspace.json}); {@link #reset()} returns to it. Thread-safe; every read answers a copy.
 */
public class SandboxWorkspace {

    public static final String DEMO_WORKSPACE = "sandbox/workspace.json";

    private final JsonNode seed;
    private final Map<OgsmResource, Map<Long, ObjectNode>> lists = new EnumMap<>(OgsmResource.class);
    private long lastId;

    public SandboxWorkspace(JsonNode seed) {
        this.seed = seed.deepCopy();
        reset();
    }

    public static SandboxWorkspace demo() {
        try (InputStream in = SandboxWorkspace.class.getClassLoader().getResourceAsStream(DEMO_WORKSPACE)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_WORKSPACE + " is missing from the class path");
            }
            return new SandboxWorkspace(OgsmJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + DEMO_WORKSPACE, e);
        }
    }

    /** Back to the seed workspace; created measurements and changes are gone. */
    public synchronized void reset() {
        lists.clear();
        lastId = 0;
        for (OgsmResource resource : OgsmResource.values()) {
            Map<Long, ObjectNode> entries = new LinkedHashMap<>();
            JsonNode list = seed.path(resource.apiName());
            for (JsonNode entry : list) {
                ObjectNode copy = entry.deepCopy();
                long id = copy.path("id").asLong();
                entries.put(id, copy);
                lastId = Math.max(lastId, id);
            }
            lists.put(resource, entries);
        }
    }

    public synchronized ArrayNode list(OgsmResource resource) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        lists.get(resource).values().forEach(entry -> array.add(entry.deepCopy()));
        return array;
    }

    public synchronized int size(OgsmResource resource) {
        return lists.get(resource).size();
    }

    public synchronized Optional<ObjectNode> find(OgsmResource resource, long id) {
        return Optional.ofNullable(lists.get(resource).get(id)).map(ObjectNode::deepCopy);
    }

    /**
     * Stores a measurement checked by {@link MeasurementBodyCheck}; answers the stored object with its new id, or
     * empty when the goal or KPI it names does not exist.
     */
    public synchronized Optional<ObjectNode> createMeasurement(OgsmResource resource, MeasurementBodyCheck.Result ok) {
        OgsmResource parentList = resource == OgsmResource.GOAL_MEASUREMENTS ? OgsmResource.GOALS : OgsmResource.KPIS;
        ObjectNode parent = lists.get(parentList).get(ok.parentId());
        if (parent == null) {
            return Optional.empty();
        }
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        stored.put("id", ++lastId);
        stored.setAll(ok.fields());
        stored.put("traffic_light", trafficLight(ok.fields(), parent));
        // field order as the API page shows it
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        for (String field : new String[] {"id", resource == OgsmResource.GOAL_MEASUREMENTS ? "goal" : "indicator",
                "at", "current_value", "target_value", "traffic_light", "show_in_ogsm", "description"}) {
            ordered.set(field, stored.get(field));
        }
        lists.get(resource).put(lastId, ordered);
        return Optional.of(ordered.deepCopy());
    }

    /** Changes fields of an entry (for demos and tests of status changes); answers the entry as it now is. */
    public synchronized Optional<ObjectNode> patch(OgsmResource resource, long id, ObjectNode changes) {
        ObjectNode entry = lists.get(resource).get(id);
        if (entry == null) {
            return Optional.empty();
        }
        Iterator<Map.Entry<String, JsonNode>> fields = changes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("id")) {
                entry.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return Optional.of(entry.deepCopy());
    }

    /**
     * Adds {@code count} entries to a list, each a copy of its first entry with a new id and a numbered title: a large
     * workspace for load and memory tests. Answers the size of the list.
     */
    public synchronized int generate(OgsmResource resource, int count) {
        Map<Long, ObjectNode> entries = lists.get(resource);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(resource.apiName() + " has no entry to copy");
        }
        ObjectNode template = entries.values().iterator().next();
        for (int i = 0; i < count; i++) {
            ObjectNode copy = template.deepCopy();
            copy.put("id", ++lastId);
            if (copy.has("title")) {
                copy.put("title", "Generated " + resource.key() + " " + lastId);
            }
            entries.put(lastId, copy);
        }
        return entries.size();
    }

    public synchronized boolean delete(OgsmResource resource, long id) {
        return lists.get(resource).remove(id) != null;
    }

    /**
     * Green when the value meets its target, red when it does not; without a target, the colour of the goal or KPI.
     */
    private static String trafficLight(ObjectNode fields, ObjectNode parent) {
        JsonNode target = fields.get("target_value");
        if (target != null && !target.isNull()) {
            BigDecimal value = fields.get("current_value").decimalValue();
            return value.compareTo(target.decimalValue()) >= 0 ? "green" : "red";
        }
        JsonNode light = parent.get("traffic_light");
        return light == null || !light.isTextual() ? null : light.asText();
    }
}
