package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;

/**
 * The OGSM API answered 2xx, but the body was not the JSON expected, or was larger than
 * {@code ogsm.api.max-response-size}. For a POST this means the measurement was stored though its answer is unusable.
 */
public class OgsmMalformedResponseException extends RuntimeException {

    private final int status;

    public OgsmMalformedResponseException(String method, String path, int status, Exception cause) {
        super(method + " " + path + " answered HTTP " + status + " with an unreadable body: "
                + (cause instanceof IOException && !(cause instanceof JsonProcessingException)
                        ? cause.getMessage() : cause.getClass().getSimpleName()), cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
