package io.ogsm.connector.sandbox;

import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.ogsm.OgsmSetup;
import io.ogsm.connector.http.BasicAuth;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Event;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The OGSM API simulator, served at {@code /sandbox} on the service's own HTTP port: the API ({@link SandboxApi}),
 * with run-time fault injection, and the control endpoints under {@code /sandbox/_control/} ({@link SandboxControl},
 * same credentials). Here: the credentials check, the added latency, and which of the two answers.
 */
@ApplicationScoped
public class Sandbox {

    private static final Logger LOG = Logger.getLogger(Sandbox.class);
    private static final String CONTROL = "/sandbox/_control/";

    private final OgsmConfig config;
    private final OgsmSetup setup;
    private final SandboxWorkspace workspace = SandboxWorkspace.demo();
    private final FaultInjector faults;
    private final BasicAuth credentials;
    private final SandboxStats stats = new SandboxStats();
    private final SandboxApi api;
    private final SandboxControl control;

    /** Fired after {@code POST /sandbox/_control/reset}: what remembers the sandbox's workspace forgets it too. */
    public record Reset() {
    }

    public Sandbox(OgsmConfig config, OgsmSetup setup, Event<Reset> resets) {
        this.config = config;
        this.setup = setup;
        this.faults = new FaultInjector(FaultSettings.from(config.sandbox().faults()));
        this.credentials = new BasicAuth(config.sandbox().username(), config.sandbox().password());
        this.api = new SandboxApi(workspace, faults, stats);
        this.control = new SandboxControl(workspace, faults, stats, () -> resets.fire(new Reset()));
    }

    public SandboxWorkspace workspace() {
        return workspace;
    }

    public FaultInjector faults() {
        return faults;
    }

    void route(@Observes Router router) {
        if (!setup.sandboxEnabled()) {
            return;
        }
        router.route("/sandbox/*")
                .handler(BodyHandler.create(false).setBodyLimit(config.sandbox().maxBodySize().asLongValue()))
                .handler(this::authenticate)
                .handler(this::delay)
                .handler(this::dispatch);
        // the start-up summary says it too; at INFO it would stand above a start that fails at once (a port in use)
        LOG.debugf("OGSM sandbox served at /sandbox (user '%s')", config.sandbox().username());
    }

    private void authenticate(RoutingContext ctx) {
        String given = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (!credentials.accepts(given)) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"OGSM API\"");
            SandboxReplies.error(ctx, new SandboxError(401,
                    given == null ? "authentication required" : "invalid credentials", null));
            return;
        }
        ctx.next();
    }

    /** API requests (not control ones) are counted while answered, and wait the configured latency first. */
    private void delay(RoutingContext ctx) {
        if (ctx.normalizedPath().startsWith(CONTROL)) {
            ctx.next();
            return;
        }
        stats.answering(ctx);
        long latency = faults.settings().latencyMillis();
        if (latency > 0) {
            ctx.vertx().setTimer(latency, id -> ctx.next());
        } else {
            ctx.next();
        }
    }

    private void dispatch(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        stats.served();
        if (path.startsWith(CONTROL)) {
            control.handle(ctx, path);
        } else {
            api.handle(ctx, path);
        }
    }
}
