package io.ogsm.connector.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ogsm.connector.sandbox.SandboxReplies.bodyBytes;
import static io.ogsm.connector.sandbox.SandboxReplies.error;
import static io.ogsm.connector.sandbox.SandboxReplies.json;

/**
 * The sandbox's control API under {@code /sandbox/_control/}: read and set faults, reset, generate entries, read the
 * stats, and patch or delete entries as a user of OGSM would.
 */
final class SandboxControl {

    private static final Logger LOG = Logger.getLogger(SandboxControl.class);

    private final Runnable onReset;
    private static final Pattern ENTRY_PATH = Pattern.compile("/sandbox/_control/([a-z_]+)/(\\d{1,18})");

    private final SandboxWorkspace workspace;
    private final FaultInjector faults;
    private final SandboxStats stats;

    SandboxControl(SandboxWorkspace workspace, FaultInjector faults, SandboxStats stats, Runnable onReset) {
        this.onReset = onReset;
        this.workspace = workspace;
        this.faults = faults;
        this.stats = stats;
    }

    void handle(RoutingContext ctx, String path) {
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
                stats.reset();
                onReset.run();
                json(ctx, 200, OgsmJson.mapper().createObjectNode().put("reset", true));
            } else if (path.equals("/sandbox/_control/generate") && method.equals(HttpMethod.POST)) {
                generate(ctx);
            } else if (path.equals("/sandbox/_control/stats") && method.equals(HttpMethod.GET)) {
                json(ctx, 200, stats.toJson());
            } else {
                entry(ctx, path, method);
            }
        } catch (IOException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            error(ctx, new SandboxError(400, "bad control request: " + reason, null));
        }
    }

    /** {@code POST /sandbox/_control/generate {"goals": 1000, ...}}: fills lists to a size. */
    private void generate(RoutingContext ctx) throws IOException {
        JsonNode request = OgsmJson.mapper().readTree(bodyBytes(ctx));
        ObjectNode sizes = OgsmJson.mapper().createObjectNode();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) request::fields) {
            OgsmResource resource = OgsmResource.byApiName(field.getKey()).orElseThrow(
                    () -> new IllegalArgumentException("no list " + field.getKey()));
            int count = field.getValue().asInt();
            if (count < 0 || count > 1_000_000) {
                throw new IllegalArgumentException("generate 0 to 1000000 entries, not " + count);
            }
            sizes.put(field.getKey(), workspace.generate(resource, count));
        }
        json(ctx, 200, sizes);
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
}
