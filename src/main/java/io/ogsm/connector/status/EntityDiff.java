package io.ogsm.connector.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares two versions of an entity field by field, leaving out fields that do not count as a change (by default
 * {@code row_order}, wherever it stands, e.g. inside {@code ogsm_canvases}).
 */
public final class EntityDiff {

    private final Set<String> ignored;

    public EntityDiff(List<String> ignoredFields) {
        this.ignored = Set.copyOf(ignoredFields.stream().map(String::trim).filter(f -> !f.isEmpty()).toList());
    }

    /** The top-level fields that changed, in the order they appear; empty when nothing that counts changed. */
    public List<FieldChange> changes(JsonNode before, JsonNode after) {
        JsonNode b = strip(before);
        JsonNode a = strip(after);
        Set<String> fields = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(fields::add);
        b.fieldNames().forEachRemaining(fields::add);
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = b.has(field) ? b.get(field) : NullNode.getInstance();
            JsonNode is = a.has(field) ? a.get(field) : NullNode.getInstance();
            if (!was.equals(is)) {
                changes.add(new FieldChange(field, before.has(field) ? before.get(field) : NullNode.getInstance(),
                        after.has(field) ? after.get(field) : NullNode.getInstance()));
            }
        }
        return changes;
    }

    /** A copy without the ignored fields, at every depth. */
    JsonNode strip(JsonNode node) {
        if (node == null) {
            return NullNode.getInstance();
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!ignored.contains(name)) {
                    copy.set(name, strip(node.get(name)));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(strip(element)));
            return copy;
        }
        return node;
    }
}
