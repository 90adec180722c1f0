package io.ogsm.connector.pipeline;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why a measurement became a dead letter; written lower-case in dead letters and metrics. */
public enum FailureReason {
    /** The measurement or the API's answer to it says the content is wrong (400, 409, 422, ambiguous title). */
    VALIDATION,
    /** The goal or KPI does not exist (404, unknown title). */
    NOT_FOUND,
    /** The API refused our credentials (401, 403). */
    AUTH,
    /** A failure worth retrying outlasted {@code ogsm.delivery.max-attempts}. */
    RETRIES_EXHAUSTED,
    /** A source record could not be turned into a measurement. */
    MAPPING;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
