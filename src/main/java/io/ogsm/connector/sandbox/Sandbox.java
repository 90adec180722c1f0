package io.ogsm.connector.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.ogsm.OgsmSetup;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OGSM API simulator, served at {@code /sandbox} on the service's own HTTP port: the seven lists and the two
 * creates of the API page, strict like the real server, with run-time fault injection. Control endpoints under
 * {@code /sandbox/_control/} (same credentials) change faults, reset the workspace, and patch or delete entries.
 */
@ApplicationScoped
public class Sandbox {

    private static final Logger LOG = Logger.getLogger(Sandbox.class);
    private static final Pattern API_PATH = Pattern.compile("/sandbox/api/v2/([a-z_]+)\\.json");
    private static final Pattern ENTRY_PATH = Pattern.compile("/sandbox/_control/([a-z_]+)/(\\d{1,18})");

    private final OgsmConfig config;
    private final OgsmSetup setup;
    private final SandboxWorkspace workspace = SandboxWorkspace.demo();
    private final FaultInjector faults;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong faulted = new AtomicLong();
    /** API requests being answered now, and the most at once since the last reset (to check a client's bound). */
    private final java.util.concurrent.atomic.AtomicInteger concurrent = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxConcurrent = new java.util.concurrent.atomic.AtomicInteger();

    public Sandbox(OgsmConfig config, OgsmSetup setup) {
        this.config = config;
        this.setup = setup;
        this.faults = new FaultInjector(FaultSettings.from(config.sandbox().faults()));
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
        LOG.infof("OGSM sandbox served at /sandbox (user '%s')", config.sandbox().username());
    }

