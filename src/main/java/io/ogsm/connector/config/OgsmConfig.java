package io.ogsm.connector.config;

import io.ogsm.connector.config.ConfigConstraints.DatePatterns;
import io.ogsm.connector.config.ConfigConstraints.DurationMin;
import io.ogsm.connector.config.ConfigConstraints.HttpUrl;
import io.ogsm.connector.config.ConfigConstraints.Min;
import io.ogsm.connector.config.ConfigConstraints.QuartzCron;
import io.ogsm.connector.config.ConfigConstraints.Share;
import io.ogsm.connector.config.ConfigConstraints.SizeRange;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.ogsm.connector.config.ConfigConstraints.NOT_NEGATIVE;
import static io.ogsm.connector.config.ConfigConstraints.POSITIVE;

/**
 * Every setting of the connector, under the prefix {@code ogsm}. Each key also works as an environment variable
 * ({@code ogsm.api.base-url} = {@code OGSM_API_BASE_URL}). Routes read the same keys through {@code {{ogsm.*}}}
 * placeholders; a key under {@code ogsm.} that this interface does not know stops the start, so a misspelt key
 * cannot silently do nothing. A key's own rules are its type and annotations (a {@code %s} in a message is the value
 * at fault); rules that span keys live in {@link ConfigCheck}. The README's configuration table lists every key
 * (DocumentedConfigTest).
 */
@ConfigMapping(prefix = "ogsm")
public interface OgsmConfig {

    /** Root of {@code inbox/}, {@code done/}, {@code failed/}, {@code deadletter/} and {@code state/}. */
    @WithDefault("data")
    Path dataDir();

    /**
     * Whether the folders and files the service creates in the data dir may be read by its group ({@code rwxr-x---},
     * {@code rw-r-----}) rather than by the service's user alone.
     */
    @WithDefault("false")
    boolean dataGroupAccess();

    /**
     * A folder of Camel route files ({@code *.yaml}) that replace the shipped routes of the same name and add others;
     * empty: the shipped routes only. {@link RoutesFolder} turns it into Camel's route patterns.
     */
    Optional<Path> routesDir();

    Api api();

    Sandbox sandbox();

    Delivery delivery();

    Admin admin();

    Push push();

    Kafka kafka();

    Status status();

    /** Status changes out: the API's lists polled, diffed against the last snapshot, changes as CloudEvents on Kafka. */
    interface Status {
        /** Poll and publish (needs {@code ogsm.kafka.brokers}). */
        @WithDefault("true")
        boolean enabled();

        /** Time between two polls. */
        @WithDefault("5m")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration interval();

        /** A Quartz cron expression (e.g. {@code 0 0/15 * * * ?}); when set, it replaces the interval. */
        Optional<@QuartzCron String> cron();

        @WithDefault("ogsm.status-changes")
        String topic();

        /** On the very first poll, emit {@code created} for everything instead of taking the snapshot silently. */
        @WithDefault("false")
        boolean emitInitial();

        /** Fields whose changes are not a change (at any depth), comma-separated. */
        @WithDefault("row_order")
        List<String> ignoredFields();

        /** {@code structured} (one JSON document per record) or {@code binary} (ce_ headers, data as the value). */
        @WithDefault("structured")
        @WithConverter(StatusEventMode.FromConfig.class)
        StatusEventMode mode();

        /** A poll that would delete more than this share of a list's snapshot is refused as suspicious. */
        @WithDefault("0.5")
        @Share
        double maxDeleteShare();

        /**
         * Good polls in a row an entity must be missing from before it is announced as deleted (a list read once
         * without it may be a blip); measurements are never announced as deleted.
         */
        @WithDefault("2")
        @Min(value = 1, message = "must be at least 1, was %s")
        int deleteConfirmations();

        /** Where instances take the poller's lock; share it between instances. Default {@code <data-dir>/cluster}. */
        Optional<Path> clusterDir();
    }

    Csv csv();

    /** The CSV drop folder: {@code inbox/} read, {@code done/} and {@code failed/} written, under the data dir. */
    interface Csv {
        /** Date patterns tried in order, comma-separated, e.g. {@code yyyy-MM-dd,d-M-yyyy}. */
        @WithDefault("yyyy-MM-dd")
        @DatePatterns
        List<String> dateFormats();

        /** {@code auto} (detected from the header row), {@code ,}, {@code ;} or {@code tab}. */
        @WithDefault("auto")
        @WithConverter(CsvDelimiter.FromConfig.class)
        CsvDelimiter delimiter();

        /** {@code auto} (a decimal comma where unambiguous), {@code .} or {@code ,}. */
        @WithDefault("auto")
        @WithConverter(CsvDecimalSeparator.FromConfig.class)
        CsvDecimalSeparator decimalSeparator();

