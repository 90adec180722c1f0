package io.ogsm.connector.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** How the sandbox reads a request's body and answers: JSON, with the API's error shape. */
final class SandboxReplies {

    private SandboxReplies() {
    }

    static byte[] bodyBytes(RoutingContext ctx) {
        Buffer raw = ctx.body().buffer();
        return raw == null ? new byte[0] : raw.getBytes();
    }

    static void json(RoutingContext ctx, int status, JsonNode body) {
        try {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .end(Buffer.buffer(OgsmJson.mapper().writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    static void error(RoutingContext ctx, SandboxError error) {
        json(ctx, error.status(), error.toJson());
    }
}
