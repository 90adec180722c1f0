package io.ogsm.connector.http;

import io.ogsm.connector.config.OgsmConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * HTTP Basic for the connector's own API: {@code /api/deadletters} and the operator page ({@code /ops},
 * {@code /api/ops}) need {@code ogsm.admin.*} (and answers 401 to
 * everyone while they are unset); {@code /api/measurements} needs {@code ogsm.push.*} when they are set.
 * Written here rather than with a Quarkus security extension because the two credential pairs come from the typed
 * {@code ogsm.*} configuration and nothing else needs users or roles. The check is {@link BasicAuth}'s.
 */
public class AdminAuthFilter {

    private final Optional<BasicAuth> admin;
    private final Optional<BasicAuth> push;

    public AdminAuthFilter(OgsmConfig config) {
        this.admin = credentials(config.admin().username(), config.admin().password());
        this.push = credentials(config.push().username(), config.push().password());
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/deadletters") || path.startsWith("/api/ops") || path.equals("/ops")
                || path.startsWith("/ops/")) {
            return check(request, admin, true, "ogsm admin API");
        }
        if (path.startsWith("/api/measurements")) {
            return check(request, push, false, "ogsm push API");
        }
        return Optional.empty();
    }

    private static Optional<BasicAuth> credentials(Optional<String> user, Optional<String> password) {
        return user.isPresent() && password.isPresent() ? Optional.of(new BasicAuth(user.get(), password.get()))
                : Optional.empty();
    }

    private static Optional<Response> check(ContainerRequestContext request, Optional<BasicAuth> credentials,
            boolean required, String realm) {
        if (credentials.isEmpty()) {
            return required ? Optional.of(unauthorized(realm, "no credentials are configured for this API"))
                    : Optional.empty();
        }
        String given = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (credentials.get().accepts(given)) {
            return Optional.empty();
        }
        return Optional.of(unauthorized(realm, given == null ? "authentication required" : "invalid credentials"));
    }

    /** The messages are fixed texts, so the JSON is written as text. */
    private static Response unauthorized(String realm, String message) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"")
                .type(MediaType.APPLICATION_JSON)
                .entity("{\"status\":401,\"error\":\"" + message + "\"}")
                .build();
    }
}