        /**
         * {@code auto} (a byte order mark, else UTF-8 unless its first bytes that are not ASCII are no UTF-8, then
         * Windows-1252), {@code utf-8}, {@code windows-1252} or {@code utf-16}.
         */
        @WithDefault("auto")
        @WithConverter(CsvEncoding.FromConfig.class)
        CsvEncoding encoding();

        /** How often the inbox is looked at. */
        @WithDefault("1s")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration pollInterval();

        /** A file is read only once it has not changed for this long (a file still being written is left alone). */
        @WithDefault("2s")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration minAge();

        /** A larger file goes to {@code failed/} unread. */
        @WithDefault("1G")
        @SizeRange(min = "1K", message = "must be at least 1K, was %s")
        MemorySize maxFileSize();

        /** The longest record, in characters; a longer one fails the file from there on. */
        @WithDefault("1M")
        @SizeRange(min = "1K", max = "64M", message = "must be between 1K and 64M, was %s")
        MemorySize maxLineLength();

        /** Validate and resolve every row, write rejects and summary, post nothing. */
        @WithDefault("false")
        boolean dryRun();
    }

    /** Kafka: measurements in, dead letters out. Without brokers no Kafka route starts and nothing connects. */
    interface Kafka {
        /** Bootstrap servers, e.g. {@code kafka-1:9092,kafka-2:9092}; empty turns every Kafka route off. */
        Optional<String> brokers();

        @WithDefault("ogsm.measurements")
        String measurementsTopic();

        @WithDefault("ogsm-connector")
        String groupId();

        @WithDefault("ogsm.deadletter")
        String deadletterTopic();

        /** Consumer threads; partitions are spread over them and delivered in parallel, each in order. */
        @WithDefault("4")
        @Min(value = 1, message = "must be at least 1, was %s")
        int consumers();

        /** A consumer not heard from for this long leaves the group; its partitions go to the others. */
        @WithDefault("45s")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration sessionTimeout();

        /** A message value larger than this is a poison message (dead-lettered, not parsed). */
        @WithDefault("1M")
        MemorySize maxMessageSize();

        /** PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
        @WithDefault("PLAINTEXT")
        @WithConverter(KafkaSecurityProtocol.FromConfig.class)
        KafkaSecurityProtocol securityProtocol();

        /** e.g. PLAIN, SCRAM-SHA-512. */
        Optional<String> saslMechanism();

        /** The JAAS login line for SASL; a secret: never logged. */
        Optional<String> saslJaasConfig();

        Optional<Path> sslTruststoreLocation();

        Optional<String> sslTruststorePassword();

        Optional<String> sslTruststoreType();
    }

    /** The one delivery route: concurrency, retry and the memory of what was delivered. */
    interface Delivery {
        /** Measurements posted at the same time, at most. */
        @WithDefault("8")
        @Min(value = 1, message = "must be at least 1, was %s")
        int concurrency();

        /** Attempts per measurement for failures worth retrying (408, 429, 5xx, timeouts), the first included. */
        @WithDefault("8")
        @Min(value = 1, message = "must be at least 1, was %s")
        int maxAttempts();

        /** Wait before the second attempt; doubles for each further one, with jitter. */
        @WithDefault("500ms")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration initialBackoff();

        /** The longest wait between two attempts. */
        @WithDefault("30s")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration maxBackoff();

        /** A {@code Retry-After} from the API is honoured up to this long. */
        @WithDefault("60s")
        @DurationMin(nanos = 0, message = NOT_NEGATIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration retryAfterCap();

        /** Goal and KPI lists are read again on an unknown title at most this often. */
        @WithDefault("30s")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration titleRefreshInterval();

        /** How long a delivered measurement's key is remembered (a re-sent one after that is posted again). */
        @WithDefault("180d")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration retention();

        /** The most delivered keys remembered; the oldest go first. */
        @WithDefault("1000000")
        @Min(value = 1000, message = "must be at least 1000, was %s")
        long maxKeys();
    }

    /** Credentials of the admin API ({@code /api/deadletters}); without them it answers 401 to everyone. */
    interface Admin {
        Optional<String> username();

        Optional<String> password();

        /** Whether {@code /q/metrics} needs the admin credentials and health answers only its status without them. */
        @WithDefault("false")
        boolean protectMetrics();
    }

    /** The HTTP push source, {@code POST /api/measurements}. */
    interface Push {
        /** The most measurements in one request. */
        @WithDefault("1000")
        @Min(value = 1, message = "must be at least 1, was %s")
        int maxItems();

