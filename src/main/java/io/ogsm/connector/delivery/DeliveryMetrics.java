package io.ogsm.connector.delivery;

import io.ogsm.connector.pipeline.FailureReason;
import io.ogsm.connector.pipeline.Outcome;
import io.ogsm.connector.pipeline.SourceRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery route's meters, on {@code /q/metrics}: {@code ogsm_deliveries_total{source,outcome}},
 * {@code ogsm_delivery_retries_total{source}}, {@code ogsm_dead_letters_total{source,reason}},
 * {@code ogsm_delivery_in_flight} and {@code ogsm_delivery_latency_seconds{source}} (first attempt to settled). Every
 * series of every source kind, outcome and reason is there from start, at 0, so an alert on {@code rate(...)} sees it
 * before the first failure.
 */
public class DeliveryMetrics {

    /** One settled measurement, for the operator page's "recent deliveries". */
    public record Recent(Instant at, String source, String outcome, String key, String detail) {
    }

    static final int RECENT = 50;

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Deque<Recent> recent = new ArrayDeque<>();
    /** Meters by their tags, so that a settled measurement does not build and look up its meters each time. */
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("ogsm.delivery.in.flight", inFlight);
        for (SourceRef.Kind kind : SourceRef.Kind.values()) {
            if (kind == SourceRef.Kind.UNKNOWN) {
                continue;
            }
            String source = kind.key();
            for (Outcome outcome : Outcome.values()) {
                deliveries(source, outcome.key());
            }
            for (FailureReason reason : FailureReason.values()) {
                deadLetters(source, reason);
            }
            retries(source);
            latencies(source);
        }
    }

    public void outcome(String source, Outcome settled) {
        deliveries(source, settled.key()).increment();
    }

    private Counter deliveries(String source, String outcome) {
        return deliveries.computeIfAbsent(source + '\n' + outcome, k -> Counter.builder("ogsm.deliveries")
                .description("Measurements settled by the delivery route")
                .tag("source", source).tag("outcome", outcome).register(registry));
    }

    private Counter retries(String source) {
        return retries.computeIfAbsent(source, k -> Counter.builder("ogsm.delivery.retries")
                .description("Delivery attempts retried").tag("source", source).register(registry));
    }

    private Counter deadLetters(String source, FailureReason reason) {
        return deadLetters.computeIfAbsent(source + '\n' + reason.key(), k -> Counter.builder("ogsm.dead.letters")
                .description("Measurements dead-lettered, by reason")
                .tag("source", source).tag("reason", reason.key()).register(registry));
    }

    private Timer latencies(String source) {
        return latencies.computeIfAbsent(source, k -> Timer.builder("ogsm.delivery.latency")
                .description("From first attempt to delivered or dead-lettered")
                .publishPercentileHistogram()
                .tag("source", source).register(registry));
    }

    /** Remembers a settled measurement; the newest {@value #RECENT} are kept. */
    public synchronized void remember(Recent settled) {
        recent.addFirst(settled);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    public synchronized List<Recent> recent() {
        return List.copyOf(recent);
    }

    /** Settled counts by source and outcome, from the counters (those above 0). */
    public List<Map<String, Object>> counts() {
        List<Map<String, Object>> counts = new ArrayList<>();
        registry.find("ogsm.deliveries").counters().stream().filter(c -> c.count() > 0).forEach(c -> counts.add(Map.of(
                "source", c.getId().getTag("source"), "outcome", c.getId().getTag("outcome"), "count", (long) c.count())));
        counts.sort(Comparator.comparing(m -> m.get("source") + "/" + m.get("outcome")));
        return counts;
    }

    public void retried(String source) {
        retries(source).increment();
    }

    public void deadLettered(String source, FailureReason reason) {
        deadLetters(source, reason).increment();
    }

    public void latency(String source, Duration duration) {
        latencies(source).record(duration);
    }

    public void postStarted() {
        inFlight.incrementAndGet();
    }

    public void postEnded() {
        inFlight.decrementAndGet();
    }
}
