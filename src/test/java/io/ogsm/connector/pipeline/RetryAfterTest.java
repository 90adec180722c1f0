package io.ogsm.connector.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "''{0}'' reads as {1}s")
    @CsvSource(delimiter = '|', value = {
            "0         | 0",
            "5         | 5",
            "'  7  '   | 7",
            "120       | 120",
            "999999999 | 999999999",
    })
    void readsWholeSeconds(String value, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), RetryAfter.parse(value, CLOCK));
    }

    @ParameterizedTest(name = "''{0}'' reads as {1}s from now")
    @CsvSource(delimiter = '|', value = {
            "Wed, 01 Jan 2025 00:00:30 GMT | 30",
            "Wed, 01 Jan 2025 01:00:00 GMT | 3600",
            "Thu, 2 Jan 2025 00:00:00 GMT  | 86400",
            "Wed, 01 Jan 2025 00:00:00 GMT | 0",
    })
    void readsAFutureHttpDateAsTheWaitUntilThen(String value, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), RetryAfter.parse(value, CLOCK));
    }

    @ParameterizedTest(name = "''{0}'' is in the past: no wait")
    @ValueSource(strings = {"Tue, 31 Dec 2024 23:59:59 GMT", "Sun, 06 Nov 1994 08:49:37 GMT"})
    void readsAPastHttpDateAsZero(String value) {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(value, CLOCK));
    }

    @ParameterizedTest(name = "''{0}'' is not a Retry-After")
    @ValueSource(strings = {"soon", "-5", "1.5", "5s", "1e3", "10000000000", "2025-01-01T00:00:30Z",
            "Wed, 32 Jan 2025 00:00:00 GMT", "   "})
    void readsGarbageAsNothing(String value) {
        assertEquals(Optional.empty(), RetryAfter.parse(value, CLOCK));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void readsAMissingHeaderAsNothing(String value) {
        assertEquals(Optional.empty(), RetryAfter.parse(value, CLOCK));
    }

    @Test
    void measuresAnHttpDateAgainstTheGivenClock() {
        Clock later = Clock.offset(CLOCK, Duration.ofSeconds(10));

        assertEquals(Optional.of(Duration.ofSeconds(20)), RetryAfter.parse("Wed, 01 Jan 2025 00:00:30 GMT", later));
    }
}
