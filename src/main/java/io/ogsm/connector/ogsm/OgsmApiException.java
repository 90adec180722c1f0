package io.ogsm.connector.ogsm;

import io.ogsm.connector.http.HttpStatusException;

/**
 * The OGSM API answered with a status outside 2xx. Carries what a dead letter and the retry policy need: the status,
 * the (size-capped) response body and the {@code Retry-After} header. Never the request's credentials.
 */
public class OgsmApiException extends HttpStatusException {

    private final String method;
    private final String path;
    private final String responseBody;

    public OgsmApiException(String method, String path, int status, String responseBody, String retryAfter) {
        super(method + " " + path + " answered HTTP " + status
                + (responseBody == null || responseBody.isEmpty() ? "" : ": " + responseBody), status, retryAfter);
        this.method = method;
        this.path = path;
        this.responseBody = responseBody;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String responseBody() {
        return responseBody;
    }
}
