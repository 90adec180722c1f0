package io.ogsm.connector.ogsm;

import java.io.IOException;

/**
 * No HTTP answer from the OGSM API: the connection could not be made, timed out, or was dropped. {@link #maybeSent()}
 * tells whether the request may have reached the server (a read timeout or a connection dropped after sending), in
 * which case a POST is ambiguous: it may have been stored.
 */
public class OgsmTransportException extends RuntimeException {

    private final String method;
    private final String path;
    private final boolean maybeSent;

    public OgsmTransportException(String method, String path, IOException cause, boolean maybeSent) {
        super(method + " " + path + " failed without an answer: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.method = method;
        this.path = path;
        this.maybeSent = maybeSent;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public boolean maybeSent() {
        return maybeSent;
    }
}
