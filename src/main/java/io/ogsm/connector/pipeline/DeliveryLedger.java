package io.ogsm.connector.pipeline;

import io.ogsm.connector.measurement.Measurement;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What delivery remembers across restarts, by idempotency key: which measurements were delivered (so each is posted
 * once), which POSTs were started but not settled (claimed in flight <em>before</em> the POST, so that after a crash or
 * an ambiguous failure the API's list is checked before posting again), and the state of measurements pushed over
 * HTTP, by the key their submitter got. Each change is durable when its call returns.
 */
public interface DeliveryLedger extends AutoCloseable {

    /** A delivered measurement: its OGSM id (null when the API's answer was unreadable) and when. */
    record Delivered(Long ogsmId, Instant at) {
    }

    /** A POST under way or of unknown outcome. */
    record InFlight(String key, Measurement measurement, Instant since) {
    }

    /**
     * The state of a pushed measurement: {@code queued}, {@code delivered} or {@code dead_lettered}.
     *
     * @param deadLetter the dead letter's id while dead-lettered
     * @param acceptedAt when the push API first accepted it (null in entries written before it was kept: then at)
     * @param at         when it reached this state
     */
    record Tracking(String state, String deliveryKey, Long ogsmId, String reason, String deadLetter,
            Instant acceptedAt, Instant at) {

        /** A state that names no dead letter, accepted when {@link #after} says. */
        public Tracking(String state, String deliveryKey, Long ogsmId, String reason, Instant at) {
            this(state, deliveryKey, ogsmId, reason, null, null, at);
        }

        /**
         * This state as the one that follows {@code previous} for the same key: the first acceptance is kept, and a
         * delivered measurement stays as it was delivered (a push of it again, settled as a duplicate, changes
         * nothing) unless it settles under another delivery key (a correction back to it, posted again). Every ledger
         * applies this rule when it records a state.
         */
        public Tracking after(Tracking previous) {
            if (previous == null) {
                return acceptedAt != null ? this : withAcceptedAt(at);
            }
            Instant accepted = previous.acceptedAt != null ? previous.acceptedAt : previous.at;
            if (Outcome.DELIVERED.key().equals(previous.state) && (DeliveryHeaders.QUEUED.equals(state)
                    || Objects.equals(deliveryKey, previous.deliveryKey))) {
                return previous.withAcceptedAt(accepted);
            }
            return withAcceptedAt(accepted);
        }

        private Tracking withAcceptedAt(Instant accepted) {
            return new Tracking(state, deliveryKey, ogsmId, reason, deadLetter, accepted, at);
        }
    }

    Optional<Delivered> delivered(String key);

    /**
     * The delivery key of a resolved measurement from {@code source}, by {@link Changes}' rule, recorded (durable when
     * this returns): the slot's latest change, and the event's identity, which the same event gets again whenever it
     * is identified again. Atomic for one slot.
     */
    Changes.Identity identify(Measurement resolved, SourceRef source);

    /** What {@link #identify} would answer, recording nothing (a dry run). */
    Changes.Identity peek(Measurement resolved, SourceRef source);

    /** Durable before this returns: the POST that follows may store the measurement. */
    void markInFlight(String key, Measurement measurement);

    Optional<InFlight> inFlight(String key);

    /** The POST surely stored nothing (the API answered an error): no lookup needed next time. */
    void clearInFlight(String key);

    /**
     * Delivered, the pushed measurement's tracking state with it (when trackingKey is not null), and the in-flight
     * claim dropped: all of it, or nothing.
     */
    void markDelivered(String key, Long ogsmId, String trackingKey, Tracking state);

    /** A pushed measurement's state. */
    void track(String trackingKey, Tracking state);

    /** Several pushed measurements' states, all or none. */
    void trackAll(Map<String, Tracking> states);

    Optional<Tracking> tracking(String trackingKey);

    /**
     * Forgets delivered keys, tracking entries and in-flight claims past the retention, then the oldest delivered keys
     * beyond the key limit.
     *
     * @return how many entries were dropped
     */
    int prune();

    /** Forgets every mark, claim and tracking entry: for the sandbox, whose workspace starts afresh. */
    void forgetAll();

    @Override
    void close();
}
