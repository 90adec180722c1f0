package io.ogsm.connector.ogsm;

import java.util.Optional;

/**
 * The OGSM API answered with a status outside 2xx. Carries what a dead letter and the retry policy need: the status,
 * the (size-capped) response body and the {@code Retry-After} header. Never the request's credentials.
 */
public class OgsmApiException extends RuntimeException {

    private final String method;
    private final String path;
    private final int status;
    private final String responseBody;
    private final String retryAfter;

    public OgsmApiException(String method, String path, int status, String responseBody, String retryAfter) {
        super(method + " " + path + " answered HTTP " + status
                + (responseBody == null || responseBody.isEmpty() ? "" : ": " + responseBody));
        this.method = method;
        this.path = path;
        this.status = status;
        this.responseBody = responseBody;
        this.retryAfter = retryAfter;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public int status() {
        return status;
    }

    public String responseBody() {
        return responseBody;
    }

    /** The raw {@code Retry-After} header (seconds or an HTTP date), if the API sent one. */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
