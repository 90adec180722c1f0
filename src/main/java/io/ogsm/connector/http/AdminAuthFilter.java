package io.ogsm.connector.http;

import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.ogsm.OgsmJson;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic for the connector's own API: {@code /api/deadletters} and the operator page ({@code /ops},
 * {@code /api/ops}) need {@code ogsm.admin.*} (and answers 401 to
 * everyone while they are unset); {@code /api/measurements} needs {@code ogsm.push.*} when they are set.
 * Written here rather than with a Quarkus security extension because the two credential pairs come from the typed
 * {@code ogsm.*} configuration and nothing else needs users or roles. Comparisons take constant time.
 */
public class AdminAuthFilter {

    private final OgsmConfig config;

    public AdminAuthFilter(OgsmConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/deadletters") || path.startsWith("/api/ops") || path.equals("/ops")
                || path.startsWith("/ops/")) {
            return check(request, config.admin().username(), config.admin().password(), true, "ogsm admin API");
        }
        if (path.startsWith("/api/measurements")) {
            return check(request, config.push().username(), config.push().password(), false, "ogsm push API");
        }
        return Optional.empty();
    }

    private static Optional<Response> check(ContainerRequestContext request, Optional<String> user,
            Optional<String> password, boolean required, String realm) {
        if (user.isEmpty() || password.isEmpty()) {
            return required ? Optional.of(unauthorized(realm, "no credentials are configured for this API"))
                    : Optional.empty();
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (user.get() + ":" + password.get()).getBytes(StandardCharsets.UTF_8));
        String given = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.trim().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(unauthorized(realm, given == null ? "authentication required" : "invalid credentials"));
    }

    private static Response unauthorized(String realm, String message) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(OgsmJson.mapper().createObjectNode().put("status", 401).put("error", message).toString())
                .build();
    }
}
