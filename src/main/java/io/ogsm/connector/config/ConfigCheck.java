package io.ogsm.connector.config;

import org.quartz.CronExpression;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules a configuration must meet before the connector starts, each answered with one line that names the key.
 * Values of secrets are never echoed; neither is a base URL, since it may carry credentials.
 */
public final class ConfigCheck {

    private ConfigCheck() {
    }

    public static List<String> problems(OgsmConfig config) {
        List<String> problems = new ArrayList<>();
        OgsmConfig.Api api = config.api();
        api.baseUrl().ifPresent(url -> {
            String problem = baseUrlProblem(url);
            if (problem != null) {
                problems.add("ogsm.api.base-url " + problem);
            }
            if (api.username().isEmpty() || api.password().isEmpty()) {
                problems.add("ogsm.api.username and ogsm.api.password are required when ogsm.api.base-url is set");
            }
        });
        positive(problems, "ogsm.api.timeout", api.timeout());
        positive(problems, "ogsm.api.connect-timeout", api.connectTimeout());
        positive(problems, "ogsm.api.check-interval", api.checkInterval());
        if (api.maxConnections() < 1) {
            problems.add("ogsm.api.max-connections must be at least 1, was " + api.maxConnections());
        }
        if (api.maxResponseSize().asLongValue() < 1024) {
            problems.add("ogsm.api.max-response-size must be at least 1K, was " + api.maxResponseSize().asLongValue());
        }
        if (config.dataDir().toString().isBlank()) {
            problems.add("ogsm.data-dir must not be blank");
        }
        OgsmConfig.Delivery delivery = config.delivery();
        if (delivery.concurrency() < 1) {
            problems.add("ogsm.delivery.concurrency must be at least 1, was " + delivery.concurrency());
        }
        if (delivery.maxAttempts() < 1) {
            problems.add("ogsm.delivery.max-attempts must be at least 1, was " + delivery.maxAttempts());
        }
        positive(problems, "ogsm.delivery.initial-backoff", delivery.initialBackoff());
        positive(problems, "ogsm.delivery.max-backoff", delivery.maxBackoff());
        if (delivery.maxBackoff().compareTo(delivery.initialBackoff()) < 0) {
            problems.add("ogsm.delivery.max-backoff must not be shorter than ogsm.delivery.initial-backoff");
        }
        if (delivery.retryAfterCap().isNegative()) {
            problems.add("ogsm.delivery.retry-after-cap must not be negative, was " + delivery.retryAfterCap());
        }
        positive(problems, "ogsm.delivery.title-refresh-interval", delivery.titleRefreshInterval());
        positive(problems, "ogsm.delivery.retention", delivery.retention());
        if (delivery.maxKeys() < 1000) {
            problems.add("ogsm.delivery.max-keys must be at least 1000, was " + delivery.maxKeys());
        }
        if (config.admin().username().isPresent() != config.admin().password().isPresent()) {
            problems.add("ogsm.admin.username and ogsm.admin.password go together: set both or neither");
        }
        if (config.push().username().isPresent() != config.push().password().isPresent()) {
            problems.add("ogsm.push.username and ogsm.push.password go together: set both or neither");
        }
        if (config.push().maxItems() < 1) {
            problems.add("ogsm.push.max-items must be at least 1, was " + config.push().maxItems());
        }
        OgsmConfig.Kafka kafka = config.kafka();
        if (kafka.consumers() < 1) {
            problems.add("ogsm.kafka.consumers must be at least 1, was " + kafka.consumers());
        }
        if (kafka.securityProtocol().sasl() && kafka.brokers().isPresent()
                && (kafka.saslMechanism().isEmpty() || kafka.saslJaasConfig().isEmpty())) {
            problems.add("ogsm.kafka.sasl-mechanism and ogsm.kafka.sasl-jaas-config are required with "
                    + "ogsm.kafka.security-protocol=" + kafka.securityProtocol());
        }
        positive(problems, "ogsm.kafka.session-timeout", kafka.sessionTimeout());
        if (kafka.measurementsTopic().equals(kafka.deadletterTopic())) {
            problems.add("ogsm.kafka.deadletter-topic must differ from ogsm.kafka.measurements-topic");
        }
        OgsmConfig.Status status = config.status();
        positive(problems, "ogsm.status.interval", status.interval());
        status.cron().ifPresent(cron -> {
            if (!CronExpression.isValidExpression(cron)) {
                problems.add("ogsm.status.cron '" + cron + "' is not a Quartz cron expression such as 0 0/15 * * * ?");
            }
        });
        share(problems, "ogsm.status.max-delete-share", status.maxDeleteShare());
        csv(problems, config.csv());
        OgsmConfig.Erp erp = config.erp();
        positive(problems, "ogsm.erp.timeout", erp.timeout());
        positive(problems, "ogsm.erp.connect-timeout", erp.connectTimeout());
        if (erp.maxPages() < 1) {
            problems.add("ogsm.erp.max-pages must be at least 1, was " + erp.maxPages());
        }
        if (erp.initialDelay().isNegative()) {
            problems.add("ogsm.erp.initial-delay must not be negative, was " + erp.initialDelay());
        }
        OgsmConfig.Faults faults = config.sandbox().faults();
        int before = problems.size();
        share(problems, "ogsm.sandbox.faults.server-error-rate", faults.serverErrorRate());
        share(problems, "ogsm.sandbox.faults.rate-limit-rate", faults.rateLimitRate());
        share(problems, "ogsm.sandbox.faults.drop-after-commit-rate", faults.dropAfterCommitRate());
        if (problems.size() == before
                && faults.serverErrorRate() + faults.rateLimitRate() + faults.dropAfterCommitRate() > 1.0) {
            problems.add("ogsm.sandbox.faults.*-rate must add up to at most 1");
        }
        if (faults.latency().isNegative()) {
            problems.add("ogsm.sandbox.faults.latency must not be negative, was " + faults.latency());
        }
        if (faults.retryAfter().isNegative()) {
            problems.add("ogsm.sandbox.faults.retry-after must not be negative, was " + faults.retryAfter());
        }
        return problems;
    }

    /** Throws {@link InvalidConfigException} naming every problem, one per line. */
    public static void requireValid(OgsmConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    private static String baseUrlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must start with https:// or http://";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "has no host name";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not hold credentials; set ogsm.api.username and ogsm.api.password instead";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "must not have a query or fragment";
        }
        return null;
    }

    private static void csv(List<String> problems, OgsmConfig.Csv csv) {
        for (String pattern : csv.dateFormats()) {
            try {
                DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                problems.add("ogsm.csv.date-formats: '" + pattern + "' is not a date pattern such as yyyy-MM-dd");
            }
        }
        positive(problems, "ogsm.csv.poll-interval", csv.pollInterval());
        positive(problems, "ogsm.csv.min-age", csv.minAge());
        if (csv.maxFileSize().asLongValue() < 1024) {
            problems.add("ogsm.csv.max-file-size must be at least 1K, was " + csv.maxFileSize().asLongValue());
        }
        long lineLength = csv.maxLineLength().asLongValue();
        if (lineLength < 1024 || lineLength > 64L * 1024 * 1024) {
            problems.add("ogsm.csv.max-line-length must be between 1K and 64M, was " + lineLength);
        }
    }

    private static void positive(List<String> problems, String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + " must be a positive duration such as 30s, was " + value);
        }
    }

    private static void share(List<String> problems, String key, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            problems.add(key + " must be between 0 and 1, was " + value);
        }
    }
}
