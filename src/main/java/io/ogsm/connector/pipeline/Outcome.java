package io.ogsm.connector.pipeline;

import java.util.Locale;

/** How the deliver route settled a measurement (header {@link DeliveryHeaders#OUTCOME}). */
public enum Outcome {
    /** Posted now: the API stored it. */
    DELIVERED,
    /** Posted before (the same idempotency key): not posted again. */
    DUPLICATE,
    /** Given up: a dead letter holds it. */
    DEAD_LETTERED;

    /** As written in answers, metrics and logs: {@code delivered}, {@code duplicate}, {@code dead_lettered}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Delivered now or before: the workspace has it. */
    public boolean stored() {
        return this != DEAD_LETTERED;
    }
}
