package io.ogsm.connector.source.erp;

import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.FailureClassifier;
import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.source.erp.ErpPages.Item;
import io.ogsm.connector.source.erp.ErpPages.Page;
import io.ogsm.connector.source.erp.ErpPages.Request;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.hc.core5.util.TimeoutValueException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The steps of one ERP source's route (the bean {@code erp-<name>-steps} of the {@code erp-source} template in
 * {@code routes/erp.yaml}): {@link #begin} puts the {@link Request} for the first page from the source's watermark in
 * exchange property {@value #REQUEST}, {@link #fetch} GETs it and answers the {@link Page}'s items (property
 * {@value #PAGE}), {@link #map} makes one item a Measurement for the deliver route (or marks it invalid for a dead
 * letter), and {@link #settled}, once every item of the page is delivered or dead-lettered, persists the page's
 * watermark and puts the next request in {@value #REQUEST}, or none after the last page.
 * <p>
 * A page that fails (no answer, 5xx, too large, not JSON, 401/403) ends the poll without touching the watermark; the
 * next schedule tries again. The last result feeds the {@code erp} readiness check.
 */
public class ErpPolls {

    private static final Logger LOG = Logger.getLogger(ErpPolls.class);

    /** Exchange property: the {@link Request} for the next page; absent once the poll is done. */
    public static final String REQUEST = "OgsmErpRequest";
    /** Exchange property: the {@link Page} fetched; absent when the fetch failed. */
    public static final String PAGE = "OgsmErpPage";

    /** How the last poll of a source went. */
    public record PollResult(State state, String detail, Instant at) {
        public enum State { OK, CREDENTIALS_REFUSED, FAILED }
    }

    private final ErpSource source;
    private final ErpClient client;
    private final WatermarkStore watermarks;
    private final FailureClassifier classifier;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile PollResult last;
    private volatile Instant lastSuccess;

    public ErpPolls(ErpSource source, ErpClient client, WatermarkStore watermarks, FailureClassifier classifier,
            Clock clock) {
        this.source = source;
        this.client = client;
        this.watermarks = watermarks;
        this.classifier = classifier;
        this.clock = clock;
    }

    public void begin(Exchange exchange) {
        // one poll at a time: a delivery retried asynchronously lets the trigger fire again meanwhile
        if (!running.compareAndSet(false, true)) {
            LOG.debugf("ERP source '%s': the previous poll is still running; this one is skipped", source.name());
            return;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                running.set(false);
            }
        });
        String watermark = source.incremental()
                .map(incremental -> watermarks.read(source.name()).or(incremental::initial).orElse(null))
                .orElse(null);
        exchange.setProperty(REQUEST, ErpPages.first(source, watermark));
    }

    /** GETs the requested page; the body becomes its {@link Item}s (none, and no next request, when it failed). */
    public void fetch(Exchange exchange) {
        Request request = exchange.getProperty(REQUEST, Request.class);
        exchange.removeProperty(PAGE);
        exchange.removeProperty(REQUEST);
        exchange.getIn().setBody(List.of());
        try {
            Page page = ErpPages.page(source, request, client.get(source.name(), request.uri(), source.auth()));
            exchange.setProperty(PAGE, page);
            exchange.getIn().setBody(page.items());
        } catch (ErpHttpException e) {
            if (classifier.refusesCredentials(e)) {
                refused(e.status());
            } else {
                failed(request, "HTTP " + e.status());
            }
        } catch (IOException | RuntimeException e) {
            failed(request, describe(e));
        }
    }

    /** The split's step: the item becomes a Measurement, or is marked invalid with what did not map. */
    public void map(Exchange exchange) {
        Item item = exchange.getIn().getBody(Item.class);
        exchange.getIn().setHeader(DeliveryHeaders.SOURCE, SourceRef.erp(item.source()));
        ErpMapping.Result mapped = source.mapping().map(item.json());
        if (mapped.ok()) {
            exchange.getIn().setBody(mapped.measurement());
        } else {
            exchange.getIn().setHeader(DeliveryHeaders.INVALID, "the record does not map: " + mapped.describe());
            exchange.getIn().setHeader(DeliveryHeaders.INPUT, item.json().toString());
        }
    }

    /** Every item of the page is delivered or dead-lettered: the watermark moves on; the next request, or done. */
    public void settled(Exchange exchange) {
        Page page = exchange.getProperty(PAGE, Page.class);
        if (page == null) {
            return; // the fetch failed and ended the poll
        }
        if (page.watermark() != null && !page.watermark().equals(page.request().watermark())) {
            watermarks.write(source.name(), source.incremental().orElseThrow().param(), page.watermark());
        }
        if (page.next().isPresent()) {
            exchange.setProperty(REQUEST, page.next().get());
            return;
        }
        String detail = page.itemsSoFar() + " item(s) in " + page.request().page() + " page(s)"
                + (page.watermark() != null ? ", watermark " + page.watermark() : "")
                + (page.limited() ? "; page limit " + source.paging().maxPages() + " reached, the rest on the next poll"
                : "");
        PollResult previous = last;
        last = new PollResult(PollResult.State.OK, detail, clock.instant());
        lastSuccess = clock.instant();
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

    public ErpSource source() {
        return source;
    }

    /** How the last poll went, or null before the first. */
    public PollResult lastResult() {
        return last;
    }

    /** When the source was last polled successfully, in epoch seconds; 0 before its first good poll. */
    public double lastSuccessSeconds() {
        Instant at = lastSuccess;
        return at == null ? 0 : at.getEpochSecond();
    }

    private void refused(int status) {
        PollResult previous = last;
        last = new PollResult(PollResult.State.CREDENTIALS_REFUSED, "the ERP answered HTTP " + status
                + ": check the credentials (auth) of ERP source '" + source.name() + "'", clock.instant());
        if (previous == null || previous.state() != PollResult.State.CREDENTIALS_REFUSED) {
            LOG.errorf("ERP source '%s' refuses the credentials (HTTP %d): nothing is polled from it until its auth "
                    + "is fixed (%s)", source.name(), status, source.auth());
        }
    }

    private void failed(Request request, String why) {
        String detail = why + " on page " + request.page() + "; retried on the next schedule, watermark kept";
        last = new PollResult(PollResult.State.FAILED, detail, clock.instant());
        LOG.warnf("ERP source '%s': poll failed: %s", source.name(), detail);
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
