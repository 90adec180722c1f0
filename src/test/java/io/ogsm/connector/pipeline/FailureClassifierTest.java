package io.ogsm.connector.pipeline;

import io.ogsm.connector.measurement.UnresolvedTitleException;
import io.ogsm.connector.ogsm.OgsmApiException;
import io.ogsm.connector.ogsm.OgsmMalformedResponseException;
import io.ogsm.connector.ogsm.OgsmTransportException;
import io.ogsm.connector.source.erp.ErpHttpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureClassifierTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final FailureClassifier classifier = new FailureClassifier(CLOCK);

    private static OgsmApiException api(int status, String retryAfter) {
        return new OgsmApiException("POST", "/api/v2/goals/11/goal_reports.json", status, "{\"error\":\"x\"}",
                retryAfter);
    }

    @ParameterizedTest(name = "HTTP {0} is not retried and dead-letters as {1}")
    @CsvSource({
            "400, VALIDATION",
            "404, NOT_FOUND",
            "405, VALIDATION",
            "409, VALIDATION",
            "413, VALIDATION",
            "415, VALIDATION",
            "422, VALIDATION",
            "401, AUTH",
            "403, AUTH",
    })
    void doesNotRetryClientErrors(int status, FailureReason reason) {
        Decision decision = classifier.classify(api(status, null));

        assertFalse(decision.retry());
        assertFalse(decision.verifyFirst());
        assertEquals(reason, decision.reason());
        assertEquals(status, decision.status());
        assertEquals(Optional.empty(), decision.retryAfter());
    }

    @ParameterizedTest(name = "HTTP {0} is retried, then dead-letters as retries_exhausted")
    @CsvSource({"408", "429", "500", "502", "503", "504"})
    void retriesTimeoutsThrottlingAndServerErrors(int status) {
        Decision decision = classifier.classify(api(status, null));

        assertTrue(decision.retry());
        assertFalse(decision.verifyFirst());
        assertEquals(FailureReason.RETRIES_EXHAUSTED, decision.reason());
        assertEquals(status, decision.status());
        assertEquals(Optional.empty(), decision.retryAfter());
    }

    @ParameterizedTest(name = "an ERP's HTTP {0}: retried {1}, reason {2}, credentials refused {3}")
    @CsvSource({
            "401, false, AUTH,              true",
            "403, false, AUTH,              true",
            "400, false, VALIDATION,        false",
            "404, false, NOT_FOUND,         false",
            "408, true,  RETRIES_EXHAUSTED, false",
            "429, true,  RETRIES_EXHAUSTED, false",
            "500, true,  RETRIES_EXHAUSTED, false",
            "503, true,  RETRIES_EXHAUSTED, false",
    })
    void decidesAnErpAnswerByTheSamePolicy(int status, boolean retry, FailureReason reason, boolean refused) {
        ErpHttpException erp = new ErpHttpException("ledger", status, null);
        Decision decision = classifier.classify(erp);

        assertEquals(retry, decision.retry());
        assertEquals(reason, decision.reason());
        assertEquals(status, decision.status());
        assertEquals(refused, classifier.refusesCredentials(erp));
    }

    @ParameterizedTest(name = "the OGSM API's HTTP {0}: credentials refused {1}")
    @CsvSource({"401, true", "403, true", "400, false", "404, false", "429, false", "503, false"})
    void refusedCredentialsAreTheApisAuthStatuses(int status, boolean refused) {
        assertEquals(refused, classifier.refusesCredentials(api(status, null)));
    }

    @Test
    void noAnswerIsNoRefusalOfTheCredentials() {
        assertFalse(classifier.refusesCredentials(
                new OgsmTransportException("GET", "/x", new ConnectException("Connection refused"), false)));
        assertFalse(classifier.refusesCredentials(new IOException("the answer is not JSON")));
    }

    @Test
    void honoursAnErpsRetryAfter() {
        Decision decision = classifier.classify(new ErpHttpException("ledger", 429, "5"));

        assertEquals(Optional.of(Duration.ofSeconds(5)), decision.retryAfter());
    }

    @ParameterizedTest(name = "HTTP {0} with Retry-After ''{1}'' waits {2}s")
    @CsvSource(delimiter = '|', value = {
            "429 | 5                             | 5",
            "503 | 120                           | 120",
            "429 | Wed, 01 Jan 2025 00:00:30 GMT | 30",
            "503 | Tue, 31 Dec 2024 23:59:00 GMT | 0",
    })
    void retriesServiceUnavailableHonouringRetryAfter(int status, String retryAfter, long seconds) {
        Decision decision = classifier.classify(api(status, retryAfter));

        assertTrue(decision.retry());
        assertEquals(FailureReason.RETRIES_EXHAUSTED, decision.reason());
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), decision.retryAfter());
    }

    @Test
    void retriesIgnoringAnUnreadableRetryAfter() {
        Decision decision = classifier.classify(api(429, "soon"));

        assertTrue(decision.retry());
        assertEquals(Optional.empty(), decision.retryAfter());
    }

    @Test
    void ignoresRetryAfterOnAPermanentFailure() {
        Decision decision = classifier.classify(api(422, "5"));

        assertFalse(decision.retry());
        assertEquals(Optional.empty(), decision.retryAfter());
    }

    @Test
    void retriesAfterVerifyingWhenTheRequestMayHaveBeenSent() {
        Decision decision = classifier.classify(
                new OgsmTransportException("POST", "/x", new SocketTimeoutException("Read timed out"), true));

        assertTrue(decision.retry());
        assertTrue(decision.verifyFirst());
        assertEquals(FailureReason.RETRIES_EXHAUSTED, decision.reason());
        assertEquals(0, decision.status());
    }

    @Test
    void retriesWithoutVerifyingWhenTheConnectionWasNeverMade() {
        Decision decision = classifier.classify(
                new OgsmTransportException("POST", "/x", new ConnectException("Connection refused"), false));

        assertTrue(decision.retry());
        assertFalse(decision.verifyFirst());
        assertEquals(FailureReason.RETRIES_EXHAUSTED, decision.reason());
        assertEquals(0, decision.status());
    }

    @Test
    void retriesAfterVerifyingWhenASuccessfulAnswerWasUnreadable() {
        Decision decision = classifier.classify(
                new OgsmMalformedResponseException("POST", "/x", 201, new IOException("truncated")));

        assertTrue(decision.retry());
        assertTrue(decision.verifyFirst());
        assertEquals(FailureReason.RETRIES_EXHAUSTED, decision.reason());
    }

    @ParameterizedTest(name = "an unresolved title (ambiguous={0}) dead-letters as {1} without retry")
    @CsvSource({"true, VALIDATION", "false, NOT_FOUND"})
    void doesNotRetryUnresolvedTitles(boolean ambiguous, FailureReason reason) {
        Decision decision = classifier.classify(new UnresolvedTitleException("title 'x'", ambiguous));

        assertFalse(decision.retry());
        assertFalse(decision.verifyFirst());
        assertEquals(reason, decision.reason());
        assertEquals(0, decision.status());
    }

    @Test
    void keepsTheDecisionADeliveryFailureAlreadyCarries() {
        Decision carried = Decision.permanent(FailureReason.AUTH, 401);

        Decision decision = classifier.classify(new DeliveryFailure("refused", carried, api(500, null)));

        assertSame(carried, decision);
    }

    @Test
    void retriesAnUnexpectedFailure() {
        Decision decision = classifier.classify(new IllegalStateException("surprise"));

        assertTrue(decision.retry());
        assertFalse(decision.verifyFirst());
        assertEquals(FailureReason.RETRIES_EXHAUSTED, decision.reason());
        assertEquals(0, decision.status());
        assertEquals(Optional.empty(), decision.retryAfter());
    }
}
