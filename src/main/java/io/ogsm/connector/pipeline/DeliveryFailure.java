package io.ogsm.connector.pipeline;

/**
 * A delivery attempt failed; carries the classifier's {@link Decision} and the original failure as its cause, so the
 * route's error handler and the dead letter see one type.
 */
public class DeliveryFailure extends RuntimeException {

    private final Decision decision;

    public DeliveryFailure(String message, Decision decision, Throwable cause) {
        super(message, cause);
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }
}
