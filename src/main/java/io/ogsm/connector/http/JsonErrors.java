package io.ogsm.connector.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one shape of an error answer of the connector's own APIs: {@code {"status": 415, "error": "…"}}, from the
 * endpoints, from {@link EdgeGuard}, and for what JAX-RS refuses before an endpoint runs (a content type other than
 * JSON, an unknown path or method), which would otherwise answer with an empty body.
 */
public class JsonErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The error body. */
    public static String body(int status, String message) {
        return JSON.createObjectNode().put("status", status).put("error", message).toString();
    }

    public static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body(status, message)).build();
    }

    /** Ends a request answered before any endpoint. */
    public static void end(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .end(body(status, message));
    }

    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message;
        if (e instanceof NotSupportedException) {
            message = "send the body as application/json (Content-Type: application/json)";
        } else if (e instanceof NotFoundException) {
            message = "no such resource";
        } else if (e instanceof NotAllowedException) {
            message = "method not allowed here; allowed: " + String.join(", ", e.getResponse().getAllowedMethods());
        } else {
            message = e.getResponse().getStatusInfo().getReasonPhrase();
        }
        return response(status, message);
    }
}
