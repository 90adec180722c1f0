package io.ogsm.connector.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings as written: unknown ogsm.* properties and bare-number durations, in plain words. */
class RawSettingsTest {

    private static final Set<String> KEYS = RawSettings.keys().keySet();
    private static final Set<String> DURATIONS = RawSettings.durationKeys(RawSettings.keys());

    private static Map<String, String> problems(RawSettings.Setting... settings) {
        return RawSettings.problems(List.of(settings), KEYS, DURATIONS);
    }

    @Test
    void everyDurationKeyIsFoundAndNoOtherKey() {
        assertTrue(DURATIONS.containsAll(Set.of("ogsm.csv.min-age", "ogsm.csv.poll-interval", "ogsm.api.timeout",
                "ogsm.delivery.initial-backoff")), DURATIONS::toString);
        assertTrue(DURATIONS.size() >= 17, DURATIONS::toString);
        assertTrue(!DURATIONS.contains("ogsm.delivery.concurrency") && !DURATIONS.contains("ogsm.csv.max-file-size"));
    }

    @Test
    void aMisspeltPropertyNamesWhereItCameFromAndTheKeyMeant() {
        assertEquals(Map.of("ogsm.delivery.concurency", "the setting ogsm.delivery.concurency (a -D system property) is "
                        + "no setting of ogsm-connector; did you mean ogsm.delivery.concurrency "
                        + "(OGSM_DELIVERY_CONCURRENCY)?"),
                problems(new RawSettings.Setting("ogsm.delivery.concurency", "4",
                        RawSettings.source("SysPropConfigSource"))));
    }

    @Test
    void aPropertyFarFromEveryKeyPointsAtTheTable() {
        assertEquals("the setting ogsm.zzzz (in /etc/ogsm/config/application.properties) is no setting of "
                        + "ogsm-connector; the settings are listed in README.md, Configuration",
                problems(new RawSettings.Setting("ogsm.zzzz", "1", RawSettings.source(
                        "PropertiesConfigSource[source=file:/etc/ogsm/config/application.properties]")))
                        .get("ogsm.zzzz"));
    }

    @Test
    void aBareNumberDurationNamesTheKeyItsVariableAndAnExampleWithAUnit() {
        assertEquals(Map.of("ogsm.csv.min-age", "ogsm.csv.min-age (OGSM_CSV_MIN_AGE) is 10 (an environment variable): "
                        + "a duration needs a unit, e.g. 10s or 10ms"),
                problems(new RawSettings.Setting("ogsm.csv.min-age", " 10 ", "an environment variable")));
        assertEquals(Set.of("ogsm.api.timeout"),
                problems(new RawSettings.Setting("ogsm.api.timeout", "1.5", "a -D system property")).keySet());
    }

    @Test
    void knownKeysDurationsWithUnitsAndOtherPrefixesPass() {
        assertEquals(Map.of(), problems(
                new RawSettings.Setting("ogsm.csv.min-age", "10s", "x"),
                new RawSettings.Setting("ogsm.api.timeout", "PT5S", "x"),
                new RawSettings.Setting("ogsm.delivery.concurrency", "4", "x"),
                new RawSettings.Setting("quarkus.http.port", "9090", "x"),
                new RawSettings.Setting("camel.main.name", "x", "x")));
    }
}
