package io.ogsm.connector.pipeline;

import io.ogsm.connector.pipeline.DeliveryLedger.Tracking;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pushed measurement's status over its life: first acceptance kept, delivered final. */
class TrackingTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static Tracking queued(int seconds) {
        return new Tracking("queued", "k", null, null, null, null, T0.plusSeconds(seconds));
    }

    private static Tracking delivered(long id, int seconds) {
        return new Tracking("delivered", "k", id, null, null, null, T0.plusSeconds(seconds));
    }

    private static Tracking deadLettered(String letter, int seconds) {
        return new Tracking("dead_lettered", "k", null, "not_found", letter, null, T0.plusSeconds(seconds));
    }

    @Test
    void theFirstStateIsWhenItWasAccepted() {
        assertEquals(T0, queued(0).after(null).acceptedAt());
    }

    @Test
    void aDeadLetterReplayedIsDeliveredAndStillAcceptedWhenFirstPushed() {
        Tracking state = queued(0).after(null);
        state = deadLettered("in-1", 1).after(state);
        assertEquals("in-1", state.deadLetter());
        state = delivered(1201, 60).after(state);
        assertEquals("delivered", state.state());
        assertEquals(1201L, state.ogsmId());
        assertEquals(null, state.deadLetter());
        assertEquals(T0, state.acceptedAt());
        assertEquals(T0.plusSeconds(60), state.at());
    }

    @Test
    void pushingADeliveredMeasurementAgainChangesNothing() {
        Tracking delivered = delivered(1201, 2).after(queued(0).after(null));
        assertEquals(delivered, queued(30).after(delivered), "queued again");
        assertEquals(delivered, new Tracking("delivered", "k", null, null, null, null, T0.plusSeconds(31))
                .after(delivered), "and settled as a duplicate");
    }

    @Test
    void aDeadLetteredMeasurementPushedAgainIsQueuedAgainSinceItsFirstAcceptance() {
        Tracking state = queued(40).after(deadLettered("in-1", 1).after(queued(0).after(null)));
        assertEquals("queued", state.state());
        assertEquals(T0, state.acceptedAt());
        assertEquals(T0.plusSeconds(40), state.at());
    }

    @Test
    void aCorrectionPostedAgainUnderItsOwnKeyReplacesTheEarlierDelivery() {
        Tracking first = delivered(1201, 2).after(queued(0).after(null));
        Tracking correction = new Tracking("delivered", "k-change-2", 1305L, null, null, null, T0.plusSeconds(90));
        Tracking state = correction.after(queued(80).after(first));
        assertEquals(1305L, state.ogsmId());
        assertEquals(T0, state.acceptedAt());
    }
}
