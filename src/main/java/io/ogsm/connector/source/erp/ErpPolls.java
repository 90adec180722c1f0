package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.pipeline.FailureClassifier;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.hc.core5.util.TimeoutValueException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The steps of an ERP source's route ({@code routes/erp.yaml}, one route per source): {@link #begin} starts a poll
 * from the source's watermark, {@link #fetch} GETs the next page and answers its items, {@link #item} makes one item a
 * Measurement for the deliver route (or marks it invalid for a dead letter), and {@link #settled}, once every item of
 * the page is delivered or dead-lettered, advances the watermark and says whether another page follows.
 * <p>
 * A page that fails (no answer, 5xx, too large, not JSON, 401/403) ends the poll without touching the watermark; the
 * next schedule tries again. Each source's last result feeds the {@code erp} readiness check.
 */
public class ErpPolls {

    private static final Logger LOG = Logger.getLogger(ErpPolls.class);

    /** Exchange property set by the route: the name of the source being polled. */
    public static final String SOURCE = "OgsmErpSource";
    /** Exchange property: the {@link Poll} in progress. */
    public static final String POLL = "OgsmErpPoll";
    /** Exchange property: whether the route fetches another page. */
    public static final String MORE = "OgsmErpMore";

    /** One record of a page, with its source reference and its value of the incremental field. */
    public record Item(JsonNode json, Map<String, String> source) {
    }

    /** How the last poll of a source went. */
    public record PollResult(State state, String detail, Instant at) {
        public enum State { OK, CREDENTIALS_REFUSED, FAILED }
    }

    /** A poll in progress: where it is, what the page held. */
    public static final class Poll {
        final ErpSource source;
        final URI base;
        String watermark;
        URI next;
        int pages;
        int items;
        boolean pageOk;
        int pageItems;
        String pageWatermark;

        Poll(ErpSource source, URI base, String watermark, URI first) {
            this.source = source;
            this.base = base;
            this.watermark = watermark;
            this.next = first;
        }
    }

    private final Map<String, ErpSource> sources = new LinkedHashMap<>();
    private final ErpClient client;
    private final WatermarkStore watermarks;
    private final FailureClassifier classifier;
    private final Clock clock;
    private final Map<String, PollResult> last = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

    public ErpPolls(List<ErpSource> sources, ErpClient client, WatermarkStore watermarks, FailureClassifier classifier,
            Clock clock) {
        sources.forEach(source -> this.sources.put(source.name(), source));
        this.client = client;
        this.classifier = classifier;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    public void begin(Exchange exchange) {
        String name = exchange.getProperty(SOURCE, String.class);
        ErpSource source = sources.get(name);
        if (source == null) {
            throw new IllegalStateException("no ERP source named '" + name + "'");
        }
        // one poll per source at a time: a delivery retried asynchronously lets the trigger fire again meanwhile
        AtomicBoolean running = this.running.computeIfAbsent(name, n -> new AtomicBoolean());
        if (!running.compareAndSet(false, true)) {
            LOG.debugf("ERP source '%s': the previous poll is still running; this one is skipped", name);
            exchange.setProperty(MORE, false);
            exchange.getIn().setBody(List.of());
            return;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                running.set(false);
            }
        });
        String watermark = source.incremental()
                .map(incremental -> watermarks.read(name).or(incremental::initial).orElse(null))
                .orElse(null);
        URI base = ErpPages.base(source, watermark);
        exchange.setProperty(POLL, new Poll(source, base, watermark, ErpPages.first(source, base)));
        exchange.setProperty(MORE, true);
    }

    /** GETs the next page; the body becomes its {@link Item}s (none when the page failed). */
    public void fetch(Exchange exchange) {
        Poll poll = exchange.getProperty(POLL, Poll.class);
        if (poll == null) {
            return;
        }
        ErpSource source = poll.source;
        URI uri = poll.next;
        poll.next = null;
        poll.pageOk = false;
        poll.pageItems = 0;
        poll.pageWatermark = null;
        exchange.getIn().setBody(List.of());
        if (uri == null) {
            return;
        }
        ErpClient.Page page;
        try {
            page = client.get(source.name(), uri, source.auth());
        } catch (ErpHttpException e) {
            if (classifier.refusesCredentials(e)) {
                refused(source, e.status());
            } else {
                failed(source, poll, "HTTP " + e.status());
            }
            return;
        } catch (IOException e) {
            failed(source, poll, describe(e));
            return;
        } catch (RuntimeException e) {
            failed(source, poll, describe(e));
            return;
        }
        List<JsonNode> records = source.items().items(page.body());
        List<Item> items = new ArrayList<>(records.size());
        int pageNumber = poll.pages + 1;
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            Map<String, String> reference = new LinkedHashMap<>();
            reference.put("kind", "erp");
            reference.put("source", source.name());
            reference.put("record", recordRef(source, record, pageNumber, i));
            items.add(new Item(record, reference));
            if (source.incremental().isPresent()) {
                Optional<JsonNode> value = source.incremental().get().field().value(record);
                if (value.isPresent() && value.get().isValueNode()) {
                    poll.pageWatermark = ErpIncremental.later(poll.pageWatermark, value.get().asText());
                }
            }
        }
        poll.pageItems = items.size();
        poll.next = ErpPages.next(source, poll.base, page, poll.pages, items.size()).orElse(null);
        poll.pageOk = true;
        exchange.getIn().setBody(items);
    }

    /** The split's step: the item becomes a Measurement, or is marked invalid with what did not map. */
    public void item(Exchange exchange) {
        Item item = exchange.getIn().getBody(Item.class);
        Poll poll = exchange.getProperty(POLL, Poll.class);
        exchange.getIn().setHeader(DeliveryHeaders.SOURCE, SourceRef.erp(item.source()));
        ErpMapping.Result mapped = poll.source.mapping().map(item.json());
        if (mapped.ok()) {
            exchange.getIn().setBody(mapped.measurement());
        } else {
            exchange.getIn().setHeader(DeliveryHeaders.INVALID, "the record does not map: " + mapped.describe());
            exchange.getIn().setHeader(DeliveryHeaders.INPUT, item.json().toString());
        }
    }

    /** Every item of the page is delivered or dead-lettered: the watermark moves on; another page, or done. */
    public void settled(Exchange exchange) {
        Poll poll = exchange.getProperty(POLL, Poll.class);
        if (poll == null || !poll.pageOk) {
            exchange.setProperty(MORE, false);
            return;
        }
        ErpSource source = poll.source;
        poll.pages++;
        poll.items += poll.pageItems;
        if (poll.pageWatermark != null && source.incremental().isPresent()) {
            String later = ErpIncremental.later(poll.watermark, poll.pageWatermark);
            if (!later.equals(poll.watermark)) {
                watermarks.write(source.name(), source.incremental().get().param(), later);
                poll.watermark = later;
            }
        }
        boolean more = poll.next != null && poll.pages < source.paging().maxPages();
        exchange.setProperty(MORE, more);
        if (!more) {
            String detail = poll.items + " item(s) in " + poll.pages + " page(s)"
                    + (poll.watermark != null ? ", watermark " + poll.watermark : "");
            if (poll.next != null) {
                detail += "; page limit " + source.paging().maxPages() + " reached, the rest on the next poll";
            }
            PollResult previous = last.put(source.name(), new PollResult(PollResult.State.OK, detail, clock.instant()));
            lastSuccess.put(source.name(), clock.instant());
            if (previous != null && previous.state() == PollResult.State.CREDENTIALS_REFUSED) {
                LOG.infof("ERP source '%s' accepts the credentials again", source.name());
            }
            // INFO for the first good poll and after a failure; every poll at DEBUG (a source may poll each minute)
            if (previous == null || previous.state() != PollResult.State.OK) {
                LOG.infof("ERP source '%s' polled: %s", source.name(), detail);
            } else {
                LOG.debugf("ERP source '%s' polled: %s", source.name(), detail);
            }
        }
    }

    /** Each source's last poll result, by source name (sources not polled yet are absent). */
    /** When a source was last polled successfully, in epoch seconds; 0 before its first good poll. */
    public double lastSuccessSeconds(String sourceName) {
        Instant at = lastSuccess.get(sourceName);
        return at == null ? 0 : at.getEpochSecond();
    }

    public Map<String, PollResult> lastResults() {
        return Map.copyOf(last);
    }

    public List<String> sourceNames() {
        return List.copyOf(sources.keySet());
    }

    private void refused(ErpSource source, int status) {
        PollResult previous = last.put(source.name(), new PollResult(PollResult.State.CREDENTIALS_REFUSED,
                "the ERP answered HTTP " + status + ": check the credentials (auth) of ERP source '" + source.name()
                        + "'", clock.instant()));
        if (previous == null || previous.state() != PollResult.State.CREDENTIALS_REFUSED) {
            LOG.errorf("ERP source '%s' refuses the credentials (HTTP %d): nothing is polled from it until its auth "
                    + "is fixed (%s)", source.name(), status, source.auth());
        }
    }

    private void failed(ErpSource source, Poll poll, String why) {
        String detail = why + " on page " + (poll.pages + 1) + "; retried on the next schedule, watermark kept";
        last.put(source.name(), new PollResult(PollResult.State.FAILED, detail, clock.instant()));
        LOG.warnf("ERP source '%s': poll failed: %s", source.name(), detail);
    }

    private static String recordRef(ErpSource source, JsonNode record, int page, int index) {
        String position = "page " + page + " item " + (index + 1);
        if (source.recordId().isEmpty()) {
            return position;
        }
        return source.recordId().get().value(record).filter(JsonNode::isValueNode).map(JsonNode::asText)
                .map(id -> id.length() > 200 ? id.substring(0, 200) + "…" : id)
                .orElse(position);
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SocketTimeoutException || e instanceof TimeoutValueException
                || message.toLowerCase(Locale.ROOT).contains("timed out")) {
            return "timed out (" + e.getClass().getSimpleName() + ")";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
