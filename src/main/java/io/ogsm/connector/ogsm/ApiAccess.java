package io.ogsm.connector.ogsm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the connector last learnt about its access to the OGSM API: fine, credentials refused, or unreachable.
 * Fed by the periodic check route ({@code routes/api-check.yaml}) and by every delivery; read by the readiness check.
 * Whether a failure means refused credentials is the failure policy's answer ({@link CredentialsPolicy}).
 */
@ApplicationScoped
@Named("apiAccess")
public class ApiAccess {

    private static final Logger LOG = Logger.getLogger(ApiAccess.class);

    public enum State { UNKNOWN, OK, CREDENTIALS_REFUSED, UNREACHABLE }

    public record Status(State state, String detail, Instant at) {
    }

    private final OgsmClient client;
    private final CredentialsPolicy policy;
    private final AtomicReference<Status> status =
            new AtomicReference<>(new Status(State.UNKNOWN, "not checked yet", Instant.now()));

    public ApiAccess(OgsmClient client, CredentialsPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    /** Lists the objectives once, to learn whether the API takes our credentials. */
    public void check() {
        try {
            client.objectives();
            accepted();
        } catch (OgsmApiException e) {
            if (policy.refusesCredentials(e)) {
                refused(e.status());
            } else {
                unreachable("HTTP " + e.status() + " on " + e.path());
            }
        } catch (OgsmTransportException | OgsmMalformedResponseException e) {
            unreachable(e.getMessage());
        }
    }

    public void accepted() {
        Status previous = status.getAndSet(new Status(State.OK, "credentials accepted", Instant.now()));
        if (previous.state() != State.OK) {
            LOG.infof("OGSM API at %s accepts the credentials", client.baseUrl());
        }
    }

    public void refused(int httpStatus) {
        Status previous = status.getAndSet(new Status(State.CREDENTIALS_REFUSED,
                "the API answered HTTP " + httpStatus + " to our credentials; check ogsm.api.username and "
                        + "ogsm.api.password", Instant.now()));
        if (previous.state() != State.CREDENTIALS_REFUSED) {
            LOG.errorf("OGSM API at %s refuses the credentials (HTTP %d): nothing can be delivered until "
                    + "ogsm.api.username/ogsm.api.password are fixed", client.baseUrl(), httpStatus);
        }
    }

    public void unreachable(String detail) {
        Status previous = status.getAndSet(new Status(State.UNREACHABLE, detail, Instant.now()));
        if (previous.state() != State.UNREACHABLE) {
            LOG.warnf("OGSM API at %s is not reachable: %s", client.baseUrl(), detail);
        }
    }

    public Status status() {
        return status.get();
    }
}
