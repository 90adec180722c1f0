package io.ogsm.connector.config;

import io.ogsm.connector.testing.TestConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up rules of the configuration (each key's type and annotations, then ConfigCheck's rules across keys),
 * each answered with one line naming the key.
 */
class ConfigCheckTest {

    static OgsmConfig config(String... keyValues) {
        return TestConfig.of(keyValues);
    }

    /** The configuration read as the app reads it: Quarkus' converters, OgsmConfigValidator, the ogsm mapping. */
    static io.smallrye.config.SmallRyeConfig read(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Path.class, 100, new PathConverter())
                .withCustomizers(new OgsmConfigValidator())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(OgsmConfig.class)
                .build();
    }

    /** What reading the configuration at start reports, as OgsmConfigValidator runs it in the app. */
    static List<String> problems(String... keyValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        try {
            read(properties);
            return List.of();
        } catch (ConfigValidationException e) {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < e.getProblemCount(); i++) {
                problems.add(e.getProblem(i).getMessage());
            }
            return problems;
        }
    }

    @Test
    void theDefaultsAreValidAndPointAtTheSandbox() {
        OgsmConfig config = config();
        assertEquals(List.of(), problems());
        assertTrue(config.api().baseUrl().isEmpty());
        assertEquals(Path.of("data"), config.dataDir());
        assertEquals(Duration.ofSeconds(30), config.api().timeout());
    }

    @Test
    void aRealApiWithCredentialsIsValid() {
        assertEquals(List.of(), problems(
                "ogsm.api.base-url", "https://acme.ogsm.online",
                "ogsm.api.username", "api", "ogsm.api.password", "s3cret"));
    }

    /** A value its type cannot hold is reported by SmallRye, quoting the value, with our explanation after it. */
    @ParameterizedTest(name = "{0} = {1} is refused naming the key")
    @CsvSource(delimiter = '|', value = {
            "ogsm.api.base-url        | acme.ogsm.online           | ogsm.api.base-url must start with https:// or http://",
            "ogsm.api.base-url        | ftp://acme.ogsm.online     | ogsm.api.base-url must start with https:// or http://",
            "ogsm.api.base-url        | https://                   | ogsm.api.base-url is not a valid URL",
            "ogsm.api.base-url        | https://acme .ogsm.online  | ogsm.api.base-url is not a valid URL",
            "ogsm.api.base-url        | https://acme.ogsm.online?x=1 | ogsm.api.base-url must not have a query",
            "ogsm.api.base-url        | https://acme.ogsm.online/api/v2/ | ogsm.api.base-url must not hold the API path: remove /api/v2/",
            "ogsm.api.base-url        | http://localhost:8080/sandbox/api/v2 | ogsm.api.base-url must not hold the API path: remove /api/v2",
            "ogsm.api.timeout         | -5s                        | ogsm.api.timeout must be a positive duration",
            "ogsm.api.timeout         | 0s                         | ogsm.api.timeout must be a positive duration",
            "ogsm.api.connect-timeout | -1s                        | ogsm.api.connect-timeout must be a positive duration",
            "ogsm.api.max-connections | 0                          | ogsm.api.max-connections must be at least 1",
            "ogsm.sandbox.faults.server-error-rate | 1.5          | ogsm.sandbox.faults.server-error-rate must be between 0 and 1",
            "ogsm.sandbox.faults.latency | -1s                     | ogsm.sandbox.faults.latency must not be negative",
            "ogsm.status.cron         | every five minutes         | ogsm.status.cron 'every five minutes' is not a Quartz cron expression",
            "ogsm.status.mode         | xml                        | ogsm.status.mode must be structured or binary",
            "ogsm.kafka.consumers     | 0                          | ogsm.kafka.consumers must be at least 1",
            "ogsm.delivery.max-attempts | 0                        | ogsm.delivery.max-attempts must be at least 1",
            "ogsm.csv.delimiter       | pipe                       | ogsm.csv.delimiter must be auto, ',', ';' or tab",
            "ogsm.csv.decimal-separator | x                        | ogsm.csv.decimal-separator must be auto, '.' or ','",
            "ogsm.csv.date-formats    | yyyy-MM-dd,ppp-{           | ogsm.csv.date-formats: 'ppp-{' is not a date pattern",
            "ogsm.csv.min-age         | 0s                         | ogsm.csv.min-age must be a positive duration",
            "ogsm.csv.poll-interval   | -1s                        | ogsm.csv.poll-interval must be a positive duration",
            "ogsm.csv.max-file-size   | 10                         | ogsm.csv.max-file-size must be at least 1K",
            "ogsm.csv.max-line-length | 100M                       | ogsm.csv.max-line-length must be between 1K and 64M",
            "ogsm.api.max-response-size | 10                       | ogsm.api.max-response-size must be at least 1K",
            "ogsm.delivery.max-keys   | 999                        | ogsm.delivery.max-keys must be at least 1000",
            "ogsm.delivery.retry-after-cap | -1s                   | ogsm.delivery.retry-after-cap must not be negative",
            "ogsm.status.max-delete-share | 2                      | ogsm.status.max-delete-share must be between 0 and 1",
            "ogsm.kafka.security-protocol | plaintext              | ogsm.kafka.security-protocol must be PLAINTEXT, SSL",
            "ogsm.push.max-body-size  | 16M                        | ogsm.push.max-body-size must be from 1K to 8M",
            "ogsm.csv.min-age         | 10                         | a duration needs a unit, e.g. 10s or 10ms",
            "ogsm.csv.poll-interval   | 5                          | a duration needs a unit, e.g. 5s or 5ms",
            "ogsm.api.timeout         | 1000                       | a duration needs a unit, e.g. 1000s or 1000ms",
    })
    void refusesABadValueNamingTheKey(String key, String value, String expected) {
        List<String> problems = problems(key, value, "ogsm.api.username", "api", "ogsm.api.password", "s3cret");
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        // every message names the key and its environment variable first
        String named = key + " (" + OgsmConfigValidator.variable(key) + ")";
        assertTrue(problems.get(0).startsWith(expected.replaceFirst(java.util.regex.Pattern.quote(key), named))
                || problems.get(0).startsWith(named) && problems.get(0).contains(expected)
                || problems.get(0).contains(key) && problems.get(0).contains("converted " + expected),
                () -> problems.get(0));
    }

    @Test
    void aBaseUrlWithoutCredentialsIsRefused() {
        List<String> problems = problems("ogsm.api.base-url", "https://acme.ogsm.online");
        assertEquals(List.of("ogsm.api.username and ogsm.api.password are required when ogsm.api.base-url is set"),
                problems);
    }

    @Test
    void aBaseUrlWithCredentialsInsideIsRefusedWithoutEchoingThem() {
        List<String> problems = problems(
                "ogsm.api.base-url", "https://api:hunter2@acme.ogsm.online",
                "ogsm.api.username", "api", "ogsm.api.password", "hunter2");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("ogsm.api.base-url (OGSM_API_BASE_URL) must not hold credentials"));
        assertFalse(problems.get(0).contains("hunter2"));
    }

    @Test
    void aMalformedBaseUrlIsRefusedWithoutEchoingIt() {
        List<String> problems = problems(
                "ogsm.api.base-url", "https://api:hunter2@acme .ogsm.online",
                "ogsm.api.username", "api", "ogsm.api.password", "hunter2");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("ogsm.api.base-url (OGSM_API_BASE_URL) is not a valid URL"), problems::toString);
        assertFalse(problems.get(0).contains("hunter2"));
    }

    @Test
    void acceptsEveryDelimiterSpellingOfBefore() {
        for (String text : List.of("auto", ",", "comma", ";", "semicolon", "\t", "tab", "	")) {
            assertEquals(CsvDelimiter.of(text), config("ogsm.csv.delimiter", text).csv().delimiter(), text);
        }
        assertEquals(CsvDecimalSeparator.COMMA, config("ogsm.csv.decimal-separator", ",").csv().decimalSeparator());
        assertEquals(StatusEventMode.BINARY, config("ogsm.status.mode", "binary").status().mode());
        assertEquals(KafkaSecurityProtocol.SASL_SSL,
                config("ogsm.kafka.security-protocol", "SASL_SSL").kafka().securityProtocol());
        assertEquals(List.of("GET", "POST"), config("ogsm.sandbox.faults.methods", "GET,POST").sandbox().faults().methods());
    }

    @Test
    void rulesAcrossKeysNameEveryKeyInvolved() {
        assertEquals(List.of("ogsm.delivery.max-backoff must not be shorter than ogsm.delivery.initial-backoff",
                        "ogsm.kafka.sasl-mechanism and ogsm.kafka.sasl-jaas-config are required with "
                                + "ogsm.kafka.security-protocol=SASL_SSL"),
                problems("ogsm.delivery.initial-backoff", "10s", "ogsm.delivery.max-backoff", "5s",
                        "ogsm.kafka.brokers", "k:9093", "ogsm.kafka.security-protocol", "SASL_SSL"));
    }

    @Test
    void anonymousPushAndPushCredentialsContradictEachOther() {
        assertEquals(List.of("ogsm.push.anonymous=true and ogsm.push.username contradict each other: set one"),
                problems("ogsm.push.anonymous", "true", "ogsm.push.username", "p", "ogsm.push.password", "q"));
    }

    @Test
    void faultRatesMayNotAddUpToMoreThanOne() {
        List<String> problems = problems(
                "ogsm.sandbox.faults.server-error-rate", "0.6", "ogsm.sandbox.faults.rate-limit-rate", "0.6");
        assertEquals(List.of("ogsm.sandbox.faults.*-rate must add up to at most 1"), problems);
    }

    @Test
    void reportsEveryProblemAtOnceAndNoSecret() {
        List<String> problems = problems(
                "ogsm.api.base-url", "nonsense", "ogsm.api.password", "hunter2", "ogsm.api.timeout", "-1s");
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("ogsm.api.base-url")), problems::toString);
        assertFalse(problems.toString().contains("hunter2"));
    }

    @Test
    void aBareNumberAsADurationIsRefusedNamingTheKeyTheValueAndAnExample() {
        List<String> problems = problems("ogsm.csv.min-age", "10");
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("ogsm.csv.min-age (OGSM_CSV_MIN_AGE) is 10 (in test): a duration needs a unit, e.g. 10s or 10ms",
                problems.get(0));
    }

    @Test
    void aMisspeltEnvironmentVariableIsNamedWithTheClosestSetting() {
        java.util.Set<String> keys = io.smallrye.config.ConfigMappings.getProperties(
                io.smallrye.config.ConfigMappings.ConfigClass.configClass(OgsmConfig.class, "ogsm")).keySet();
        assertEquals(List.of(
                "the environment variable OGSM_CSV_DATE_FORMAT maps to no setting; did you mean "
                        + "OGSM_CSV_DATE_FORMATS (ogsm.csv.date-formats)?",
                "the environment variable OGSM_DELIVERY_CONCURENCY maps to no setting; did you mean "
                        + "OGSM_DELIVERY_CONCURRENCY (ogsm.delivery.concurrency)?",
                "the environment variable OGSM_WHATEVER_THIS_IS maps to no setting; the settings are listed in "
                        + "README.md, Configuration"),
                OgsmConfigValidator.unknownVariables(java.util.Set.of("OGSM_DELIVERY_CONCURENCY", "OGSM_CSV_DATE_FORMAT",
                        "OGSM_API_BASE_URL", "OGSM_DELIVERY_CONCURRENCY", "OGSM_WHATEVER_THIS_IS", "PATH",
                        "OGSM_CONNECTOR_SERVICE_HOST", "OGSM_CONNECTOR_PORT_8080_TCP"), keys));
    }

    @Test
    void theRoutesGetEachDurationAsTheMillisecondsTheMappingParsed() {
        io.smallrye.config.SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Path.class, 100, new PathConverter())
                .withCustomizers(new OgsmConfigValidator())
                .withSources(new PropertiesConfigSource(Map.of("ogsm.csv.min-age", "PT2.5S",
                        "ogsm.csv.poll-interval", "1m"), "test", 100))
                .withMapping(OgsmConfig.class)
                .build();

        assertEquals("2500", config.getRawValue("ogsm-millis.csv.min-age"));
        assertEquals("60000", config.getRawValue("ogsm-millis.csv.poll-interval"));
        // a key left at its default: the default, parsed
        assertEquals(String.valueOf(config.getConfigMapping(OgsmConfig.class).api().checkInterval().toMillis()),
                config.getRawValue("ogsm-millis.api.check-interval"));
    }

    @Test
    void aMisspeltPropertyIsNamedWithTheClosestKey() {
        assertEquals(List.of("the setting ogsm.api.base-urll (in test) is no setting of ogsm-connector; did you mean "
                + "ogsm.api.base-url (OGSM_API_BASE_URL)?"), problems("ogsm.api.base-urll", "https://acme.ogsm.online"));
    }

    @Test
    void anUnknownKeyUnderTheOgsmPrefixStopsTheStart() {
        Exception e = assertThrows(Exception.class, () -> config("ogsm.api.base-urll", "https://acme.ogsm.online"));
        assertTrue(e.getMessage().contains("ogsm.api.base-urll"), e::getMessage);
    }
}
