package io.ogsm.connector.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.ogsm.ApiTarget;
import io.ogsm.connector.ogsm.OgsmClient;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The status poll ({@code routes/status.yaml}): reads each of the seven lists, diffs it against the persisted
 * snapshot in one pass (O(n) with a hash lookup per entity), publishes the changes as CloudEvents and, once Kafka
 * acknowledged them, writes the new snapshot. A list that fails, is cut short, comes back empty while the snapshot holds
 * {@value #GUARD_MIN_SIZE} or more entries, or would lose more than {@code ogsm.status.max-delete-share} of them is not
 * diffed: nothing is emitted for it and the poll counts as failed (health, metrics). An entity missing from a good
 * poll is deleted only once {@code ogsm.status.delete-confirmations} polls in a row miss it ({@link Absences}), and a
 * measurement never is, so a blip never reads as a delete and a measurement is announced once.
 */
public class StatusPoller {

    private static final Logger LOG = Logger.getLogger(StatusPoller.class);
    public static final String TYPE_PREFIX = "online.ogsm.";
    /** Below this many entries a snapshot is too small for the delete-share guard to mean anything. */
    static final int GUARD_MIN_SIZE = 10;

    /** How the last poll of one list went. */
    public record PollResult(boolean ok, String detail, Instant at) {
    }

    private final OgsmClient client;
    private final SnapshotStore snapshots;
    private final StatusEventPublisher publisher;
    private final EntityDiff diff;
    private final OgsmConfig.Status config;
    private final URI source;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Map<OgsmResource, PollResult> last = new EnumMap<>(OgsmResource.class);
    private final Map<OgsmResource, AtomicLong> lastSuccess = new EnumMap<>(OgsmResource.class);

    public StatusPoller(OgsmClient client, SnapshotStore snapshots, StatusEventPublisher publisher,
            OgsmConfig.Status config, ApiTarget target, MeterRegistry metrics, Clock clock) {
        this.client = client;
        this.snapshots = snapshots;
        this.publisher = publisher;
        this.diff = new EntityDiff(config.ignoredFields());
        this.config = config;
        this.source = target.baseUrl();
        this.metrics = metrics;
        this.clock = clock;
        for (OgsmResource resource : OgsmResource.values()) {
            AtomicLong seconds = new AtomicLong();
            lastSuccess.put(resource, seconds);
            Gauge.builder("ogsm.status.last.success.seconds", seconds, Number::doubleValue)
                    .description("When the list was last polled successfully (epoch seconds)")
                    .tag("resource", resource.key()).register(metrics);
            // there from start, at 0: an alert on their rate sees them before the first failure
            Counter.builder("ogsm.status.polls.failed").tag("resource", resource.key()).register(metrics);
            Counter.builder("ogsm.status.events").tag("resource", resource.key()).register(metrics);
        }
    }

    public void poll() {
        for (OgsmResource resource : OgsmResource.values()) {
            try {
                int events = pollOne(resource);
                record(resource, new PollResult(true, events + " event(s)", clock.instant()));
                lastSuccess.get(resource).set(clock.instant().getEpochSecond());
            } catch (RuntimeException | ExecutionException | TimeoutException e) {
                record(resource, new PollResult(false, e.getMessage(), clock.instant()));
                Counter.builder("ogsm.status.polls.failed").tag("resource", resource.key()).register(metrics).increment();
                LOG.warnf("Status poll of %s failed, nothing emitted for it: %s", resource.apiName(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public synchronized Map<OgsmResource, PollResult> lastResults() {
        return new EnumMap<>(last);
    }

    private synchronized void record(OgsmResource resource, PollResult result) {
        last.put(resource, result);
    }

    int pollOne(OgsmResource resource) throws ExecutionException, InterruptedException, TimeoutException {
        boolean initial = !snapshots.isInitialized(resource);
        Map<Long, String> upserts = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        List<StatusEventPublisher.Keyed> events = new ArrayList<>();
        int count = client.forEachEntry(resource, entry -> {
            long id = entry.path("id").asLong(-1);
            if (id < 0 || !seen.add(id)) {
                return;
            }
            String now = entry.toString();
            String before = snapshots.entry(resource, id);
            if (now.equals(before)) {
                return;
            }
            upserts.put(id, now);
            if (before == null) {
                if (!initial || config.emitInitial()) {
                    events.add(event(resource, id, ChangeType.CREATED, null, entry, List.of()));
                }
            } else if (!resource.isMeasurement()) {
                JsonNode old = parse(before);
                List<FieldChange> changes = diff.changes(old, entry);
                if (!changes.isEmpty()) {
                    events.add(event(resource, id, ChangeType.CHANGED, old, entry, changes));
                }
            }
        });
        List<Long> ids = snapshots.ids(resource);
        long absent = ids.stream().filter(id -> !seen.contains(id)).count();
        long size = ids.size();
        if (count == 0 && size >= GUARD_MIN_SIZE) {
            throw new IllegalStateException(resource.apiName() + " came back empty while the snapshot holds " + size
                    + " entries; not taken as deletes");
        }
        if (size >= GUARD_MIN_SIZE && absent > config.maxDeleteShare() * size) {
            throw new IllegalStateException(resource.apiName() + " lost " + absent + " of " + size
                    + " entries at once (more than ogsm.status.max-delete-share); not taken as deletes");
        }
        Map<Long, Integer> missingBefore = snapshots.missing(resource);
        Absences absences = Absences.of(ids, seen, missingBefore, config.deleteConfirmations(),
                resource.isMeasurement());
        for (Long id : absences.deleted()) {
            events.add(event(resource, id, ChangeType.DELETED, parse(snapshots.entry(resource, id)), null, List.of()));
        }
        if (!events.isEmpty()) {
            publisher.publish(events, 60);
            Counter.builder("ogsm.status.events").tag("resource", resource.key()).register(metrics)
                    .increment(events.size());
            LOG.infof("Status of %s: %d change(s) published", resource.apiName(), events.size());
        }
        if (!upserts.isEmpty() || !absences.deleted().isEmpty() || !absences.missing().equals(missingBefore)
                || initial) {
            snapshots.apply(resource, upserts, absences.deleted(), absences.missing());
        }
        return events.size();
    }

    /** A CloudEvent for one change; its id is derived from the change, so a repeat is recognisable downstream. */
    StatusEventPublisher.Keyed event(OgsmResource resource, long id, ChangeType type, JsonNode before, JsonNode after,
            List<FieldChange> changes) {
        ObjectNode data = OgsmJson.mapper().createObjectNode();
        data.put("resource", resource.key());
        data.put("id", id);
        data.put("change", type.key());
        data.set("before", before);
        data.set("after", after);
        ArrayNode changed = data.putArray("changes");
        for (FieldChange c : changes) {
            changed.addObject().put("field", c.field()).<ObjectNode>set("before", c.before()).set("after", c.after());
        }
        if (changes.stream().anyMatch(c -> c.field().equals("archived"))) {
            data.put("archived", after != null && after.path("archived").asBoolean(false));
        }
        byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
        CloudEvent event = CloudEventBuilder.v1()
                .withId(eventId(resource, id, type, bytes))
                .withSource(source)
                .withType(TYPE_PREFIX + resource.key() + "." + type.key())
                .withSubject(resource.key() + "/" + id)
                .withTime(clock.instant().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(URI.create("https://ogsm-connector.io/schemas/status-change-data.json"))
                .withData(bytes)
                .build();
        return new StatusEventPublisher.Keyed(resource.key() + ":" + id, event);
    }

    private static String eventId(OgsmResource resource, long id, ChangeType type, byte[] data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((resource.key() + ":" + id + ":" + type.key() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(data);
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return OgsmJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot entry", e);
        }
    }
}