        /**
         * The largest request body, refused while it is read; at most 8M, the buffer a body is read into without
         * blocking a thread ({@code quarkus.rest.input-buffer-size}).
         */
        @WithDefault("1M")
        @SizeRange(min = "1K", max = "8M", message = "must be from 1K to 8M, was %s")
        MemorySize maxBodySize();

        /**
         * Basic credentials pushers must send; required with a real workspace ({@code ogsm.api.base-url}) unless
         * {@link #anonymous()}.
         */
        Optional<String> username();

        Optional<String> password();

        /** Whether the push API takes callers without credentials although a real workspace is configured. */
        @WithDefault("false")
        boolean anonymous();
    }

    interface Api {
        /** e.g. {@code https://acme.ogsm.online}; empty means the built-in sandbox. */
        @WithConverter(ConfigConstraints.UrlConverter.class)
        Optional<@HttpUrl URI> baseUrl();

        Optional<String> username();

        Optional<String> password();

        /** Read timeout: the longest wait for the next bytes of an answer. */
        @WithDefault("30s")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration timeout();

        @WithDefault("5s")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration connectTimeout();

        /** Bound of the connection pool to the API. */
        @WithDefault("16")
        @Min(value = 1, message = "must be at least 1, was %s")
        int maxConnections();

        /** The largest answer read from the API; larger ones fail rather than fill the heap. */
        @WithDefault("64M")
        @SizeRange(min = "1K", message = "must be at least 1K, was %s")
        MemorySize maxResponseSize();

        /** How often the credentials are checked against the API (readiness turns DOWN when they are refused). */
        @WithDefault("5m")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration checkInterval();
    }

    interface Sandbox {
        /** Serve the OGSM API simulator at {@code /sandbox}. Default: on when no base URL is set, off otherwise. */
        Optional<Boolean> enabled();

        @WithDefault("demo")
        String username();

        @WithDefault("demo")
        String password();

        /** The largest request body the sandbox accepts (413 beyond). */
        @WithDefault("1M")
        MemorySize maxBodySize();

        Faults faults();
    }

    /** Fault injection of the sandbox; every share is a fraction from 0 to 1 of the requests it applies to. */
    interface Faults {
        /** Share of requests answered 503. */
        @WithDefault("0")
        @Share
        double serverErrorRate();

        /** Share of requests answered 429 with {@code Retry-After}. */
        @WithDefault("0")
        @Share
        double rateLimitRate();

        /** The {@code Retry-After} sent with a 429, in whole seconds. */
        @WithDefault("1s")
        @DurationMin(nanos = 0, message = NOT_NEGATIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration retryAfter();

        /** Share of POSTs stored and then answered by dropping the connection (the ambiguous failure). */
        @WithDefault("0")
        @Share
        double dropAfterCommitRate();

        /** Latency added to every request. */
        @WithDefault("0ms")
        @DurationMin(nanos = 0, message = NOT_NEGATIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration latency();

        /** Fixes which requests fail: the same seed, bodies and attempts give the same faults. Empty: random. */
        Optional<Long> seed();

        /** HTTP methods the faults apply to, comma-separated. */
        @WithDefault("POST")
        List<String> methods();
    }

    Intake intake();

    /** How the files of an inbox folder are read: intake profiles. */
    interface Intake {
        /**
         * The profiles file. Empty: {@code config/intake.yaml} if it exists, else no profile. A file named here must
         * exist. Checked at start against {@code schemas/intake.schema.json}; a fault stops the start.
         */
        Optional<Path> profilesFile();
    }

    Erp erp();

    /** ERP REST polling: the sources are declared in a YAML file (see README, "ERP polling"). */
    interface Erp {
        /**
         * The sources file. Empty: {@code config/erp-sources.yaml} if it exists, else no ERP source. A file named
         * here must exist.
         */
        Optional<Path> sourcesFile();

        /** Read timeout of an ERP request: the longest wait for the next bytes of an answer. */
        @WithDefault("30s")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration timeout();

        @WithDefault("5s")
        @DurationMin(nanos = 1, message = POSITIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration connectTimeout();

        /** The largest answer read from an ERP; a larger page fails the poll (retried on the next schedule). */
        @WithDefault("16M")
        MemorySize maxResponseSize();

        /** Pages read in one poll at most, for sources whose {@code paging} does not say {@code max-pages}. */
        @WithDefault("100")
        @Min(value = 1, message = "must be at least 1, was %s")
        int maxPages();

        /** Wait after start before the first poll of an interval-scheduled source. */
        @WithDefault("2s")
        @DurationMin(nanos = 0, message = NOT_NEGATIVE)
        @WithConverter(ConfigConstraints.DurationWithUnit.class)
        Duration initialDelay();
    }
}
