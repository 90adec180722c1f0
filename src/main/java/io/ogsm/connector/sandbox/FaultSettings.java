package io.ogsm.connector.sandbox;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.ogsm.connector.config.OgsmConfig;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The faults the sandbox injects, as set by {@code ogsm.sandbox.faults.*} at start and by
 * {@code PUT /sandbox/_control/faults} at run time. Shares are fractions of the requests whose method is listed.
 *
 * @param serverErrorRate       share answered 503
 * @param rateLimitRate         share answered 429 with {@code Retry-After: retryAfterSeconds}
 * @param dropAfterCommitRate   share of POSTs stored, then answered by dropping the connection
 * @param retryAfterSeconds     the {@code Retry-After} of a 429
 * @param latencyMillis         added to every request, faulty or not
 * @param seed                  null for random faults; otherwise the same bodies and attempts get the same faults
 * @param methods               the HTTP methods faults apply to
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FaultSettings(
        double serverErrorRate,
        double rateLimitRate,
        double dropAfterCommitRate,
        long retryAfterSeconds,
        long latencyMillis,
        Long seed,
        Set<String> methods) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 1, 0, null, Set.of("POST"));

    public FaultSettings {
        check("server_error_rate", serverErrorRate);
        check("rate_limit_rate", rateLimitRate);
        check("drop_after_commit_rate", dropAfterCommitRate);
        if (serverErrorRate + rateLimitRate + dropAfterCommitRate > 1.0 + 1e-9) {
            throw new IllegalArgumentException("the fault rates must add up to at most 1");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retry_after_seconds must not be negative");
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latency_millis must not be negative");
        }
        methods = methods == null ? Set.of("POST")
                : methods.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static FaultSettings from(OgsmConfig.Faults faults) {
        Set<String> methods = faults.methods().stream()
                .map(String::trim).filter(m -> !m.isEmpty()).collect(Collectors.toSet());
        return new FaultSettings(faults.serverErrorRate(), faults.rateLimitRate(), faults.dropAfterCommitRate(),
                faults.retryAfter().toSeconds(), faults.latency().toMillis(), faults.seed().orElse(null), methods);
    }

    private static void check(String name, double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + share);
        }
    }
}
