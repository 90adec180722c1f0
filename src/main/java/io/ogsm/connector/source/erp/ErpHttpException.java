package io.ogsm.connector.source.erp;

/** An ERP answered with a status other than 2xx. The body is not kept: it may echo what we sent. */
public class ErpHttpException extends RuntimeException {

    private final int status;

    public ErpHttpException(String source, int status) {
        super("source '" + source + "': the ERP answered HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 401 or 403: the ERP refuses this source's credentials. */
    public boolean credentialsRefused() {
        return status == 401 || status == 403;
    }
}
