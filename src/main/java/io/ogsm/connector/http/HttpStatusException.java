package io.ogsm.connector.http;

import java.util.Optional;

/**
 * A server answered with a status outside 2xx: the status and the {@code Retry-After} header, for the one failure
 * policy ({@code pipeline.FailureClassifier}) to decide what follows. Each client has its own subclass.
 */
public abstract class HttpStatusException extends RuntimeException {

    private final int status;
    private final String retryAfter;

    protected HttpStatusException(String message, int status, String retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The raw {@code Retry-After} header (seconds or an HTTP date), if the server sent one. */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
