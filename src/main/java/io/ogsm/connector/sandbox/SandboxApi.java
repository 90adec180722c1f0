package io.ogsm.connector.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ogsm.connector.sandbox.SandboxReplies.error;
import static io.ogsm.connector.sandbox.SandboxReplies.json;

/** The API of the sandbox: the seven lists and the two creates, strict like the real server, with faults drawn. */
final class SandboxApi {

    private static final Pattern API_PATH = Pattern.compile("/sandbox/api/v2/([a-z_]+)\\.json");

    private final SandboxWorkspace workspace;
    private final FaultInjector faults;
    private final SandboxStats stats;

    SandboxApi(SandboxWorkspace workspace, FaultInjector faults, SandboxStats stats) {
        this.workspace = workspace;
        this.faults = faults;
        this.stats = stats;
    }

    void handle(RoutingContext ctx, String path) {
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
        byte[] bytes = SandboxReplies.bodyBytes(ctx);
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
        stats.created();
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
        stats.faulted();
        return fault;
    }
}
