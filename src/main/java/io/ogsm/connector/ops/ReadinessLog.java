package io.ogsm.connector.ops;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's log of readiness: one line when it changes (INFO when ready, WARN when not, naming each check that
 * is DOWN and why), and while it stays DOWN the WARN again once a minute, so an unreachable Kafka broker is one line a
 * minute with its cause rather than the Kafka clients' hundreds (their connection warnings are at ERROR). Probes log
 * nothing: SmallRye Health's own per-probe lines are at WARN.
 */
@ApplicationScoped
public class ReadinessLog {

    private static final Logger LOG = Logger.getLogger(ReadinessLog.class);
    static final Duration REPEAT = Duration.ofMinutes(1);

    private final SmallRyeHealthReporter health;
    private final Clock clock;
    private String last;
    private Instant warned = Instant.MIN;

    public ReadinessLog(SmallRyeHealthReporter health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        SmallRyeHealth readiness = health.getReadiness();
        String state = describe(readiness.getPayload());
        Instant now = clock.instant();
        synchronized (this) {
            boolean changed = !state.equals(last);
            last = state;
            if (!readiness.isDown()) {
                if (changed) {
                    LOG.info(state);
                }
            } else if (changed || !now.isBefore(warned.plus(REPEAT))) {
                warned = now;
                LOG.warn(state);
            }
        }
    }

    /** "ready", or "not ready: kafka (brokers x:9092 do not answer: TimeoutException); routes (...)". */
    static String describe(JsonObject payload) {
        List<String> down = new ArrayList<>();
        for (JsonValue value : payload.getJsonArray("checks")) {
            JsonObject check = value.asJsonObject();
            if (!"UP".equals(check.getString("status", ""))) {
                List<String> why = new ArrayList<>();
                JsonObject data = check.containsKey("data") ? check.getJsonObject("data") : JsonValue.EMPTY_JSON_OBJECT;
                data.values().forEach(v -> why.add(v instanceof JsonString text ? text.getString() : v.toString()));
                down.add(check.getString("name", "?") + (why.isEmpty() ? "" : " (" + String.join(", ", why) + ")"));
            }
        }
        return down.isEmpty() ? "ready" : "not ready: " + String.join("; ", down);
    }
}
