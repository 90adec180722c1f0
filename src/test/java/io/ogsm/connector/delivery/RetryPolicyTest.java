package io.ogsm.connector.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private static final Duration INITIAL = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(8);
    private static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(30);

    private static RetryPolicy policy(DoubleSupplier random) {
        return new RetryPolicy(5, INITIAL, MAX, RETRY_AFTER_CAP, random);
    }

    @ParameterizedTest(name = "after {0} attempt(s) the step is {1} ms")
    @CsvSource({
            "0,   1000",
            "1,   1000",
            "2,   2000",
            "3,   4000",
            "4,   8000",
            "5,   8000",
            "10,  8000",
            "100, 8000",
    })
    void doublesTheBackoffFromInitialUpToMax(int attemptsMade, long stepMillis) {
        Duration lowest = policy(() -> 0.0).delay(attemptsMade, Optional.empty());
        Duration highest = policy(() -> 0.999).delay(attemptsMade, Optional.empty());

        assertEquals(Duration.ofMillis(stepMillis / 2), lowest);
        assertEquals(Duration.ofMillis(stepMillis / 2 + (long) (0.999 * (stepMillis - stepMillis / 2))), highest);
    }

    @ParameterizedTest(name = "random {1} after {0} attempt(s) stays within the upper half of the step")
    @CsvSource({
            "1, 0.0", "1, 0.25", "1, 0.5", "1, 0.75", "1, 0.999999",
            "3, 0.0", "3, 0.25", "3, 0.5", "3, 0.75", "3, 0.999999",
            "7, 0.0", "7, 0.25", "7, 0.5", "7, 0.75", "7, 0.999999",
    })
    void keepsTheJitterWithinTheUpperHalfOfTheStep(int attemptsMade, double random) {
        long step = Math.min(MAX.toMillis(), INITIAL.toMillis() << (attemptsMade - 1));

        long delay = policy(() -> random).delay(attemptsMade, Optional.empty()).toMillis();

        assertTrue(delay >= step / 2 && delay <= step, () -> delay + " ms is outside [" + step / 2 + ", " + step + "]");
    }

    @Test
    void honoursARetryAfterLongerThanTheBackoff() {
        Duration delay = policy(() -> 0.999).delay(1, Optional.of(Duration.ofSeconds(5)));

        assertEquals(Duration.ofSeconds(5), delay);
    }

    @Test
    void capsARetryAfterAtTheRetryAfterCap() {
        Duration delay = policy(() -> 0.0).delay(1, Optional.of(Duration.ofHours(2)));

        assertEquals(RETRY_AFTER_CAP, delay);
    }

    @Test
    void keepsTheBackoffWhenRetryAfterIsShorter() {
        Duration delay = policy(() -> 0.0).delay(4, Optional.of(Duration.ofSeconds(1)));

        assertEquals(Duration.ofSeconds(4), delay);
    }

    @Test
    void treatsAZeroRetryAfterAsNoWaitBeyondTheBackoff() {
        Duration delay = policy(() -> 0.0).delay(2, Optional.of(Duration.ZERO));

        assertEquals(Duration.ofSeconds(1), delay);
    }

    @Test
    void ignoresRetryAfterWhenTheCapIsZero() {
        RetryPolicy noRetryAfter = new RetryPolicy(5, INITIAL, MAX, Duration.ZERO, () -> 0.0);

        assertEquals(Duration.ofMillis(500), noRetryAfter.delay(1, Optional.of(Duration.ofMinutes(1))));
    }

    @ParameterizedTest(name = "with max {0} attempts, {1} made: may retry = {2}")
    @CsvSource({
            "3, 0, true",
            "3, 1, true",
            "3, 2, true",
            "3, 3, false",
            "3, 4, false",
            "1, 1, false",
    })
    void mayRetryOnlyWhileAttemptsRemain(int maxAttempts, int attemptsMade, boolean mayRetry) {
        RetryPolicy retryPolicy = new RetryPolicy(maxAttempts, INITIAL, MAX, RETRY_AFTER_CAP, () -> 0.0);

        assertEquals(mayRetry, retryPolicy.mayRetry(attemptsMade));
    }
}
