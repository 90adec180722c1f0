package io.ogsm.connector.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.delivery.DeliveryMetrics;
import io.ogsm.connector.ogsm.ApiAccess;
import io.ogsm.connector.ogsm.OgsmJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.ogsm.connector.source.csv.CsvDropFolder;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * The operator page ({@code /ops}, behind the admin credentials) and the summary it shows: the OGSM API's state,
 * settled counts per source, recent deliveries, and the CSV inbox. Dead letters, with replay and discard, come from
 * the admin API ({@code /api/deadletters}).
 */
@Path("/")
@Blocking
public class OpsResource {

    static final int INBOX_LISTED = 20;
    static final int INBOX_SCANNED = 10_000;

    private final DeliveryMetrics metrics;
    private final ApiAccess access;
    private final OgsmConfig config;

    public OpsResource(DeliveryMetrics metrics, ApiAccess access, OgsmConfig config) {
        this.metrics = metrics;
        this.access = access;
        this.config = config;
    }

    @GET
    @Path("ops")
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return asset("index.html", "text/html; charset=utf-8");
    }

    /** The page's script and style, files of their own: the Content-Security-Policy allows no inline script. */
    @GET
    @Path("ops/ops.js")
    @Produces("text/javascript")
    public Response script() {
        return asset("ops.js", "text/javascript; charset=utf-8");
    }

    @GET
    @Path("ops/ops.css")
    @Produces("text/css")
    public Response style() {
        return asset("ops.css", "text/css; charset=utf-8");
    }

    private static Response asset(String name, String type) {
        try (InputStream in = OpsResource.class.getClassLoader().getResourceAsStream("ops/" + name)) {
            return Response.ok(in.readAllBytes()).type(type).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("api/ops/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode summary() {
        ObjectNode summary = OgsmJson.mapper().createObjectNode();
        ApiAccess.Status api = access.status();
        summary.putObject("api").put("state", api.state().name()).put("detail", api.detail())
                .put("since", api.at().toString());
        summary.set("counts", OgsmJson.mapper().valueToTree(metrics.counts()));
        summary.set("recent", OgsmJson.mapper().valueToTree(metrics.recent()));
        summary.set("inbox", inbox());
        return summary;
    }

    /** Files waiting in {@code <data-dir>/inbox} (not temporary files or locks): how many, the oldest few. */
    private ObjectNode inbox() {
        ObjectNode inbox = OgsmJson.mapper().createObjectNode();
        var folder = config.dataDir().resolve("inbox"); // Path is the JAX-RS annotation here
        ArrayNode files = inbox.putArray("files");
        if (!Files.isDirectory(folder)) {
            return inbox.put("count", 0);
        }
        try (var walk = Files.walk(folder, 3)) {
            var found = walk.filter(Files::isRegularFile)
                    .filter(p -> !CsvDropFolder.isTemporary(p.getFileName().toString())).limit(INBOX_SCANNED).map(p -> {
                try {
                    return Map.entry(p, Files.readAttributes(p, BasicFileAttributes.class));
                } catch (IOException e) {
                    return null;
                }
            }).filter(Objects::nonNull)
                    .sorted(Comparator.comparing(e -> e.getValue().lastModifiedTime()))
                    .toList();
            inbox.put("count", found.size());
            found.stream().limit(INBOX_LISTED).forEach(e -> files.addObject()
                    .put("name", folder.relativize(e.getKey()).toString())
                    .put("bytes", e.getValue().size())
                    .put("modified", Instant.ofEpochMilli(e.getValue().lastModifiedTime().toMillis()).toString()));
        } catch (IOException e) {
            inbox.put("error", "cannot read " + folder);
        }
        return inbox;
    }
}
