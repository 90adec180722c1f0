package io.ogsm.connector.pipeline;

import io.ogsm.connector.http.HttpStatusException;
import io.ogsm.connector.measurement.UnresolvedTitleException;
import io.ogsm.connector.ogsm.CredentialsPolicy;
import io.ogsm.connector.ogsm.OgsmMalformedResponseException;
import io.ogsm.connector.ogsm.OgsmTransportException;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The one place that decides what a failure means: whether a delivery is retried, and whether the OGSM API or an ERP
 * refuses our credentials (the access checks ask it too). In short:
 * <pre>
 * 2xx                                        done
 * 400, 404, 409, 422 (and other 4xx)         no retry; dead letter (404: not_found, else validation)
 * 401, 403                                   no retry; dead letter "auth"
 * 408, 429, 5xx                              retry, honouring Retry-After; then "retries_exhausted"
 * no answer, connection never made           retry
 * no answer after the request was sent       retry, but first look the measurement up (it may be stored)
 * unknown / ambiguous title                  no retry; not_found / validation
 * anything unexpected                        retry (it may pass), then "retries_exhausted"
 * </pre>
 */
public final class FailureClassifier implements CredentialsPolicy {

    private final Clock clock;

    public FailureClassifier(Clock clock) {
        this.clock = clock;
    }

    public Decision classify(Throwable failure) {
        if (failure instanceof DeliveryFailure df) {
            return df.decision();
        }
        if (failure instanceof HttpStatusException http) {
            return forStatus(http.status(), http.retryAfter().flatMap(value -> RetryAfter.parse(value, clock)));
        }
        if (failure instanceof OgsmTransportException transport) {
            return transport.maybeSent() ? Decision.ambiguous() : Decision.retry(0, Optional.empty());
        }
        if (failure instanceof OgsmMalformedResponseException malformed) {
            // the API said 2xx, then sent garbage: it may well have stored the measurement
            return Decision.ambiguous();
        }
        if (failure instanceof UnresolvedTitleException title) {
            return Decision.permanent(title.contradictory() ? FailureReason.VALIDATION : FailureReason.NOT_FOUND, 0);
        }
        return Decision.retry(0, Optional.empty());
    }

    /** 401 or 403 from the OGSM API or an ERP: the credentials are refused, and retrying cannot help. */
    @Override
    public boolean refusesCredentials(Throwable failure) {
        return classify(failure).reason() == FailureReason.AUTH;
    }

    static Decision forStatus(int status, Optional<Duration> retryAfter) {
        if (status == 401 || status == 403) {
            return Decision.permanent(FailureReason.AUTH, status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Decision.retry(status, retryAfter);
        }
        if (status == 404) {
            return Decision.permanent(FailureReason.NOT_FOUND, status);
        }
        return Decision.permanent(FailureReason.VALIDATION, status);
    }
}
