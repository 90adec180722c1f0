package io.ogsm.connector.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A source record kept as it came (a Kafka record: key, value, headers, and where it was read), so that when any of
 * its items fails it can be handed back as it was, once for the whole record, with what went wrong: the form a
 * topic's own tools can fix and produce again. The exchange property {@value #PROPERTY} holds it while the record is
 * in work; each failing item notes its {@link Failure} (the dead-letter route, from any thread of the record).
 *
 * @param headers the record's own headers, in their order, values as they came
 */
public record OriginalRecord(byte[] key, byte[] value, List<Map.Entry<String, byte[]>> headers, String topic,
        int partition, long offset, List<Failure> failures) {

    /** Exchange property: the record being worked on. */
    public static final String PROPERTY = "OgsmOriginalRecord";

    /** Why one item of the record was dead-lettered. */
    public record Failure(int index, String deadLetter, String reason, String message, String exceptionClass,
            Integer responseStatus) {
    }

    public OriginalRecord(byte[] key, byte[] value, List<Map.Entry<String, byte[]>> headers, String topic,
            int partition, long offset) {
        this(key, value, List.copyOf(headers), topic, partition, offset, new ArrayList<>());
    }

    public void failed(Failure failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    public boolean anyFailed() {
        synchronized (failures) {
            return !failures.isEmpty();
        }
    }

    /** The failures noted so far, by item index. */
    public List<Failure> failuresByIndex() {
        synchronized (failures) {
            return failures.stream().sorted(Comparator.comparingInt(Failure::index)).toList();
        }
    }
}
