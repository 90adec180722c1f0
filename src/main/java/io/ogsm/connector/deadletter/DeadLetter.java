package io.ogsm.connector.deadletter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.ogsm.connector.pipeline.FailureReason;
import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.measurement.Measurement;

import java.time.Instant;
import java.util.Map;

/**
 * One measurement that could not be delivered (or one dropped file's rows that are no measurement), as a JSON
 * document in {@code <data-dir>/deadletter/<id>.json}.
 * Holds what a person needs to fix and replay it, and never the API's credentials (no request headers are kept).
 *
 * @param id              file name without {@code .json}: the idempotency key, or a hash of the input when the
 *                        input never became a measurement
 * @param key             the idempotency key, if the measurement got that far
 * @param reason          validation, not_found, auth, retries_exhausted or mapping
 * @param message         what went wrong, in one line
 * @param source          where it came from: {@code kind} (push, csv, kafka, erp, replay) and its reference
 *                        (file and line, topic/partition/offset, ...)
 * @param measurement     the measurement, when the input could be read as one
 * @param input           the raw input, when it could not (cut to a bounded size)
 * @param request         the request sent: method, path and body
 * @param responseStatus  the API's HTTP status; absent when there was no answer (then {@code exception} says why)
 * @param responseBody    the API's answer (cut to a bounded size)
 * @param exception       the failure's class and message, when there was no answer
 * @param attempts        delivery attempts made
 * @param firstAttemptAt  when delivery started
 * @param deadLetteredAt  when it was given up
 * @param rows            a file's dead letter: how many of its rows are no measurement
 * @param rejectsFile     a file's dead letter: where those rows are, with why, to fix and drop again
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
        String id,
        String key,
        FailureReason reason,
        String message,
        SourceRef source,
        Measurement measurement,
        String input,
        JsonNode request,
        Integer responseStatus,
        String responseBody,
        Map<String, String> exception,
        int attempts,
        Instant firstAttemptAt,
        Instant deadLetteredAt,
        Long rows,
        String rejectsFile) {

    /** A dead letter of one measurement or input (not of a file's rows). */
    public DeadLetter(String id, String key, FailureReason reason, String message, SourceRef source,
            Measurement measurement, String input, JsonNode request, Integer responseStatus, String responseBody,
            Map<String, String> exception, int attempts, Instant firstAttemptAt, Instant deadLetteredAt) {
        this(id, key, reason, message, source, measurement, input, request, responseStatus, responseBody, exception,
                attempts, firstAttemptAt, deadLetteredAt, null, null);
    }
}