    private void authenticate(RoutingContext ctx) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (config.sandbox().username() + ":" + config.sandbox().password()).getBytes(StandardCharsets.UTF_8));
        String given = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.trim().getBytes(StandardCharsets.UTF_8))) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"OGSM API\"");
            error(ctx, new SandboxError(401, given == null ? "authentication required" : "invalid credentials", null));
            return;
        }
        ctx.next();
    }

    private void delay(RoutingContext ctx) {
        if (!ctx.normalizedPath().startsWith("/sandbox/_control/")) {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            ctx.addEndHandler(done -> concurrent.decrementAndGet());
        }
        long latency = faults.settings().latencyMillis();
        if (latency > 0 && !ctx.normalizedPath().startsWith("/sandbox/_control/")) {
            ctx.vertx().setTimer(latency, id -> ctx.next());
        } else {
            ctx.next();
        }
    }

    private void dispatch(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        served.incrementAndGet();
        if (path.startsWith("/sandbox/_control/")) {
            control(ctx, path);
            return;
        }
        Matcher api = API_PATH.matcher(path);
        Optional<OgsmResource> resource = api.matches() ? OgsmResource.byApiName(api.group(1)) : Optional.empty();
        if (resource.isEmpty()) {
            error(ctx, new SandboxError(404, "no such resource: " + path, null));
            return;
        }
        HttpMethod method = ctx.request().method();
        if (method.equals(HttpMethod.GET)) {
            if (injectFault(ctx, "GET", path, null) != Fault.NONE) {
                return;
            }
            json(ctx, 200, workspace.list(resource.get()));
        } else if (method.equals(HttpMethod.POST) && resource.get().isMeasurement()) {
            create(ctx, resource.get(), path);
        } else {
            ctx.response().putHeader(HttpHeaders.ALLOW, resource.get().isMeasurement() ? "GET, POST" : "GET");
            error(ctx, new SandboxError(405, resource.get().apiName() + " does not allow " + method, null));
        }
    }

    private void create(RoutingContext ctx, OgsmResource resource, String path) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            error(ctx, new SandboxError(415, "Content-Type must be application/json", null));
            return;
        }
        Buffer raw = ctx.body().buffer();
        byte[] bytes = raw == null ? new byte[0] : raw.getBytes();
        Fault fault = injectFault(ctx, "POST", path, bytes);
        if (fault == Fault.SERVER_ERROR || fault == Fault.RATE_LIMIT) {
            return;
        }
        JsonNode body;
        try {
            body = OgsmJson.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            error(ctx, new SandboxError(400, "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr(), null));
            return;
        } catch (IOException e) {
            error(ctx, new SandboxError(400, "unreadable body", null));
            return;
        }
        MeasurementBodyCheck.Result checked = MeasurementBodyCheck.check(resource, body);
        if (!checked.ok()) {
            error(ctx, checked.error());
            return;
        }
        Optional<ObjectNode> stored = workspace.createMeasurement(resource, checked);
        if (stored.isEmpty()) {
            String parent = resource == OgsmResource.GOAL_MEASUREMENTS ? "goal" : "indicator";
            error(ctx, new SandboxError(404, parent + " " + checked.parentId() + " not found", null));
            return;
        }
        created.incrementAndGet();
        if (fault == Fault.DROP_AFTER_COMMIT) {
            ctx.request().connection().close();
            return;
        }
        json(ctx, 201, stored.get());
    }

    /** Answers the request with a fault, if one is drawn; a drop-after-commit is left to the caller. */
    private Fault injectFault(RoutingContext ctx, String method, String path, byte[] body) {
        Fault fault = faults.decide(method, path, body);
        switch (fault) {
            case SERVER_ERROR -> error(ctx, new SandboxError(503, "service unavailable (injected fault)", null));
            case RATE_LIMIT -> {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(faults.settings().retryAfterSeconds()));
                error(ctx, new SandboxError(429, "too many requests (injected fault)", null));
            }
            case DROP_AFTER_COMMIT -> {
                if (!"POST".equals(method)) {
                    ctx.request().connection().close();
                }
            }
            case NONE -> {
                return Fault.NONE;
            }
        }
        faulted.incrementAndGet();
        return fault;
    }

    private void control(RoutingContext ctx, String path) {
        HttpMethod method = ctx.request().method();
        try {
            if (path.equals("/sandbox/_control/faults") && method.equals(HttpMethod.GET)) {
                json(ctx, 200, OgsmJson.mapper().valueToTree(faults.settings()));
            } else if (path.equals("/sandbox/_control/faults") && method.equals(HttpMethod.PUT)) {
                FaultSettings settings = OgsmJson.mapper().readerFor(FaultSettings.class)
                        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(bodyBytes(ctx));
                faults.update(settings);
                LOG.infof("Sandbox faults set to %s", settings);
                json(ctx, 200, OgsmJson.mapper().valueToTree(settings));
            } else if (path.equals("/sandbox/_control/reset") && method.equals(HttpMethod.POST)) {
                workspace.reset();
                faults.reset();
                created.set(0);
                faulted.set(0);
                maxConcurrent.set(0);
                served.set(0);
                json(ctx, 200, OgsmJson.mapper().createObjectNode().put("reset", true));
            } else if (path.equals("/sandbox/_control/generate") && method.equals(HttpMethod.POST)) {
                JsonNode request = OgsmJson.mapper().readTree(bodyBytes(ctx));
                ObjectNode sizes = OgsmJson.mapper().createObjectNode();
                for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) request::fields) {
                    OgsmResource resource = OgsmResource.byApiName(field.getKey()).orElseThrow(
                            () -> new IllegalArgumentException("no list " + field.getKey()));
                    int count = field.getValue().asInt();
                    if (count < 0 || count > 1_000_000) {
                        throw new IllegalArgumentException("generate 0 to 1000000 entries, not " + count);
                    }
                    sizes.put(field.getKey(), workspace.generate(resource, count));
                }
                json(ctx, 200, sizes);
            } else if (path.equals("/sandbox/_control/stats") && method.equals(HttpMethod.GET)) {
                json(ctx, 200, OgsmJson.mapper().createObjectNode()
                        .put("requests", served.get())
                        .put("created", created.get())
                        .put("faults", faulted.get())
                        .put("max_concurrent_requests", maxConcurrent.get()));
            } else {
                entry(ctx, path, method);
            }
        } catch (IOException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            error(ctx, new SandboxError(400, "bad control request: " + reason, null));
        }
    }

    /** {@code PATCH} or {@code DELETE /sandbox/_control/<list>/<id>}: change the workspace as a user of OGSM would. */
    private void entry(RoutingContext ctx, String path, HttpMethod method) throws IOException {
        Matcher m = ENTRY_PATH.matcher(path);
        Optional<OgsmResource> resource = m.matches() ? OgsmResource.byApiName(m.group(1)) : Optional.empty();
        if (resource.isEmpty()) {
            error(ctx, new SandboxError(404, "no such control endpoint: " + path, null));
            return;
        }
        long id = Long.parseLong(m.group(2));
        if (method.equals(HttpMethod.DELETE)) {
            if (workspace.delete(resource.get(), id)) {
                ctx.response().setStatusCode(204).end();
            } else {
                error(ctx, new SandboxError(404, resource.get().apiName() + " " + id + " not found", null));
            }
        } else if (method.equals(HttpMethod.PATCH)) {
            JsonNode changes = OgsmJson.mapper().readTree(bodyBytes(ctx));
            if (changes == null || !changes.isObject()) {
                error(ctx, new SandboxError(400, "the body must be a JSON object of the fields to change", null));
                return;
            }
            workspace.patch(resource.get(), id, (ObjectNode) changes).ifPresentOrElse(
                    entry -> json(ctx, 200, entry),
                    () -> error(ctx, new SandboxError(404, resource.get().apiName() + " " + id + " not found", null)));
        } else {
            error(ctx, new SandboxError(405, method + " is not allowed on " + path, null));
        }
    }

    private static byte[] bodyBytes(RoutingContext ctx) {
        Buffer raw = ctx.body().buffer();
        return raw == null ? new byte[0] : raw.getBytes();
    }

    private static void json(RoutingContext ctx, int status, JsonNode body) {
        try {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .end(Buffer.buffer(OgsmJson.mapper().writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private static void error(RoutingContext ctx, SandboxError error) {
        json(ctx, error.status(), error.toJson());
    }
}
