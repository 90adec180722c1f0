package io.ogsm.connector.deadletter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.Outcome;
import io.ogsm.connector.pipeline.FailureReason;
import io.ogsm.connector.http.JsonErrors;
import io.ogsm.connector.measurement.TitleResolver;
import io.ogsm.connector.ogsm.OgsmJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The admin API of dead letters (behind {@code ogsm.admin.username}/{@code password}, see {@code http.EdgeGuard}):
 * list with filters, show one, replay one or all through the deliver route, discard one.
 */
@Path("/api/deadletters")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DeadLetterResource {

    static final int MAX_LIST = 1000;

    /** The route that replays one dead letter (routes/dead-letters.yaml). */
    static final String REPLAY = "direct:dead-letter-replay";

    /** Outcome of a replay: the route's outcome header, and why when it was not delivered. */
    public record Replay(String id, String outcome, String detail) {
    }

    private final DeadLetters deadLetters;
    private final ProducerTemplate producer;
    private final TitleResolver titles;

    public DeadLetterResource(DeadLetters deadLetters, ProducerTemplate producer, TitleResolver titles) {
        this.deadLetters = deadLetters;
        this.producer = producer;
        this.titles = titles;
    }

    @GET
    public Response list(@QueryParam("reason") String reason, @QueryParam("source") String source,
            @QueryParam("file") String file, @QueryParam("limit") @DefaultValue("100") String limit) {
        DeadLetterStore.Filter filter;
        int most;
        try {
            filter = filter(reason, source, file);
            most = limit(limit);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        return Response.ok(deadLetters.store().list(filter, most)).build();
    }

    /**
     * Discards in bulk the dead letters of a reason, a source kind and/or a file; with none of them only when
     * {@code all=true}, so that a bare DELETE discards nothing. Answers how many.
     */
    @DELETE
    public Response discardAll(@QueryParam("reason") String reason, @QueryParam("source") String source,
            @QueryParam("file") String file, @QueryParam("all") @DefaultValue("false") boolean all) {
        DeadLetterStore.Filter filter;
        try {
            filter = filter(reason, source, file);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        if (filter.isAll() && !all) {
            return error(400, "name the dead letters to discard: reason, source or file (or all=true for every one)");
        }
        int discarded = deadLetters.store().removeAll(filter);
        return Response.ok(OgsmJson.mapper().createObjectNode().put("discarded", discarded)).build();
    }

    private static DeadLetterStore.Filter filter(String reason, String source, String file) {
        return new DeadLetterStore.Filter(
                Optional.ofNullable(reason).filter(r -> !r.isBlank()).map(DeadLetterResource::reason),
                Optional.ofNullable(source).filter(s -> !s.isBlank()),
                Optional.ofNullable(file).filter(f -> !f.isBlank()));
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") String id) {
        return deadLetters.store().find(id).map(l -> Response.ok(l).build())
                .orElseGet(() -> error(404, "no dead letter " + shortId(id)));
    }

    @POST
    @Path("/{id}/replay")
    public Response replay(@PathParam("id") String id) {
        // a replay usually follows a fix in the workspace: titles are resolved against the lists as they are now
        titles.forget();
        return replayed(id).map(r -> Response.ok(r).build())
                .orElseGet(() -> error(404, "no dead letter " + shortId(id)));
    }

    /** Replays every dead letter (of one reason, if given), oldest last; answers each outcome. */
    @POST
    @Path("/replay")
    public Response replayAll(@QueryParam("reason") String reason) {
        Optional<FailureReason> byReason;
        try {
            byReason = Optional.ofNullable(reason).filter(r -> !r.isBlank()).map(DeadLetterResource::reason);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        titles.forget(); // once for the whole replay: the lists as they are now
        ArrayNode outcomes = OgsmJson.mapper().createArrayNode();
        for (DeadLetter letter : deadLetters.store().list(byReason, Optional.empty(), Integer.MAX_VALUE)) {
            replayed(letter.id()).ifPresent(r -> outcomes.add(OgsmJson.mapper().valueToTree(r)));
        }
        return Response.ok(OgsmJson.mapper().createObjectNode().put("replayed", outcomes.size())
                .set("outcomes", outcomes)).build();
    }

    @DELETE
    @Path("/{id}")
    public Response discard(@PathParam("id") String id) {
        return deadLetters.store().remove(id) ? Response.noContent().build()
                : error(404, "no dead letter " + shortId(id));
    }

    /** Sends the dead letter through the replay route; empty when there is no such dead letter. */
    private Optional<Replay> replayed(String id) {
        Exchange result = producer.send(REPLAY, exchange -> exchange.getIn().setBody(id));
        if (result.getException() != null) {
            return Optional.of(new Replay(id, "failed", result.getException().getMessage()));
        }
        String notReplayed = result.getMessage().getHeader(DeadLetters.NOT_REPLAYED, String.class);
        if (DeadLetters.NOT_FOUND.equals(notReplayed)) {
            return Optional.empty();
        }
        Outcome outcome = result.getMessage().getHeader(DeliveryHeaders.OUTCOME, Outcome.class);
        String detail = result.getMessage().getHeader(DeliveryHeaders.FAILURE_MESSAGE, String.class);
        if (notReplayed != null) {
            return Optional.of(new Replay(id, notReplayed, detail));
        }
        return Optional.of(new Replay(id, outcome.key(), outcome.stored() ? null : detail));
    }

    private static FailureReason reason(String text) {
        return Arrays.stream(FailureReason.values()).filter(r -> r.key().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("reason must be one of "
                        + Arrays.stream(FailureReason.values()).map(FailureReason::key).toList()));
    }

    /** {@code limit}: a whole number of at least 1; more than {@value #MAX_LIST} lists {@value #MAX_LIST}. */
    private static int limit(String text) {
        if (text.trim().matches("[0-9]{1,9}") && Integer.parseInt(text.trim()) >= 1) {
            return Math.min(Integer.parseInt(text.trim()), MAX_LIST);
        }
        throw new IllegalArgumentException("limit must be a whole number of at least 1 (at most " + MAX_LIST
                + " are listed)");
    }

    private static String shortId(String id) {
        return id.length() > 80 ? id.substring(0, 80) + "…" : id;
    }

    private static Response error(int status, String message) {
        return JsonErrors.response(status, message);
    }
}
