package io.ogsm.connector.source.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.http.JsonErrors;
import io.ogsm.connector.http.StrictJson;
import io.ogsm.connector.pipeline.Outcome;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementReader;
import io.ogsm.connector.measurement.Violation;
import io.ogsm.connector.ogsm.OgsmJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP push source. {@code POST /api/measurements} takes one measurement or an array; each valid one is queued
 * durably and answered with its key, each invalid one with its violations; 202 once the valid ones are on disk.
 * {@code GET /api/measurements/{key}} tells queued, delivered (with the OGSM id) or dead-lettered.
 */
@Path("/api/measurements")
public class MeasurementPushResource {

    private static final Logger LOG = Logger.getLogger(MeasurementPushResource.class);

    private final PushQueue queue;
    private final DeliveryLedger store;
    private final OgsmConfig config;

    public MeasurementPushResource(PushQueue queue, DeliveryLedger store, OgsmConfig config) {
        this.queue = queue;
        this.store = store;
        this.config = config;
    }

    /**
     * The body arrives whole, read without holding a thread (a method answering a {@link Uni} gets its body read on
     * the event loop; a blocking one would wait for a slow sender on a worker thread) and refused beyond
     * {@code ogsm.push.max-body-size} while it is read (application.properties, {@code http.EdgeGuard}). The work,
     * which writes the queue to disk, runs on a worker thread.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> push(byte[] body, @Context HttpServerRequest request) {
        if (request.getHeader("Content-Type") == null) {
            // JAX-RS takes a body without a type for any type; here it must say it is JSON
            return Uni.createFrom().item(error(415, "send the body as application/json (Content-Type: "
                    + "application/json)"));
        }
        String remote = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return Uni.createFrom().item(() -> accept(body, remote)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response accept(byte[] body, String remote) {
        JsonNode json;
        try {
            json = StrictJson.read(body);
        } catch (StrictJson.Refused e) {
            return error(400, e.getMessage());
        }
        List<JsonNode> items = new ArrayList<>();
        if (json != null && json.isArray()) {
            json.forEach(items::add);
        } else if (json != null && json.isObject()) {
            items.add(json);
        } else {
            return error(400, "send a measurement object or an array of them");
        }
        if (items.size() > config.push().maxItems()) {
            return error(413, items.size() + " measurements in one request; ogsm.push.max-items is "
                    + config.push().maxItems());
        }
        ArrayNode answers = OgsmJson.mapper().createArrayNode();
        int accepted = 0;
        Map<String, Measurement> toQueue = new LinkedHashMap<>(); // by key: a measurement sent twice is queued once
        for (int i = 0; i < items.size(); i++) {
            MeasurementReader.Result read = MeasurementReader.read(items.get(i));
            List<Violation> unknown = MeasurementReader.unknownFields(items.get(i));
            if (!unknown.isEmpty()) {
                List<Violation> all = new ArrayList<>(unknown);
                all.addAll(read.violations());
                read = new MeasurementReader.Result(null, all);
            }
            ObjectNode answer = answers.addObject().put("index", i);
            if (read.ok()) {
                String key = IdempotencyKey.ofSubmitted(read.measurement());
                toQueue.put(key, read.measurement());
                answer.put("key", key).put("status", "queued");
                accepted++;
            } else {
                answer.put("status", "rejected");
                ArrayNode errors = answer.putArray("errors");
                for (Violation v : read.violations()) {
                    errors.addObject().put("field", v.field()).put("value", v.value()).put("message", v.message());
                }
            }
        }
        if (!toQueue.isEmpty()) {
            queue.enqueue(toQueue, remote); // all on disk before the answer says queued
        }
        ObjectNode result = OgsmJson.mapper().createObjectNode();
        result.put("accepted", accepted).put("rejected", items.size() - accepted).set("items", answers);
        LOG.infof("Push from %s: %d measurement(s) queued, %d rejected", remote, accepted, items.size() - accepted);
        return Response.status(accepted > 0 ? 202 : 422).entity(result).build();
    }

    @GET
    @Path("/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("key") String key) {
        ObjectNode answer = OgsmJson.mapper().createObjectNode().put("key", key);
        Optional<DeliveryLedger.Tracking> tracked = store.tracking(key);
        if (tracked.isEmpty()) {
            return error(404, "no measurement with key " + (key.length() > 40 ? key.substring(0, 40) + "…" : key));
        }
        DeliveryLedger.Tracking t = tracked.get();
        answer.put("status", t.state());
        if (t.ogsmId() != null) {
            answer.put("ogsm_id", t.ogsmId());
        }
        if (t.reason() != null) {
            answer.put("reason", t.reason());
        }
        if (t.deadLetter() != null && t.state().equals(Outcome.DEAD_LETTERED.key())) {
            answer.put("dead_letter", t.deadLetter());
        }
        answer.put("accepted_at", (t.acceptedAt() != null ? t.acceptedAt() : t.at()).toString());
        answer.put("at", t.at().toString());
        return Response.ok(answer).build();
    }

    static Response error(int status, String message) {
        return JsonErrors.response(status, message);
    }
}
