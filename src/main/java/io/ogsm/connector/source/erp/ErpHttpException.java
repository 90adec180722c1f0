package io.ogsm.connector.source.erp;

import io.ogsm.connector.http.HttpStatusException;

/**
 * An ERP answered with a status other than 2xx; what follows is {@code pipeline.FailureClassifier}'s to decide. The
 * body is not kept: it may echo what we sent.
 */
public class ErpHttpException extends HttpStatusException {

    public ErpHttpException(String source, int status, String retryAfter) {
        super("source '" + source + "': the ERP answered HTTP " + status, status, retryAfter);
    }
}
