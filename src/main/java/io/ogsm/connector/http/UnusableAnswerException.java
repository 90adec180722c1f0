package io.ogsm.connector.http;

import java.io.IOException;

/** A 2xx answer whose body cannot be used: it has none, or it is larger than the configured limit. */
public class UnusableAnswerException extends IOException {

    public UnusableAnswerException(String message) {
        super(message);
    }
}
