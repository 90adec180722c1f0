package io.ogsm.connector.delivery;

import io.ogsm.connector.pipeline.SourceRef;
import io.ogsm.connector.pipeline.DeliveryHeaders;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.deadletter.DeadLetterStore;
import io.ogsm.connector.measurement.IdempotencyKey;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.ogsm.OgsmClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import java.math.BigDecimal;
import java.time.LocalDate;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.sandbox.FaultSettings;
import io.ogsm.connector.sandbox.Sandbox;
import io.ogsm.connector.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deliver route against the sandbox with its faults on, fed through the HTTP push source: what the sandbox stored
 * is the measure of success.
 */
@QuarkusTest
class DeliveryRouteTest {

    @Inject
    Sandbox sandbox;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    DeliveryLedger state;

    @Inject
    OgsmClient client;

    @Inject
    ProducerTemplate producer;

    @Inject
    CamelContext camel;

    private String run;

    @BeforeEach
    void setUp() {
        Api.resetSandbox();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        Api.resetSandbox();
    }

    /** Stored KPI measurements of this test run, by description. */
    private Map<String, Long> storedByDescription() {
        JsonNode list = sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS);
        return StreamSupport.stream(list.spliterator(), false)
                .map(m -> m.path("description").asText(""))
                .filter(d -> d.startsWith(run))
                .collect(Collectors.groupingBy(d -> d, Collectors.counting()));
    }

    private String kpiMeasurement(int i) {
        return "{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":" + i + ".5,\"description\":\"" + run
                + "-" + i + "\"}";
    }

    @Test
    void streamCachingIsOffAsConfigured() {
        // application.properties switches it off (no route reads a stream twice); a misspelt key would leave it on
        assertFalse(camel.isStreamCaching());
    }

    @Test
    void deliversAThousandMeasurementsExactlyOnceThrough503s429sAndDroppedConnections() {
        sandbox.faults().update(new FaultSettings(0.20, 0.10, 0.05, 1, 0, 42L, Set.of("POST")));
        String batch = java.util.stream.IntStream.range(0, 1000).mapToObj(this::kpiMeasurement)
                .collect(Collectors.joining(",", "[", "]"));
        Api.push(batch).statusCode(202).body("accepted", equalTo(1000));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> storedByDescription().size() == 1000);
        Map<String, Long> stored = storedByDescription();
        assertEquals(1000, stored.size());
        assertTrue(stored.values().stream().allMatch(count -> count == 1),
                () -> "stored more than once: " + stored.entrySet().stream().filter(e -> e.getValue() > 1).toList());
        JsonNode stats = sandbox.faults().settings() == null ? null
                : OgsmJson.mapper().valueToTree(Api.sandbox().get("/sandbox/_control/stats").as(Map.class));
        assertTrue(stats.path("faults").asLong() > 300, "the faults really happened: " + stats);
        assertTrue(deadLetters.list(java.util.Optional.empty(), java.util.Optional.of("push"), 10).stream()
                .noneMatch(l -> l.measurement() != null && l.measurement().description() != null
                        && l.measurement().description().startsWith(run)), "nothing was dead-lettered");
    }

    @Test
    void postsAtMostTheConfiguredNumberOfMeasurementsAtOnce() {
        sandbox.faults().update(new FaultSettings(0, 0, 0, 1, 100, null, Set.of("POST")));
        String batch = java.util.stream.IntStream.range(0, 40).mapToObj(this::kpiMeasurement)
                .collect(Collectors.joining(",", "[", "]"));
        Api.push(batch).statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> storedByDescription().size() == 40);
        int max = Api.sandbox().get("/sandbox/_control/stats").jsonPath().getInt("max_concurrent_requests");
        assertTrue(max > 1 && max <= 8, "ogsm.delivery.concurrency is 8; the sandbox saw " + max + " at once");
    }

    @Test
    void aPushedMeasurementIsQueuedUntilItSettles() {
        sandbox.faults().update(new FaultSettings(1.0, 0, 0, 1, 0, 1L, Set.of("POST")));
        String key = Api.push(kpiMeasurement(21)).statusCode(202).extract().path("items[0].key");
        io.restassured.RestAssured.get("/api/measurements/" + key).then().body("status", equalTo("queued"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> io.restassured.RestAssured
                .get("/api/measurements/" + key).then().body("status", equalTo("dead_lettered")));
    }

    @Test
    void theSameMeasurementSentTwiceIsPostedOnce() {
        String one = kpiMeasurement(1);
        String key = Api.push(one).statusCode(202).extract().path("items[0].key");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> io.restassured.RestAssured.get("/api/measurements/" + key)
                .then().body("status", equalTo("delivered")).body("ogsm_id", notNullValue()));
        // the same content again, with the value written differently: same key, no second POST
        String again = one.replace("1.5", "1.50");
        assertEquals(key, Api.push(again).statusCode(202).extract().path("items[0].key"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> io.restassured.RestAssured.get("/api/measurements/" + key)
                .then().body("status", equalTo("delivered")));
        assertEquals(Map.of(run + "-1", 1L), storedByDescription());
    }

    @Test
    void theSameMeasurementTwiceInOneRequestIsQueuedOnceAndPostedOnce() {
        String one = kpiMeasurement(2);
        var answer = Api.push("[" + one + ", " + one.replace(".5,", ".50,") + ", " + kpiMeasurement(3) + "]")
                .statusCode(202).body("accepted", equalTo(3)).extract();
        String key = answer.path("items[0].key");
        assertEquals(key, answer.path("items[1].key"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(Map.of(run + "-2", 1L, run + "-3", 1L),
                storedByDescription()));
        io.restassured.RestAssured.get("/api/measurements/" + key).then().body("status", equalTo("delivered"));
    }

    @Test
    void anUnknownKpiIsDeadLetteredAtOnceWithTheApisAnswer() throws Exception {
        String key = Api.push("{\"type\":\"kpi\",\"id\":99999,\"at\":\"2026-10-01\",\"value\":1,\"description\":\"" + run
                + "\"}").statusCode(202).extract().path("items[0].key");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.admin().get("/api/deadletters/" + key).then()
                .statusCode(200)
                .body("reason", equalTo("not_found"))
                .body("attempts", equalTo(1))
                .body("response_status", equalTo(404))
                .body("response_body", org.hamcrest.Matchers.containsString("indicator 99999 not found"))
                .body("request.body.indicator_report.indicator.id", equalTo(99999))
                .body("source.kind", equalTo("push")));
        io.restassured.RestAssured.get("/api/measurements/" + key).then().body("status", equalTo("dead_lettered"))
                .body("reason", equalTo("not_found"));
        // it holds business figures: for the service's user alone, whatever the umask
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(deadLetters.folder())));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(deadLetters.folder().resolve(key + ".json"))));
    }

    /** A push key's status follows its measurement: dead-lettered naming the dead letter, delivered after a replay. */
    @Test
    void aPushedMeasurementsStatusFollowsItThroughADeadLetterAndItsReplay() {
        String title = "Depot uptime " + run;
        String body = "{\"type\":\"kpi\",\"title\":\"" + title + "\",\"at\":\"2026-10-01\",\"value\":97.5,"
                + "\"description\":\"" + run + "-s\"}";
        String key = Api.push(body).statusCode(202).extract().path("items[0].key");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> io.restassured.RestAssured
                .get("/api/measurements/" + key).then().body("status", equalTo("dead_lettered")));
        io.restassured.response.ValidatableResponse lettered = io.restassured.RestAssured
                .get("/api/measurements/" + key).then().body("reason", equalTo("not_found"));
        String letter = lettered.extract().path("dead_letter");
        String accepted = lettered.extract().path("accepted_at");
        Api.admin().get("/api/deadletters/" + letter).then().statusCode(200)
                .body("message", equalTo("unknown KPI title '" + title + "'"));

        Api.sandbox().contentType("application/json").body("{\"title\": \"" + title + "\"}")
                .patch("/sandbox/_control/indicators/33").then().statusCode(200);
        Api.admin().post("/api/deadletters/" + letter + "/replay").then().statusCode(200)
                .body("outcome", equalTo("delivered"));
        io.restassured.response.ValidatableResponse delivered = io.restassured.RestAssured
                .get("/api/measurements/" + key).then()
                .body("status", equalTo("delivered"))
                .body("ogsm_id", org.hamcrest.Matchers.notNullValue())
                .body("dead_letter", org.hamcrest.Matchers.nullValue())
                .body("accepted_at", equalTo(accepted));
        String settled = delivered.extract().path("at");

        // pushed again: a duplicate, which changes nothing about it
        Api.push(body).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.metric("ogsm_push_queue_depth") == 0);
        io.restassured.RestAssured.get("/api/measurements/" + key).then()
                .body("status", equalTo("delivered")).body("accepted_at", equalTo(accepted)).body("at", equalTo(settled));
        assertEquals(Map.of(run + "-s", 1L), storedByDescription());
    }

    /** The id wins nothing: an id and a title of different KPIs is a contradiction, refused naming both. */
    @Test
    void anIdAndATitleOfDifferentKpisAreDeadLetteredNamingBoth() {
        String key = Api.push("{\"type\":\"kpi\",\"id\":31,\"title\":\"Cost per order, EUR\",\"at\":\"2026-10-01\","
                + "\"value\":6.42,\"description\":\"" + run + "\"}").statusCode(202).extract().path("items[0].key");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.admin().get("/api/deadletters/" + key).then()
                .statusCode(200)
                .body("reason", equalTo("validation"))
                .body("message", equalTo("id and title name different KPIs: KPI 31 is 'Orders delivered same day', not "
                        + "'Cost per order, EUR' (that is the title of KPI 32); correct one of them, or give only the id"))
                .body("response_status", org.hamcrest.Matchers.nullValue())
                .body("exception.class", equalTo("io.ogsm.connector.measurement.UnresolvedTitleException")));
        assertEquals(Map.of(), storedByDescription(), "posted to neither KPI");
    }

    @Test
    void anOutageBecomesADeadLetterThatReplayDeliversOnceTheApiIsBack() {
        sandbox.faults().update(new FaultSettings(1.0, 0, 0, 1, 0, 1L, Set.of("POST")));
        String key = Api.push(kpiMeasurement(7)).statusCode(202).extract().path("items[0].key");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.admin().get("/api/deadletters/" + key).then()
                .statusCode(200).body("reason", equalTo("retries_exhausted")).body("attempts", equalTo(30))
                .body("response_status", equalTo(503)));
        assertEquals(Map.of(), storedByDescription());

        sandbox.faults().update(FaultSettings.NONE);
        Api.admin().post("/api/deadletters/" + key + "/replay").then().statusCode(200)
                .body("outcome", equalTo("delivered"));
        assertEquals(Map.of(run + "-7", 1L), storedByDescription());
        Api.admin().get("/api/deadletters/" + key).then().statusCode(404);
    }

    @Test
    void anUnknownTitleIsDeadLetteredAndReplayedOnceTheKpiHasThatTitle() {
        String title = "Fleet uptime " + run;
        Api.push("{\"type\":\"kpi\",\"title\":\"" + title + "\",\"at\":\"2026-10-01\",\"value\":99.1,\"description\":\""
                + run + "-t\"}").statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.admin().queryParam("reason", "not_found")
                .get("/api/deadletters").jsonPath().getList("message", String.class).stream()
                .anyMatch(m -> m.equals("unknown KPI title '" + title + "'")));
        List<Map<String, Object>> letters = Api.admin().queryParam("reason", "not_found").get("/api/deadletters")
                .jsonPath().getList("findAll { it.message.contains('" + run + "') }");
        assertEquals(1, letters.size());
        String id = (String) letters.get(0).get("id");

        Api.sandbox().contentType("application/json").body("{\"title\": \"" + title.toUpperCase() + "\"}")
                .patch("/sandbox/_control/indicators/34").then().statusCode(200);
        Api.admin().post("/api/deadletters/" + id + "/replay").then().statusCode(200)
                .body("outcome", equalTo("delivered"));
        JsonNode stored = StreamSupport.stream(sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS).spliterator(), false)
                .filter(m -> m.path("description").asText().equals(run + "-t")).findFirst().orElseThrow();
        assertEquals(34, stored.path("indicator").path("id").asInt());
    }

    @Test
    void invalidItemsAreAnsweredPerItemAndTheValidOnesProceed() {
        Api.push("[" + kpiMeasurement(3) + ", {\"type\":\"kpi\",\"id\":31,\"at\":\"31-02-2025\",\"value\":\"n/a\"}]")
                .statusCode(202)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("items[1].status", equalTo("rejected"))
                .body("items[1].errors.field", equalTo(List.of("at", "value")))
                .body("items[1].errors[0].value", equalTo("31-02-2025"));
        await().atMost(Duration.ofSeconds(20)).until(() -> storedByDescription().size() == 1);
        Api.push("{\"type\":\"kpi\"}").statusCode(422).body("items", hasSize(1));
        Api.push("not json").statusCode(400);
    }

    @Test
    void aMeasurementLeftInFlightByACrashIsLookedUpInsteadOfPostedAgain() {
        // as if the process died after the API stored the POST but before the connector recorded it
        Measurement m = new Measurement(MeasurementType.KPI, 32L, null, LocalDate.of(2026, 10, 1),
                new BigDecimal("6.25"), null, run + "-crash");
        client.createMeasurement(MeasurementRequests.list(m), MeasurementRequests.body(m));
        state.markInFlight(IdempotencyKey.of(m), m);

        Exchange result = producer.send("direct:deliver", exchange -> {
            exchange.getIn().setBody(m);
            exchange.getIn().setHeader(DeliveryHeaders.SOURCE, SourceRef.of(Map.of("kind", "test")));
        });
        assertEquals(Outcome.DELIVERED, result.getMessage().getHeader(DeliveryHeaders.OUTCOME));
        assertEquals(Map.of(run + "-crash", 1L), storedByDescription());
        assertTrue(state.inFlight(IdempotencyKey.of(m)).isEmpty());
    }

    @Test
    void deliveriesAndDeadLettersAreCountedOnTheMetricsEndpoint() {
        Api.push(kpiMeasurement(11)).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> storedByDescription().size() == 1);
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("ogsm_deliveries_total{outcome=\"delivered\",source=\"push\"}"), metrics);
        assertTrue(metrics.contains("ogsm_delivery_latency_seconds_count{source=\"push\"}"), metrics);
        assertTrue(metrics.contains("ogsm_delivery_in_flight"), metrics);
    }

    @Test
    void retriesDeadLettersByReasonAndTheQueueDepthAreOnTheMetricsEndpoint() {
        double retriesBefore = Api.metric("ogsm_delivery_retries_total{source=\"push\"}");
        double notFoundBefore = Api.metric("ogsm_dead_letters_total{reason=\"not_found\",source=\"push\"}");
        sandbox.faults().update(new FaultSettings(0.5, 0, 0, 1, 0, 7L, Set.of("POST")));
        String batch = java.util.stream.IntStream.range(0, 10).mapToObj(this::kpiMeasurement)
                .collect(Collectors.joining(",", "[", "]"));
        Api.push(batch).statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> storedByDescription().size() == 10);
        sandbox.faults().update(FaultSettings.NONE);
        Api.push("{\"type\":\"kpi\",\"id\":99999,\"at\":\"2026-10-01\",\"value\":1,\"description\":\"" + run
                + "\"}").statusCode(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> Api.metric(
                "ogsm_dead_letters_total{reason=\"not_found\",source=\"push\"}") == nanAsZero(notFoundBefore) + 1);
        assertTrue(Api.metric("ogsm_delivery_retries_total{source=\"push\"}") > nanAsZero(retriesBefore),
                "the 503s were retried and counted");
        // every pushed measurement settled, the dead-lettered one too
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.metric("ogsm_push_queue_depth") == 0);
    }

    /** An alert on rate(...) needs the series before the first event: every known label set is there, at 0 or more. */
    @Test
    void everySeriesWithKnownLabelsIsThereFromStart() {
        for (String source : List.of("csv", "kafka", "push", "erp", "replay")) {
            for (String reason : List.of("validation", "not_found", "auth", "retries_exhausted", "mapping")) {
                String series = "ogsm_dead_letters_total{reason=\"" + reason + "\",source=\"" + source + "\"}";
                assertTrue(Api.metric(series) >= 0, series);
            }
            for (String outcome : List.of("delivered", "duplicate", "dead_lettered")) {
                String series = "ogsm_deliveries_total{outcome=\"" + outcome + "\",source=\"" + source + "\"}";
                assertTrue(Api.metric(series) >= 0, series);
            }
            assertTrue(Api.metric("ogsm_delivery_retries_total{source=\"" + source + "\"}") >= 0, source);
            assertTrue(Api.metric("ogsm_delivery_latency_seconds_count{source=\"" + source + "\"}") >= 0, source);
        }
    }

    private static double nanAsZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    @Test
    void theAdminApiRefusesAnonymousCallersAndDiscardsOnRequest() {
        io.restassured.RestAssured.get("/api/deadletters").then().statusCode(401);
        io.restassured.RestAssured.given().auth().preemptive().basic("admin", "guess").get("/api/deadletters")
                .then().statusCode(401);
        String key = Api.push("{\"type\":\"goal\",\"id\":424242,\"at\":\"2026-10-01\",\"value\":1,\"description\":\"" + run
                + "\"}").extract().path("items[0].key");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.admin().get("/api/deadletters/" + key)
                .then().statusCode(200));
        Api.admin().delete("/api/deadletters/" + key).then().statusCode(204);
        Api.admin().get("/api/deadletters/" + key).then().statusCode(404);
        Api.admin().get("/api/deadletters/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
        Api.admin().queryParam("reason", "bogus").get("/api/deadletters").then().statusCode(400);
    }

    /** 45, 46, 45 pushed for one KPI and date: the workspace's latest for that date is the source's latest, 45. */
    @Test
    void aCorrectionBackToAnEarlierValueIsPostedAgainAndAnUnchangedResendIsNot() {
        for (String value : List.of("45", "46", "45", "45")) {
            Api.push("{\"type\":\"kpi\",\"id\":33,\"at\":\"2026-09-30\",\"value\":" + value
                    + ",\"description\":\"" + run + "-c\"}").statusCode(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> Api.metric("ogsm_push_queue_depth") == 0);
        }
        List<Double> stored = StreamSupport.stream(sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS)
                .spliterator(), false).filter(m -> m.path("description").asText().equals(run + "-c"))
                .map(m -> m.path("current_value").asDouble()).toList();
        assertEquals(List.of(45.0, 46.0, 45.0), stored, "posted three times, the unchanged re-send not");
    }
}
