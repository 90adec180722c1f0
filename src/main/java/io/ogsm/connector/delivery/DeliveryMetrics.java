package io.ogsm.connector.delivery;

import io.ogsm.connector.pipeline.FailureReason;
import io.ogsm.connector.pipeline.Outcome;
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
 * {@code ogsm_delivery_in_flight} and {@code ogsm_delivery_latency_seconds{source}} (first attempt to settled).
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
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("ogsm.delivery.in.flight", inFlight);
    }

    public void outcome(String source, Outcome settled) {
        String outcome = settled.key();
        deliveries.computeIfAbsent(source + '\n' + outcome, k -> Counter.builder("ogsm.deliveries")
                .description("Measurements settled by the delivery route")
                .tag("source", source).tag("outcome", outcome).register(registry)).increment();
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

    /** Settled counts by source and outcome, from the counters. */
    public List<Map<String, Object>> counts() {
        List<Map<String, Object>> counts = new ArrayList<>();
        registry.find("ogsm.deliveries").counters().forEach(c -> counts.add(Map.of(
                "source", c.getId().getTag("source"), "outcome", c.getId().getTag("outcome"), "count", (long) c.count())));
        counts.sort(Comparator.comparing(m -> m.get("source") + "/" + m.get("outcome")));
        return counts;
    }

    public void retried(String source) {
        Counter.builder("ogsm.delivery.retries").description("Delivery attempts retried")
                .tag("source", source).register(registry).increment();
    }

    public void deadLettered(String source, FailureReason reason) {
        Counter.builder("ogsm.dead.letters").description("Measurements dead-lettered, by reason")
                .tag("source", source).tag("reason", reason.key()).register(registry).increment();
    }

    public void latency(String source, Duration duration) {
        latencies.computeIfAbsent(source, k -> Timer.builder("ogsm.delivery.latency")
                .description("From first attempt to delivered or dead-lettered")
                .publishPercentileHistogram()
                .tag("source", source).register(registry)).record(duration);
    }

    public void postStarted() {
        inFlight.incrementAndGet();
    }

    public void postEnded() {
        inFlight.decrementAndGet();
    }
}
