package io.ogsm.connector.ops;

import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.ogsm.ApiTarget;
import io.ogsm.connector.ogsm.OgsmSetup;
import io.ogsm.connector.source.erp.ErpSetup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * One INFO record at start that says what is on: where measurements go, the inbox, who may push, Kafka, ERP sources,
 * status events, the operator page and where the service listens. Camel's and Quartz's own start-up lines are at
 * WARN (application.properties), so this is what an operator reads.
 */
@ApplicationScoped
public class StartupSummary {

    private static final Logger LOG = Logger.getLogger(StartupSummary.class);

    private final OgsmConfig config;
    private final ApiTarget target;
    private final OgsmSetup setup;
    private final ErpSetup erp;

    public StartupSummary(OgsmConfig config, ApiTarget target, OgsmSetup setup, ErpSetup erp) {
        this.config = config;
        this.target = target;
        this.setup = setup;
        this.erp = erp;
    }

    void log(@Observes StartupEvent event) {
        var quarkus = ConfigProvider.getConfig();
        String listen = quarkus.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0") + ":"
                + quarkus.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        LOG.info("ogsm-connector is on:\n  " + String.join("\n  ", lines(config, target, setup.sandboxEnabled(),
                erp.sources().stream().map(s -> s.name()).toList(), listen)));
    }

    /** The summary's lines, one per capability. */
    static List<String> lines(OgsmConfig config, ApiTarget target, boolean sandboxServed, List<String> erpSources,
            String listen) {
        List<String> lines = new ArrayList<>();
        lines.add("listening on " + listen);
        lines.add(target.sandbox()
                ? "measurements go to the built-in sandbox at " + target.baseUrl() + " (user '"
                        + target.credentials().username() + "'; set ogsm.api.base-url for a real workspace)"
                : "measurements go to the workspace at " + target.baseUrl() + " (user '"
                        + target.credentials().username() + "')" + (sandboxServed ? "; the sandbox is served too" : ""));
        OgsmConfig.Csv csv = config.csv();
        lines.add("CSV inbox: " + config.dataDir().resolve("inbox").toAbsolutePath() + ", looked at every "
                + csv.pollInterval().toString().substring(2).toLowerCase() + (csv.dryRun()
                        ? "; DRY RUN: rows are checked, nothing is posted (ogsm.csv.dry-run)" : ""));
        OgsmConfig.Push push = config.push();
        String pushers = push.username().isPresent() ? "callers with the ogsm.push credentials"
                : push.anonymous() ? "anyone (ogsm.push.anonymous=true)"
                : target.sandbox() ? "anyone (sandbox mode)"
                : "nobody until ogsm.push.username and ogsm.push.password are set";
        lines.add("push API: POST /api/measurements, for " + pushers);
        OgsmConfig.Kafka kafka = config.kafka();
        lines.add(kafka.brokers().map(b -> "Kafka: " + b + ", measurements from " + kafka.measurementsTopic()
                + ", dead letters to " + kafka.deadletterTopic())
                .orElse("Kafka: off (ogsm.kafka.brokers is not set)"));
        lines.add(erpSources.isEmpty() ? "ERP sources: none" : "ERP sources: " + String.join(", ", erpSources));
        OgsmConfig.Status status = config.status();
        lines.add(!status.enabled() ? "status events: off (ogsm.status.enabled=false)"
                : kafka.brokers().isEmpty() ? "status events: off (they need ogsm.kafka.brokers)"
                : "status events: to " + status.topic() + ", " + status.cron().map(c -> "cron " + c)
                        .orElse("every " + status.interval().toString().substring(2).toLowerCase()));
        lines.add(config.admin().username().isPresent() ? "operator page: /ops and the admin API, with the ogsm.admin "
                + "credentials" : "operator page: off until ogsm.admin.username and ogsm.admin.password are set");
        return lines;
    }
}
