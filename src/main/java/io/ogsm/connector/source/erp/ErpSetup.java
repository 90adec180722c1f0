package io.ogsm.connector.source.erp;

import io.ogsm.connector.files.DataFolder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ogsm.connector.config.InvalidConfigException;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.pipeline.FailureClassifier;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the ERP sources file once, at start (an invalid file stops the start with one line naming the source and the
 * field), and once Camel has started adds one route per source from the {@code erp-source} template of
 * {@code routes/erp.yaml}, its parameters the source's settings, its steps the bean {@code erp-<name>-steps}.
 */
@ApplicationScoped
public class ErpSetup {

    static final String TEMPLATE = "erp-source";

    private final OgsmConfig config;
    private final DataFolder data;
    private final FailureClassifier classifier;
    private final Clock clock;
    private final MeterRegistry registry;
    private volatile List<ErpSource> sources;
    private List<ErpPolls> polls;
    private ErpClient client;

    public ErpSetup(OgsmConfig config, FailureClassifier classifier, Clock clock, MeterRegistry registry,
            DataFolder data) {
        this.config = config;
        this.data = data;
        this.classifier = classifier;
        this.clock = clock;
        this.registry = registry;
    }

    /** An invalid sources file stops the start here (the start-up summary names the sources). */
    void checkAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        sources();
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
        try {
            sources();
        } catch (InvalidConfigException e) {
            // Camel starts before the StartupEvent and would swallow this; checkAtStart stops the start with it
            return;
        }
        for (ErpPolls polls : polls()) {
            ErpSource source = polls.source();
            camel.getRegistry().bind(source.routeId() + "-steps", polls);
            TemplatedRouteBuilder.builder(camel, TEMPLATE)
                    .routeId(source.routeId())
                    .parameters(parameters(source, config.erp().initialDelay()))
                    .add();
        }
    }

    /** The {@code erp-source} template's parameters for a source: its settings, as routes/erp.yaml documents them. */
    static Map<String, Object> parameters(ErpSource source, Duration initialDelay) {
        ErpPaging paging = source.paging();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("name", source.name());
        parameters.put("trigger", source.schedule().endpointUri(source.name(), initialDelay));
        parameters.put("url", source.url().toString());
        parameters.put("items", source.items().expression());
        parameters.put("paging", paging.style().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        parameters.put("max-pages", paging.maxPages());
        switch (paging.style()) {
            case NEXT_LINK -> parameters.put("next", paging.next().expression());
            case PAGE, OFFSET -> {
                parameters.put("page-param", paging.pageParam());
                parameters.put("size-param", paging.sizeParam());
                parameters.put("size", paging.size());
                parameters.put("first-page", paging.style() == ErpPaging.Style.PAGE ? paging.firstPage() : null);
            }
            default -> {
            }
        }
        source.incremental().ifPresent(incremental -> {
            parameters.put("incremental-param", incremental.param());
            parameters.put("incremental-field", incremental.field().expression());
            parameters.put("incremental-initial", incremental.initial().orElse(null));
        });
        parameters.put("record-id", source.recordId().map(ErpPath::expression).orElse(null));
        parameters.values().removeIf(Objects::isNull);
        return parameters;
    }

    /** One poll's steps per source, built once; the client and the watermarks are theirs alone. */
    public synchronized List<ErpPolls> polls() {
        if (polls == null) {
            OgsmConfig.Erp erp = config.erp();
            if (!sources().isEmpty()) {
                client = new ErpClient(erp.connectTimeout(), erp.timeout(), erp.maxResponseSize().asLongValue(),
                        Math.max(2, sources().size() * 2));
            }
            WatermarkStore watermarks = new WatermarkStore(data.resolve("state").resolve("erp"), clock);
            polls = sources().stream().map(source -> new ErpPolls(source, client, watermarks, classifier, clock))
                    .toList();
            for (ErpPolls poll : polls) {
                Gauge.builder("ogsm.erp.last.success.seconds", poll, ErpPolls::lastSuccessSeconds)
                        .description("When the ERP source was last polled successfully (epoch seconds)")
                        .tag("source", poll.source().name()).register(registry);
            }
        }
        return polls;
    }

    @PreDestroy
    void close() throws IOException {
        if (client != null) {
            client.close();
        }
    }
}
