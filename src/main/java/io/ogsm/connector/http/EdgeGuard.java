package io.ogsm.connector.http;

import io.ogsm.connector.config.OgsmConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what, decided for every request before any endpoint sees it (a Vert.x filter, so {@code /q/*} is
 * covered too): the admin API and {@code /ops} need {@code ogsm.admin.*} (401 to everyone while they are unset); the
 * push API needs {@code ogsm.push.*}, required with a real workspace unless {@code ogsm.push.anonymous=true}; with
 * {@code ogsm.admin.protect-metrics=true}, {@code /q/metrics} needs the admin credentials and health answers without
 * them only its status. A state-changing admin call is refused when it comes from another site ({@code Origin},
 * {@code Sec-Fetch-Site}) or lacks the header {@value #REQUESTED_BY}, which a cross-site form cannot send.
 * <p>
 * Written here rather than with a Quarkus security extension because the two credential pairs come from the typed
 * {@code ogsm.*} configuration and nothing else needs users or roles. The check itself is {@link BasicAuth}'s.
 */
@ApplicationScoped
public class EdgeGuard {

    private static final Logger LOG = Logger.getLogger(EdgeGuard.class);

    /** The header every state-changing admin call must carry (any value); the operator page sends it. */
    public static final String REQUESTED_BY = "X-Requested-By";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String ADMIN_KEYS = "set ogsm.admin.username and ogsm.admin.password (OGSM_ADMIN_USERNAME, "
            + "OGSM_ADMIN_PASSWORD)";

    private final Optional<BasicAuth> admin;
    private final Optional<BasicAuth> push;
    private final boolean pushRequired;
    private final boolean protectMetrics;
    private final long maxBody;
    private final Instance<SmallRyeHealthReporter> health;

    public EdgeGuard(OgsmConfig config, Instance<SmallRyeHealthReporter> health) {
        this.admin = credentials(config.admin().username(), config.admin().password());
        this.push = credentials(config.push().username(), config.push().password());
        this.pushRequired = config.api().baseUrl().isPresent() && !config.push().anonymous();
        this.protectMetrics = config.admin().protectMetrics();
        this.maxBody = config.push().maxBodySize().asLongValue();
        this.health = health;
        if (config.push().anonymous()) {
            LOG.warn("ogsm.push.anonymous=true: anyone who reaches the port may push measurements into the workspace");
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::guard, 100);
    }

    void guard(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/api/deadletters") || path.startsWith("/api/ops") || path.startsWith("/api/intake")
                || path.equals("/ops")
                || path.startsWith("/ops/")) {
            if (!allowed(ctx, admin, true, "ogsm admin API", ADMIN_KEYS)) {
                return;
            }
            Optional<String> crossSite = SAFE.contains(ctx.request().method()) ? Optional.empty() : crossSite(ctx);
            if (crossSite.isPresent()) {
                JsonErrors.end(ctx, 403, crossSite.get());
                return;
            }
        } else if (path.startsWith("/api/measurements")) {
            if (!allowed(ctx, push, pushRequired, "ogsm push API", "set ogsm.push.username and ogsm.push.password "
                    + "(OGSM_PUSH_USERNAME, OGSM_PUSH_PASSWORD), or ogsm.push.anonymous=true to take anyone")) {
                return;
            }
            if (tooLarge(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH))) {
                // refused before a byte of the body is read; quarkus.http.limits.max-body-size stops a chunked one
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                JsonErrors.end(ctx, 413, "the body is larger than ogsm.push.max-body-size (" + maxBody + " bytes)");
                return;
            }
        } else if (protectMetrics && path.startsWith("/q/metrics")) {
            if (!allowed(ctx, admin, true, "ogsm admin API", ADMIN_KEYS)) {
                return;
            }
        } else if (protectMetrics && path.startsWith("/q/health") && !admin.map(a -> a.accepts(authorization(ctx)))
                .orElse(false)) {
            statusOnly(ctx, path);
            return;
        }
        ctx.next();
    }

    private boolean tooLarge(String contentLength) {
        try {
            return contentLength != null && Long.parseLong(contentLength.trim()) > maxBody;
        } catch (NumberFormatException notANumber) {
            return false; // Vert.x answers 400 to a malformed Content-Length
        }
    }

    /** Why a state-changing call is refused as cross-site, or empty. */
    static Optional<String> crossSite(String secFetchSite, String origin, String host, String requestedBy) {
        if (secFetchSite != null && !Set.of("same-origin", "none").contains(secFetchSite.toLowerCase(Locale.ROOT))) {
            return Optional.of("a cross-site request (Sec-Fetch-Site: " + secFetchSite + ") may not change anything");
        }
        if (origin != null && !sameHost(origin, host)) {
            return Optional.of("a request from another origin may not change anything");
        }
        if (requestedBy == null || requestedBy.isBlank()) {
            return Optional.of("a call that changes something needs the header " + REQUESTED_BY
                    + " (any value, e.g. -H '" + REQUESTED_BY + ": curl')");
        }
        return Optional.empty();
    }

    private static Optional<String> crossSite(RoutingContext ctx) {
        var headers = ctx.request().headers();
        return crossSite(headers.get("Sec-Fetch-Site"), headers.get("Origin"), headers.get(HttpHeaders.HOST),
                headers.get(REQUESTED_BY));
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin.trim());
            String authority = uri.getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static boolean allowed(RoutingContext ctx, Optional<BasicAuth> credentials, boolean required,
            String realm, String keys) {
        if (credentials.isEmpty()) {
            if (required) {
                unauthorized(ctx, realm, "no credentials are configured for this API: " + keys);
                return false;
            }
            return true;
        }
        String given = authorization(ctx);
        if (credentials.get().accepts(given)) {
            return true;
        }
        unauthorized(ctx, realm, given == null ? "authentication required" : "invalid credentials");
        return false;
    }

    private static String authorization(RoutingContext ctx) {
        return ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    }

    private static void unauthorized(RoutingContext ctx, String realm, String message) {
        ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        JsonErrors.end(ctx, 401, message);
    }

    /** Health without the admin credentials: UP or DOWN and the status code, nothing that names the deployment. */
    private void statusOnly(RoutingContext ctx, String path) {
        SmallRyeHealthReporter reporter = health.get();
        Uni<SmallRyeHealth> report = path.startsWith("/q/health/ready") ? reporter.getReadinessAsync()
                : path.startsWith("/q/health/live") ? reporter.getLivenessAsync()
                : path.startsWith("/q/health/started") ? reporter.getStartupAsync() : reporter.getHealthAsync();
        report.subscribe().with(result -> {
            boolean down = result.isDown();
            ctx.response().setStatusCode(down ? 503 : 200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end("{\"status\":\"" + (down ? "DOWN" : "UP") + "\"}");
        }, failure -> JsonErrors.end(ctx, 503, "health could not be checked"));
    }

    private static Optional<BasicAuth> credentials(Optional<String> user, Optional<String> password) {
        return user.isPresent() && password.isPresent() ? Optional.of(new BasicAuth(user.get(), password.get()))
                : Optional.empty();
    }
}
