package io.ogsm.connector.pipeline;

import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.measurement.Measurement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which change of a figure a measurement is: the one rule that tells a correction from a re-send and from a re-read,
 * for every ledger.
 * <ul>
 * <li>A <b>slot</b> is the figure a measurement is a version of: its goal or KPI, date and description (and, for an ERP
 * source with {@code record-id}, that record). The ledger keeps each slot's latest content and its change number.</li>
 * <li>A different content is the slot's next change and gets a key of its own ({@link IdempotencyKey#change}), also
 * when it goes back to an earlier value (45, 46, 45 is posted three times): the workspace's latest for that date is the
 * source's latest. The same content as the slot's latest is a re-send: the same key, so a duplicate.</li>
 * <li>An <b>event</b> is the source's own record of it (a Kafka offset, a file's version and line, a push request): a
 * record read again after a crash or a restart keeps the key it got the first time, however the slot moved since.
 * A replay is its original's event.</li>
 * </ul>
 */
public final class Changes {

    private Changes() {
    }

    /** Which change of its slot a measurement is, and so its delivery key. */
    public record Identity(String key, String contentKey, int change) {

        static Identity of(String contentKey, int change) {
            return new Identity(IdempotencyKey.change(contentKey, change), contentKey, change);
        }

        /** The keys the earlier changes of this slot with the same content were delivered under, if they were. */
        public List<String> earlierKeys() {
            return java.util.stream.IntStream.range(0, change)
                    .mapToObj(c -> IdempotencyKey.change(contentKey, c)).toList();
        }
    }

    /** A slot's latest change, or an event's: its content's key, which change it was, and when it was seen. */
    public record Mark(String contentKey, int change, Instant at) {

        public Identity identity() {
            return Identity.of(contentKey, change);
        }
    }

    /** The identity of content {@code contentKey} given its slot's latest change (empty: none yet). */
    public static Identity next(String contentKey, Optional<Mark> latest) {
        if (latest.isEmpty()) {
            return Identity.of(contentKey, 0);
        }
        if (latest.get().contentKey().equals(contentKey)) {
            return Identity.of(contentKey, latest.get().change());
        }
        return Identity.of(contentKey, latest.get().change() + 1);
    }

    /**
     * The slot of a resolved measurement from {@code source} (a digest): its goal or KPI, date and description, so that
     * rows of one file that are measurements of their own (another description) never count as changes of each other,
     * whatever order they are delivered in.
     */
    public static String slot(Measurement resolved, SourceRef source) {
        String subject = IdempotencyKey.digest(IdempotencyKey.subject(resolved) + "\u001f"
                + (resolved.description() == null ? "" : resolved.description()));
        SourceRef origin = origin(source);
        if (origin != null && origin.kind() == SourceRef.Kind.ERP && origin.get("record") != null) {
            return IdempotencyKey.digest(subject + "\u001ferp\u001f" + origin.get("source") + "\u001f"
                    + origin.get("record"));
        }
        return subject;
    }

    /**
     * The event that brought content {@code contentKey} from {@code source} (a digest), or empty when the source has
     * none: then reading it again is sending it again. The content is part of it, so a reused offset (a topic made
     * anew) or line (a file saved again) with other content is another event.
     */
    public static Optional<String> event(SourceRef source, String contentKey) {
        SourceRef origin = origin(source);
        if (origin == null) {
            return Optional.empty();
        }
        List<String> parts = switch (origin.kind()) {
            case KAFKA -> List.of("topic", "partition", "offset", "index");
            case CSV -> List.of("file", "modified", "line");
            case PUSH -> List.of("key", "received_at");
            // an ERP answer is the record's state now: read again, it is sent again; without a record id, where
            // a correction cannot be told from another record, the same content from the same source is one event
            case ERP -> origin.get("record") != null ? List.<String>of() : List.of("source");
            case REPLAY, UNKNOWN -> List.<String>of();
        };
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(origin.kind().key());
        for (String part : parts) {
            String value = origin.get(part);
            text.append('\u001f').append(value == null ? "" : value);
        }
        if (origin.kind() == SourceRef.Kind.CSV && origin.get("column") != null) {
            // a wide sheet's line holds a measurement per period column; the other files' events stay as they were
            text.append('\u001f').append(origin.get("column"));
        }
        return Optional.of(IdempotencyKey.digest(text.append('\u001f').append(contentKey).toString()));
    }

    /** A replay's original source (its {@code original_*} references); any other source itself. */
    static SourceRef origin(SourceRef source) {
        if (source == null || source.kind() != SourceRef.Kind.REPLAY) {
            return source;
        }
        Map<String, String> original = new LinkedHashMap<>();
        source.details().forEach((name, value) -> {
            if (name.startsWith("original_")) {
                original.put(name.substring("original_".length()), value);
            }
        });
        return original.containsKey("kind") ? SourceRef.of(original) : null;
    }
}
