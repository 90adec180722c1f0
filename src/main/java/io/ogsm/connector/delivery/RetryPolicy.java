package io.ogsm.connector.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before attempt {@code n + 1}: exponential backoff from {@code initialBackoff}, doubling up to
 * {@code maxBackoff}, with "equal jitter" (a random point in the upper half of the step) so that many failed
 * deliveries do not come back at once. A {@code Retry-After} from the API is honoured up to {@code retryAfterCap}:
 * the wait is the longer of the two.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration retryAfterCap,
        DoubleSupplier random) {

    public boolean mayRetry(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** @param attemptsMade attempts so far (1 after the first failure) */
    public Duration delay(int attemptsMade, Optional<Duration> retryAfter) {
        long initial = Math.max(1, initialBackoff.toMillis());
        long cap = Math.max(initial, maxBackoff.toMillis());
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long step = Math.min(cap, initial << doublings);
        long jittered = step / 2 + (long) (random.getAsDouble() * (step - step / 2));
        long asked = retryAfter.map(d -> Math.min(d.toMillis(), retryAfterCap.toMillis())).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, asked));
    }
}
