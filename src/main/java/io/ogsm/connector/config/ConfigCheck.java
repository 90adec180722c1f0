package io.ogsm.connector.config;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that span several keys (a key's own rules are its type and annotations in {@link OgsmConfig}), each
 * answered with one line that names the keys. Values of secrets are never echoed; neither is a base URL, since it
 * may carry credentials.
 */
public final class ConfigCheck {

    private ConfigCheck() {
    }

    public static List<String> problems(OgsmConfig config) {
        List<String> problems = new ArrayList<>();
        OgsmConfig.Api api = config.api();
        if (api.baseUrl().isPresent() && (api.username().isEmpty() || api.password().isEmpty())) {
            problems.add("ogsm.api.username and ogsm.api.password are required when ogsm.api.base-url is set");
        }
        OgsmConfig.Delivery delivery = config.delivery();
        if (delivery.maxBackoff().compareTo(delivery.initialBackoff()) < 0) {
            problems.add("ogsm.delivery.max-backoff must not be shorter than ogsm.delivery.initial-backoff");
        }
        if (config.admin().username().isPresent() != config.admin().password().isPresent()) {
            problems.add("ogsm.admin.username and ogsm.admin.password go together: set both or neither");
        }
        if (config.push().username().isPresent() != config.push().password().isPresent()) {
            problems.add("ogsm.push.username and ogsm.push.password go together: set both or neither");
        }
        if (config.push().anonymous() && config.push().username().isPresent()) {
            problems.add("ogsm.push.anonymous=true and ogsm.push.username contradict each other: set one");
        }
        OgsmConfig.Kafka kafka = config.kafka();
        if (kafka.securityProtocol().sasl() && kafka.brokers().isPresent()
                && (kafka.saslMechanism().isEmpty() || kafka.saslJaasConfig().isEmpty())) {
            problems.add("ogsm.kafka.sasl-mechanism and ogsm.kafka.sasl-jaas-config are required with "
                    + "ogsm.kafka.security-protocol=" + kafka.securityProtocol());
        }
        if (kafka.measurementsTopic().equals(kafka.deadletterTopic())) {
            problems.add("ogsm.kafka.deadletter-topic must differ from ogsm.kafka.measurements-topic");
        }
        OgsmConfig.Faults faults = config.sandbox().faults();
        List<Double> rates = List.of(faults.serverErrorRate(), faults.rateLimitRate(), faults.dropAfterCommitRate());
        if (rates.stream().allMatch(r -> r >= 0.0 && r <= 1.0) && rates.stream().mapToDouble(r -> r).sum() > 1.0) {
            problems.add("ogsm.sandbox.faults.*-rate must add up to at most 1");
        }
        config.routesDir().filter(folder -> !Files.isDirectory(folder)).ifPresent(folder -> problems.add(
                "ogsm.routes-dir (OGSM_ROUTES_DIR) is " + folder.toAbsolutePath() + ": no such folder; point it at a "
                        + "folder of route files (*.yaml) or leave it empty for the shipped routes"));
        return problems;
    }
}
