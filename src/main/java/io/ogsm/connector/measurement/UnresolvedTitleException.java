package io.ogsm.connector.measurement;

/** A title that names no goal/KPI, or more than one: never guessed. */
public class UnresolvedTitleException extends RuntimeException {

    private final boolean ambiguous;

    public UnresolvedTitleException(String message, boolean ambiguous) {
        super(message);
        this.ambiguous = ambiguous;
    }

    /** True when the title names several entries; false when it names none. */
    public boolean ambiguous() {
        return ambiguous;
    }
}
