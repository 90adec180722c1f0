package io.ogsm.connector.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery route's meters, on {@code /q/metrics}: {@code ogsm_deliveries_total{source,outcome}},
 * {@code ogsm_delivery_retries_total{source}}, {@code ogsm_dead_letters_total{source,reason}},
 * {@code ogsm_delivery_in_flight} and {@code ogsm_delivery_latency_seconds{source}} (first attempt to settled).
 */
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("ogsm.delivery.in.flight", inFlight);
    }

    public void outcome(String source, String outcome) {
        Counter.builder("ogsm.deliveries").description("Measurements settled by the delivery route")
                .tag("source", source).tag("outcome", outcome).register(registry).increment();
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
        Timer.builder("ogsm.delivery.latency").description("From first attempt to delivered or dead-lettered")
                .publishPercentileHistogram()
                .tag("source", source).register(registry).record(duration);
    }

    public void postStarted() {
        inFlight.incrementAndGet();
    }

    public void postEnded() {
        inFlight.decrementAndGet();
    }
}
