package io.ogsm.connector.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a measurement came from (header {@link DeliveryHeaders#SOURCE}): the source's kind and its references, such as
 * a CSV file (and when it was written) and line, a Kafka topic, partition and offset, an ERP source and record, a
 * push key. In JSON (dead letters) it is one flat object, {@code {"kind": "csv", "file": "kpis/october.csv", "line": 4}}: lines, partitions,
 * offsets and indexes are numbers.
 */
public record SourceRef(Kind kind, Map<String, String> details) {

    /** The kinds of source. */
    public enum Kind {
        PUSH, CSV, KAFKA, ERP, REPLAY, UNKNOWN;

        /** The kind as written in dead letters, metrics and logs: {@code csv}, {@code kafka}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String key) {
            for (Kind kind : values()) {
                if (kind.key().equals(key)) {
                    return kind;
                }
            }
            return UNKNOWN;
        }
    }

    public SourceRef {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A CSV file as a whole (the dead letter of its rows that are no measurement). */
    public static SourceRef csvFile(String file, java.time.Instant modified) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("file", file);
        details.put("modified", modified.toString());
        return new SourceRef(Kind.CSV, details);
    }

    /** A CSV file's line; {@code modified}, when the file was last written, tells one version of a file from another. */
    public static SourceRef csv(String file, java.time.Instant modified, long line) {
        return csvFile(file, modified).with("line", Long.toString(line));
    }

    public static SourceRef kafka(String topic, Object partition, Object offset) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("topic", topic);
        details.put("partition", String.valueOf(partition));
        details.put("offset", String.valueOf(offset));
        return new SourceRef(Kind.KAFKA, details);
    }

    public static SourceRef push(String key, String receivedAt, String remote) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("key", key);
        details.put("received_at", receivedAt);
        details.put("remote", remote);
        return new SourceRef(Kind.PUSH, details);
    }

    /**
     * An ERP record: {@code source} (the ERP source's name) and {@code record}, its id, where the source sets
     * {@code record-id}, else {@code position} ({@code page 1 item 3}).
     */
    public static SourceRef erp(Map<String, String> details) {
        return new SourceRef(Kind.ERP, details);
    }

    /** A dead letter replayed: its id, and where its measurement first came from ({@code original_*}). */
    public static SourceRef replay(String deadLetter, SourceRef original) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("dead_letter", deadLetter);
        if (original != null) {
            original.asMap().forEach((k, v) -> details.put("original_" + k, v));
        }
        return new SourceRef(Kind.REPLAY, details);
    }

    /** References that are numbers, written as JSON numbers: a line, a partition, an offset, an item's index. */
    private static final java.util.Set<String> NUMBERS = java.util.Set.of("line", "partition", "offset", "index",
            "original_line", "original_partition", "original_offset", "original_index");

    /** The flat form in JSON: as {@link #asMap}, with the numeric references as numbers ({@code "line": 4}). */
    @JsonValue
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        asMap().forEach((name, value) -> json.put(name, NUMBERS.contains(name) && value != null
                && value.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(value) : value));
        return json;
    }

    /** The flat form: {@code kind} first, then the references. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("kind", kind.key());
        map.putAll(details);
        return map;
    }

    @JsonCreator
    public static SourceRef of(Map<String, ?> map) {
        Map<String, String> details = new LinkedHashMap<>();
        map.forEach((name, value) -> details.put(name, value == null ? null : String.valueOf(value)));
        String kind = details.remove("kind");
        return new SourceRef(Kind.of(kind), details);
    }

    /** The same with one more reference, such as an item's index in its record. */
    public SourceRef with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new SourceRef(kind, more);
    }

    /** A reference by name ({@code file}, {@code line}, {@code topic}, ...), or null. */
    public String get(String name) {
        return "kind".equals(name) ? kind.key() : details.get(name);
    }

    /** For a log line: {@code from kind=csv file=kpis/october.csv line=4}. */
    public String describe() {
        StringBuilder text = new StringBuilder("from");
        asMap().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
        return text.toString();
    }
}
