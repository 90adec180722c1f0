package io.ogsm.connector.source.erp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ogsm.connector.config.InvalidConfigException;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.pipeline.FailureClassifier;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Reads the ERP sources file once, at start (an invalid file stops the start with one line naming the source and the
 * field), builds the ERP beans, and adds one route per source from the {@code erp-source} template of
 * {@code routes/erp.yaml} once Camel has started.
 */
@ApplicationScoped
public class ErpSetup {

    private static final Logger LOG = Logger.getLogger(ErpSetup.class);
    static final String TEMPLATE = "erp-source";

    private final OgsmConfig config;
    private volatile List<ErpSource> sources;

    public ErpSetup(OgsmConfig config) {
        this.config = config;
    }

    void checkAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        List<ErpSource> checked = sources();
        if (!checked.isEmpty()) {
            LOG.infof("ERP sources from %s: %s", sourcesFile(),
                    String.join(", ", checked.stream().map(s -> s.name() + " (" + s.schedule() + ")").toList()));
        }
    }

    /** The checked sources; none when no file is configured and the default one is absent. */
    public synchronized List<ErpSource> sources() {
        if (sources == null) {
            Path file = sourcesFile();
            if (file == null) {
                sources = List.of();
            } else {
                sources = ErpSourcesFile.read(file,
                        name -> ConfigProvider.getConfig().getOptionalValue(name, String.class),
                        config.erp().maxPages());
            }
        }
        return sources;
    }

    /** The file to read, or null for none. */
    Path sourcesFile() {
        OgsmConfig.Erp erp = config.erp();
        Path file = erp.sourcesFile().filter(f -> !f.toString().isBlank()).orElse(null);
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidConfigException(List.of("ogsm.erp.sources-file: " + file + " does not exist (relative "
                        + "to " + Path.of("").toAbsolutePath() + ")"));
            }
            return file;
        }
        Path fallback = Path.of(ErpSourcesFile.DEFAULT_PATH);
        return Files.isRegularFile(fallback) ? fallback : null;
    }

    void addRoutes(@Observes CamelEvent.CamelContextStartedEvent event) throws Exception {
        CamelContext camel = event.getContext();
        List<ErpSource> checked;
        try {
            checked = sources();
        } catch (InvalidConfigException e) {
            // Camel starts before the StartupEvent and would swallow this; checkAtStart stops the start with it
            return;
        }
        for (ErpSource source : checked) {
            TemplatedRouteBuilder.builder(camel, TEMPLATE)
                    .routeId(source.routeId())
                    .parameter("source", source.name())
                    .parameter("schedule", source.schedule().endpointUri(source.name(), config.erp().initialDelay()))
                    .add();
        }
    }

    @Produces
    @Singleton
    ErpClient client() {
        OgsmConfig.Erp erp = config.erp();
        return new ErpClient(erp.connectTimeout(), erp.timeout(), erp.maxResponseSize().asLongValue(),
                Math.max(2, sources().size() * 2));
    }

    void close(@Disposes ErpClient client) throws IOException {
        client.close();
    }

    @Produces
    @Singleton
    WatermarkStore watermarks(Clock clock) {
        return new WatermarkStore(config.dataDir().resolve("state").resolve("erp"), clock);
    }

    @Produces
    @Singleton
    @Named("erpPolls")
    ErpPolls polls(ErpClient client, WatermarkStore watermarks, FailureClassifier classifier, Clock clock,
            MeterRegistry registry) {
        ErpPolls polls = new ErpPolls(sources(), client, watermarks, classifier, clock);
        for (ErpSource source : sources()) {
            Gauge.builder("ogsm.erp.last.success.seconds", polls,
                            p -> p.lastSuccessSeconds(source.name()))
                    .description("When the ERP source was last polled successfully (epoch seconds)")
                    .tag("source", source.name()).register(registry);
        }
        return polls;
    }
}
