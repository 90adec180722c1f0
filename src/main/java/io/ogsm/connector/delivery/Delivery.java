package io.ogsm.connector.delivery;

import io.ogsm.connector.pipeline.Changes;
import io.ogsm.connector.pipeline.Decision;
import io.ogsm.connector.pipeline.DeliveryFailure;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.Outcome;
import io.ogsm.connector.pipeline.FailureClassifier;
import io.ogsm.connector.pipeline.FailureReason;
import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.measurement.MeasurementValidation;
import io.ogsm.connector.measurement.TitleResolver;
import io.ogsm.connector.measurement.UnresolvedTitleException;
import io.ogsm.connector.measurement.Violation;
import io.ogsm.connector.ogsm.ApiAccess;
import io.ogsm.connector.ogsm.GoalMeasurement;
import io.ogsm.connector.ogsm.KpiMeasurement;
import io.ogsm.connector.ogsm.OgsmClient;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * The steps of the deliver route ({@code routes/deliver.yaml}): {@link #prepare} checks, resolves and keys a
 * measurement; {@link #post} posts it once; {@link #shouldRetry} is the route's retry rule. Whether a failure is
 * retried is decided by {@link FailureClassifier}, how long to wait by {@link RetryPolicy}; this class only applies
 * them.
 * <p>
 * Exactly once: a key is marked in flight before its POST and delivered after it. A key found in flight (after an
 * ambiguous failure, or a crash between POST and record) is first looked up in the API's list; only if it is not
 * there is it posted again.
 */
public class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);
    /** Striped locks: one POST per key at a time, without a lock object per key. */
    private static final Object[] KEY_LOCKS = new Object[1024];

    static {
        for (int i = 0; i < KEY_LOCKS.length; i++) {
            KEY_LOCKS[i] = new Object();
        }
    }

    private final OgsmClient client;
    private final TitleResolver titles;
    private final DeliveryLedger store;
    private final FailureClassifier classifier;
    private final RetryPolicy policy;
    private final ApiAccess access;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    public Delivery(OgsmClient client, TitleResolver titles, DeliveryLedger store, FailureClassifier classifier,
            RetryPolicy policy, ApiAccess access, DeliveryMetrics metrics, Clock clock) {
        this.client = client;
        this.titles = titles;
        this.store = store;
        this.classifier = classifier;
        this.policy = policy;
        this.access = access;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Validates, resolves the title, keys; marks a measurement already delivered as a duplicate. */
    public void prepare(Exchange exchange) {
        if (exchange.getIn().getHeader(DeliveryHeaders.STARTED) == null) {
            exchange.getIn().setHeader(DeliveryHeaders.STARTED, clock.instant());
        }
        Measurement m = measurement(exchange);
        List<Violation> violations = MeasurementValidation.check(m);
        if (!violations.isEmpty()) {
            throw new DeliveryFailure(String.join("; ", violations.stream().map(Violation::toString).toList()),
                    Decision.permanent(FailureReason.VALIDATION, 0), null);
        }
        if (m.id() != null) {
            // keyed already, so that a failure of the title check below is a dead letter of that key
            exchange.getIn().setHeader(DeliveryHeaders.KEY, IdempotencyKey.of(m));
        }
        Measurement resolved;
        try {
            resolved = titles.resolve(m);
        } catch (UnresolvedTitleException e) {
            throw new DeliveryFailure(e.getMessage(), classifier.classify(e), e);
        } catch (RuntimeException e) {
            throw new DeliveryFailure("cannot read the " + (m.type() == MeasurementType.KPI ? "KPI" : "goal")
                    + " list to resolve " + m.subject() + ": " + e.getMessage(), classifier.classify(e), e);
        }
        Changes.Identity identity = store.identify(resolved,
                exchange.getIn().getHeader(DeliveryHeaders.SOURCE, SourceRef.class));
        String key = identity.key();
        exchange.getIn().setHeader(DeliveryHeaders.KEY, key);
        exchange.getIn().setHeader(DeliveryHeaders.IDENTITY, identity);
        exchange.getIn().setBody(resolved);
        Optional<DeliveryLedger.Delivered> done = store.delivered(key);
        if (done.isPresent()) {
            exchange.getIn().setHeader(DeliveryHeaders.OUTCOME, Outcome.DUPLICATE);
            exchange.getIn().setHeader(DeliveryHeaders.OGSM_ID, done.get().ogsmId());
            settled(exchange, Outcome.DUPLICATE, done.get().ogsmId(), null, null);
        }
    }

    /** Posts the measurement, unless an earlier attempt already stored it. */
    public void post(Exchange exchange) {
        Measurement m = measurement(exchange);
        String key = exchange.getIn().getHeader(DeliveryHeaders.KEY, String.class);
        Object lock = KEY_LOCKS[Math.floorMod(key.hashCode(), KEY_LOCKS.length)];
        synchronized (lock) {
            postOnce(exchange, m, key);
        }
    }

    /** Under the key's lock, so the same measurement arriving twice at once is posted once. */
    private void postOnce(Exchange exchange, Measurement m, String key) {
        Optional<DeliveryLedger.Delivered> done = store.delivered(key);
        if (done.isPresent()) {
            exchange.getIn().setHeader(DeliveryHeaders.OUTCOME, Outcome.DUPLICATE);
            exchange.getIn().setHeader(DeliveryHeaders.OGSM_ID, done.get().ogsmId());
            settled(exchange, Outcome.DUPLICATE, done.get().ogsmId(), null, null);
            return;
        }
        metrics.postStarted();
        try {
            if (store.inFlight(key).isPresent()) {
                Optional<Long> stored = findStored(m, earlierChanges(exchange));
                if (stored.isPresent()) {
                    LOG.infof("Measurement %s for %s was already stored as %d (an earlier attempt's answer was lost)",
                            key, m.subject(), stored.get());
                    delivered(exchange, key, stored.get());
                    return;
                }
            }
            store.markInFlight(key, m);
            Long id = client.createMeasurement(MeasurementRequests.list(m), MeasurementRequests.body(m));
            access.accepted();
            delivered(exchange, key, id);
        } catch (DeliveryFailure e) {
            throw e;
        } catch (RuntimeException e) {
            Decision decision = classifier.classify(e);
            if (!decision.verifyFirst()) {
                store.clearInFlight(key);
            }
            if (decision.reason() == FailureReason.AUTH) {
                access.refused(decision.status());
            }
            throw new DeliveryFailure(e.getMessage(), decision, e);
        } finally {
            metrics.postEnded();
        }
    }

    /** The route's retry rule: a retryable failure with attempts left; sets the wait before the next one. */
    public boolean shouldRetry(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // a property, not a header: Camel hands each redelivery the message as it was before the failed step
        int failures = exchange.getProperty(DeliveryHeaders.FAILURES, 0, Integer.class) + 1;
        exchange.setProperty(DeliveryHeaders.FAILURES, failures);
        Decision decision = classifier.classify(failure);
        if (!decision.retry() || !policy.mayRetry(failures)) {
            return false;
        }
        Duration wait = policy.delay(failures, decision.retryAfter());
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis());
        metrics.retried(sourceKind(exchange));
        LOG.debugf("Attempt %d of %s failed (%s); next in %d ms", failures,
                exchange.getIn().getHeader(DeliveryHeaders.KEY), decision.status(), wait.toMillis());
        return true;
    }

    /** The measurement in the API's list, if an earlier attempt stored it: its id. */
    Optional<Long> findStored(Measurement m) {
        return findStored(m, Set.of());
    }

    /**
     * The measurement in the API's list, if an earlier attempt stored it, not counting the given ids: a value that went
     * back to an earlier one finds that earlier measurement in the list too, which is not this change's.
     */
    Optional<Long> findStored(Measurement m, Set<Long> notThese) {
        if (m.type() == MeasurementType.GOAL) {
            return client.goalMeasurements().stream()
                    .filter(s -> s.goal() != null && !notThese.contains(s.id()) && MeasurementRequests.same(m,
                            s.goal().id(), s.at(), s.currentValue(), s.targetValue(), s.description()))
                    .map(GoalMeasurement::id).findFirst();
        }
        return client.kpiMeasurements().stream()
                .filter(s -> s.indicator() != null && !notThese.contains(s.id()) && MeasurementRequests.same(m,
                        s.indicator().id(), s.at(), s.currentValue(), s.targetValue(), s.description()))
                .map(KpiMeasurement::id).findFirst();
    }

    /** The OGSM ids of the earlier changes of this figure with the same content (45, then 46, then 45 again). */
    private Set<Long> earlierChanges(Exchange exchange) {
        Changes.Identity identity = exchange.getIn().getHeader(DeliveryHeaders.IDENTITY, Changes.Identity.class);
        Set<Long> ids = new HashSet<>();
        if (identity != null) {
            for (String earlier : identity.earlierKeys()) {
                store.delivered(earlier).map(DeliveryLedger.Delivered::ogsmId).ifPresent(ids::add);
            }
        }
        return ids;
    }

    private void delivered(Exchange exchange, String key, Long id) {
        String trackingKey = exchange.getIn().getHeader(DeliveryHeaders.TRACKING_KEY, String.class);
        store.markDelivered(key, id, trackingKey, trackingKey == null ? null
                : new DeliveryLedger.Tracking(Outcome.DELIVERED.key(), key, id, null, null, null, clock.instant()));
        exchange.getIn().setHeader(DeliveryHeaders.OUTCOME, Outcome.DELIVERED);
        exchange.getIn().setHeader(DeliveryHeaders.OGSM_ID, id);
        recorded(exchange, Outcome.DELIVERED, id);
    }

    /** Records how a measurement ended: metrics, latency, and the tracking state of a pushed one. */
    void settled(Exchange exchange, Outcome outcome, Long ogsmId, FailureReason reason, String deliveryKey) {
        recorded(exchange, outcome, ogsmId);
        String trackingKey = exchange.getIn().getHeader(DeliveryHeaders.TRACKING_KEY, String.class);
        if (trackingKey != null) {
            String key = deliveryKey != null ? deliveryKey : exchange.getIn().getHeader(DeliveryHeaders.KEY, String.class);
            String state = (outcome == Outcome.DUPLICATE ? Outcome.DELIVERED : outcome).key();
            store.track(trackingKey, new DeliveryLedger.Tracking(state, key, ogsmId,
                    reason == null ? null : reason.key(), null, null, clock.instant()));
        }
    }

    /** Metrics, the recent-deliveries list and the latency of a settled measurement. */
    private void recorded(Exchange exchange, Outcome outcome, Long ogsmId) {
        String source = sourceKind(exchange);
        metrics.outcome(source, outcome);
        metrics.remember(new DeliveryMetrics.Recent(clock.instant(), source, outcome.key(),
                exchange.getIn().getHeader(DeliveryHeaders.KEY, String.class),
                ogsmId == null ? null : "OGSM id " + ogsmId));
        Instant started = exchange.getIn().getHeader(DeliveryHeaders.STARTED, Instant.class);
        if (started != null) {
            metrics.latency(source, Duration.between(started, clock.instant()));
        }
    }

    private static Measurement measurement(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof Measurement m) {
            return m;
        }
        throw new DeliveryFailure("the deliver route takes a Measurement, not "
                + (body == null ? "nothing" : body.getClass().getSimpleName()),
                Decision.permanent(FailureReason.MAPPING, 0), null);
    }

    static String sourceKind(Exchange exchange) {
        SourceRef source = exchange.getIn().getHeader(DeliveryHeaders.SOURCE, SourceRef.class);
        return (source == null ? SourceRef.Kind.UNKNOWN : source.kind()).key();
    }
}
