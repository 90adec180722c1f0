package io.ogsm.connector.config;

import io.ogsm.connector.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.HashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up rules of the configuration, each answered with one line naming the key. */
class ConfigCheckTest {

    static OgsmConfig config(String... keyValues) {
        return TestConfig.of(keyValues);
    }

    @Test
    void theDefaultsAreValidAndPointAtTheSandbox() {
        OgsmConfig config = config();
        assertEquals(List.of(), ConfigCheck.problems(config));
        assertTrue(config.api().baseUrl().isEmpty());
        assertEquals(Path.of("data"), config.dataDir());
        assertEquals(Duration.ofSeconds(30), config.api().timeout());
    }

    @Test
    void aRealApiWithCredentialsIsValid() {
        assertEquals(List.of(), ConfigCheck.problems(config(
                "ogsm.api.base-url", "https://acme.ogsm.online",
                "ogsm.api.username", "api", "ogsm.api.password", "s3cret")));
    }

    @ParameterizedTest(name = "{0} = {1} is refused naming the key")
    @CsvSource(delimiter = '|', value = {
            "ogsm.api.base-url        | acme.ogsm.online           | ogsm.api.base-url must start with https:// or http://",
            "ogsm.api.base-url        | ftp://acme.ogsm.online     | ogsm.api.base-url must start with https:// or http://",
            "ogsm.api.base-url        | https://                   | ogsm.api.base-url is not a valid URL",
            "ogsm.api.base-url        | https://acme .ogsm.online  | ogsm.api.base-url is not a valid URL",
            "ogsm.api.base-url        | https://acme.ogsm.online?x=1 | ogsm.api.base-url must not have a query",
            "ogsm.api.timeout         | -5s                        | ogsm.api.timeout must be a positive duration",
            "ogsm.api.timeout         | 0s                         | ogsm.api.timeout must be a positive duration",
            "ogsm.api.connect-timeout | -1s                        | ogsm.api.connect-timeout must be a positive duration",
            "ogsm.api.max-connections | 0                          | ogsm.api.max-connections must be at least 1",
            "ogsm.sandbox.faults.server-error-rate | 1.5          | ogsm.sandbox.faults.server-error-rate must be between 0 and 1",
            "ogsm.sandbox.faults.latency | -1s                     | ogsm.sandbox.faults.latency must not be negative",
            "ogsm.status.cron         | every five minutes         | ogsm.status.cron 'every five minutes' is not a Quartz cron expression",
            "ogsm.kafka.consumers     | 0                          | ogsm.kafka.consumers must be at least 1",
            "ogsm.delivery.max-attempts | 0                        | ogsm.delivery.max-attempts must be at least 1",
            "ogsm.csv.date-formats    | yyyy-MM-dd,ppp-{           | ogsm.csv.date-formats: 'ppp-{' is not a date pattern",
            "ogsm.csv.min-age         | 0s                         | ogsm.csv.min-age must be a positive duration",
            "ogsm.csv.poll-interval   | -1s                        | ogsm.csv.poll-interval must be a positive duration",
            "ogsm.csv.max-file-size   | 10                         | ogsm.csv.max-file-size must be at least 1K",
            "ogsm.csv.max-line-length | 100M                       | ogsm.csv.max-line-length must be between 1K and 64M",
    })
    void refusesABadValueNamingTheKey(String key, String value, String expected) {
        List<String> problems = ConfigCheck.problems(config(key, value,
                "ogsm.api.username", "api", "ogsm.api.password", "s3cret"));
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        assertTrue(problems.get(0).startsWith(expected), () -> problems.get(0));
    }

    @ParameterizedTest(name = "{0} = {1} is refused as it is read, naming the key")
    @CsvSource(delimiter = '|', value = {
            "ogsm.status.mode           | xml  | ogsm.status.mode",
            "ogsm.kafka.security-protocol | TLS | ogsm.kafka.security-protocol",
            "ogsm.csv.delimiter         | pipe | ogsm.csv.delimiter must be auto, ',', ';' or tab",
            "ogsm.csv.decimal-separator | x    | ogsm.csv.decimal-separator must be auto, '.' or ','",
    })
    void refusesAValueOfTheWrongTypeNamingTheKey(String key, String value, String expected) {
        Exception e = assertThrows(Exception.class, () -> config(key, value));
        assertTrue(e.getMessage().contains(expected), e::getMessage);
    }

    @Test
    void readsTypedValuesAsWritten() {
        OgsmConfig config = config("ogsm.csv.delimiter", ";", "ogsm.csv.decimal-separator", ",",
                "ogsm.kafka.security-protocol", "SASL_SSL", "ogsm.status.mode", "binary",
                "ogsm.sandbox.faults.methods", "POST,GET", "ogsm.data-dir", "/var/lib/ogsm");
        assertEquals(CsvDelimiter.SEMICOLON, config.csv().delimiter());
        assertEquals(DecimalSeparator.COMMA, config.csv().decimalSeparator());
        assertEquals(SecurityProtocol.SASL_SSL, config.kafka().securityProtocol());
        assertEquals(StatusMode.BINARY, config.status().mode());
        assertEquals(List.of("POST", "GET"), config.sandbox().faults().methods());
        assertEquals(Path.of("/var/lib/ogsm"), config.dataDir());
    }

    @Test
    void aBaseUrlWithoutCredentialsIsRefused() {
        List<String> problems = ConfigCheck.problems(config("ogsm.api.base-url", "https://acme.ogsm.online"));
        assertEquals(List.of("ogsm.api.username and ogsm.api.password are required when ogsm.api.base-url is set"),
                problems);
    }

    @Test
    void aBaseUrlWithCredentialsInsideIsRefusedWithoutEchoingThem() {
        List<String> problems = ConfigCheck.problems(config(
                "ogsm.api.base-url", "https://api:hunter2@acme.ogsm.online",
                "ogsm.api.username", "api", "ogsm.api.password", "hunter2"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("ogsm.api.base-url must not hold credentials"));
        assertFalse(problems.get(0).contains("hunter2"));
    }

    @Test
    void faultRatesMayNotAddUpToMoreThanOne() {
        List<String> problems = ConfigCheck.problems(config(
                "ogsm.sandbox.faults.server-error-rate", "0.6", "ogsm.sandbox.faults.rate-limit-rate", "0.6"));
        assertEquals(List.of("ogsm.sandbox.faults.*-rate must add up to at most 1"), problems);
    }

    @Test
    void requireValidThrowsWithEveryProblemAndNoSecret() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigCheck.requireValid(config(
                "ogsm.api.base-url", "nonsense", "ogsm.api.password", "hunter2", "ogsm.api.timeout", "-1s")));
        assertEquals(3, e.problems().size());
        assertTrue(e.getMessage().startsWith("Invalid configuration: ogsm.api.base-url"));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void anUnknownKeyUnderTheOgsmPrefixStopsTheStart() {
        Exception e = assertThrows(Exception.class, () -> config("ogsm.api.base-urll", "https://acme.ogsm.online"));
        assertTrue(e.getMessage().contains("ogsm.api.base-urll"), e::getMessage);
    }
}
