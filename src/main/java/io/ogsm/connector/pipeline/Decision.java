package io.ogsm.connector.pipeline;

import java.time.Duration;
import java.util.Optional;

/**
 * What to do after a failed attempt, as {@link FailureClassifier} decides it.
 *
 * @param retry        whether another attempt may succeed
 * @param verifyFirst  the request may have been stored: look for it in the API's list before posting again
 * @param reason       the dead-letter reason if no retry follows ({@link FailureReason#RETRIES_EXHAUSTED} for
 *                     retryable failures)
 * @param retryAfter   how long the API asked us to wait, if it did
 * @param status       the HTTP status, or 0 when there was no answer
 */
public record Decision(boolean retry, boolean verifyFirst, FailureReason reason, Optional<Duration> retryAfter,
        int status) {

    public static Decision permanent(FailureReason reason, int status) {
        return new Decision(false, false, reason, Optional.empty(), status);
    }

    public static Decision retry(int status, Optional<Duration> retryAfter) {
        return new Decision(true, false, FailureReason.RETRIES_EXHAUSTED, retryAfter, status);
    }

    public static Decision ambiguous() {
        return new Decision(true, true, FailureReason.RETRIES_EXHAUSTED, Optional.empty(), 0);
    }
}
