package io.ogsm.connector.measurement;

/**
 * A title that names no goal/KPI, several, or another one than the id beside it: never guessed.
 */
public class UnresolvedTitleException extends RuntimeException {

    private final boolean contradictory;

    public UnresolvedTitleException(String message, boolean contradictory) {
        super(message);
        this.contradictory = contradictory;
    }

    /**
     * True when the measurement names its goal/KPI in a way that cannot be right (a title of several entries, an id
     * and a title of different ones): a validation failure. False when the title names nothing (not found).
     */
    public boolean contradictory() {
        return contradictory;
    }
}
