package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.deadletter.DeadLetter;
import io.ogsm.connector.deadletter.DeadLetterStore;
import io.ogsm.connector.pipeline.FailureReason;
import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.sandbox.Sandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ERP sources of {@code src/test/resources/erp/sources.yaml} polled from a fake ERP served by the test, every
 * second: what the sandbox stored, what was dead-lettered, which requests the ERP saw, and health.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeErpResource.class, restrictToAnnotatedClass = true)
class ErpSourceRouteTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    static final AtomicBoolean FLAKY_DOWN = new AtomicBoolean();
    static final AtomicBoolean FLAKY_HAS_THIRD_ROW = new AtomicBoolean();
    static final AtomicBoolean LOCKED_OPEN = new AtomicBoolean();
    /** The value the ERP's record C-1 has now (null: the ERP has no records yet). */
    static final java.util.concurrent.atomic.AtomicReference<String> CORRECTED = new java.util.concurrent.atomic.AtomicReference<>();

    @Inject
    Sandbox sandbox;

    @Inject
    DeadLetterStore deadLetters;

    @ConfigProperty(name = "ogsm.data-dir")
    String dataDir;

    /** What each path of the fake ERP answers. */
    static void serve(FakeErp erp) {
        String url = erp.url();
        List<String> odata = List.of(
                "{\"Id\":\"K-1\",\"KpiName\":\"Orders delivered same day\",\"Period\":\"20261031\",\"Amount\":\"91.5\","
                        + "\"Budget\":90,\"ModifiedAt\":\"2026-11-01T08:00:00Z\",\"Note\":\"erp-odata-1\"}",
                "{\"Id\":\"K-2\",\"KpiName\":\"Cost per order, EUR\",\"Period\":\"20261031\",\"Amount\":6.4,"
                        + "\"ModifiedAt\":\"2026-11-01T09:00:00Z\",\"Note\":\"erp-odata-2\"}",
                "{\"Id\":\"K-3\",\"KpiName\":\"Electric vans, share of fleet\",\"Period\":\"20261130\",\"Amount\":23.5,"
                        + "\"Budget\":25,\"ModifiedAt\":\"2026-11-02T10:00:00Z\",\"Note\":\"erp-odata-3\"}",
                "{\"Id\":\"K-4\",\"KpiName\":\"Orders delivered same day\",\"Period\":\"20261345\",\"Amount\":1,"
                        + "\"ModifiedAt\":\"2026-11-02T11:00:00Z\",\"Note\":\"erp-odata-bad\"}");
        erp.on("/odata/Kpis", request -> {
            if (!("Bearer " + FakeErpResource.TOKEN).equals(request.authorization())) {
                return FakeErp.Answer.status(401);
            }
            String since = FakeErp.param(request, "modified_since");
            List<String> newer = odata.stream()
                    .filter(r -> since == null || modifiedAt(r).compareTo(since) > 0).toList();
            boolean second = "2".equals(FakeErp.param(request, "$skiptoken"));
            List<String> page = second ? newer.subList(Math.min(2, newer.size()), newer.size())
                    : newer.subList(0, Math.min(2, newer.size()));
            String next = !second && newer.size() > 2 ? ",\"__next\":\"" + url + "/odata/Kpis?$skiptoken=2"
                    + (since == null ? "" : "&modified_since=" + since) + "\"" : "";
            return FakeErp.Answer.json("{\"d\":{\"results\":[" + String.join(",", page) + "]" + next + "}}");
        });
        erp.on("/linked/kpis", request -> {
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    ("erp:" + FakeErpResource.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (!basic.equals(request.authorization())) {
                return FakeErp.Answer.status(401);
            }
            if ("abc".equals(FakeErp.param(request, "cursor"))) {
                return new FakeErp.Answer(200, Map.of("Link", "</linked/kpis>; rel=\"prev first\""),
                        "[{\"kind\":\"kpi\",\"kpi\":33,\"date\":\"2026-09-30\",\"value\":12,\"note\":\"erp-linked-3\"}]");
            }
            return new FakeErp.Answer(200, Map.of("Link", "<" + url + "/linked/kpis?cursor=abc>; rel=\"next\", <"
                    + url + "/linked/kpis>; rel=\"first\""),
                    "[{\"kind\":\"kpi\",\"kpi\":31,\"date\":\"2026-09-30\",\"value\":88.1,\"note\":\"erp-linked-1\"},"
                            + "{\"kind\":\"indicator\",\"kpi\":\"32\",\"date\":\"2026-09-30T00:00:00Z\",\"value\":\"6.9\","
                            + "\"note\":\"erp-linked-2\"}]");
        });
        erp.on("/paged/goals", request -> {
            if (!FakeErpResource.TOKEN.equals(request.headers().getOrDefault("X-api-key", List.of("")).get(0))
                    || !"acme".equals(FakeErp.param(request, "company"))) {
                return FakeErp.Answer.status(403);
            }
            int page = Integer.parseInt(FakeErp.param(request, "page"));
            int size = Integer.parseInt(FakeErp.param(request, "size"));
            List<String> goals = java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> "{\"goal\":" + (10 + (i % 3) + 1)
                    + ",\"at\":\"2026-0" + i + "-28\",\"v\":" + (100 + i) + ",\"note\":\"erp-paged-" + i + "\"}").toList();
            List<String> slice = goals.subList(Math.min(goals.size(), (page - 1) * size),
                    Math.min(goals.size(), page * size));
            return FakeErp.Answer.json("{\"items\":[" + String.join(",", slice) + "]}");
        });
        erp.on("/flaky", request -> {
            if (FLAKY_DOWN.get()) {
                return FakeErp.Answer.status(503);
            }
            int since = FakeErp.param(request, "since") == null ? 0 : Integer.parseInt(FakeErp.param(request, "since"));
            int offset = Integer.parseInt(FakeErp.param(request, "offset"));
            int limit = Integer.parseInt(FakeErp.param(request, "limit"));
            List<String> rows = java.util.stream.IntStream.rangeClosed(1, FLAKY_HAS_THIRD_ROW.get() ? 3 : 2)
                    .filter(seq -> seq > since)
                    .mapToObj(seq -> "{\"seq\":" + seq + ",\"day\":\"2026-08-0" + seq + "\",\"share\":" + (20 + seq)
                            + ".5,\"note\":\"erp-flaky-" + seq + "\"}").toList();
            List<String> slice = rows.subList(Math.min(rows.size(), offset), Math.min(rows.size(), offset + limit));
            return FakeErp.Answer.json("{\"rows\":[" + String.join(",", slice) + "]}");
        });
        erp.on("/corrected", request -> FakeErp.Answer.json(CORRECTED.get() == null ? "[]"
                : "[{\"Id\":\"C-1\",\"at\":\"2026-09-27\",\"value\":" + CORRECTED.get()
                        + ",\"note\":\"erp-corrected\"},{\"Id\":\"C-2\",\"at\":\"2026-09-27\",\"value\":46,"
                        + "\"note\":\"erp-corrected-other\"}]"));
        erp.on("/locked", request -> LOCKED_OPEN.get()
                ? FakeErp.Answer.json("[{\"at\":\"2026-07-31\",\"value\":77.7,\"note\":\"erp-locked-1\"}]")
                : FakeErp.Answer.status(401));
    }

    private static String modifiedAt(String record) {
        int at = record.indexOf("\"ModifiedAt\":\"") + 14;
        return record.substring(at, record.indexOf('"', at));
    }

    private FakeErp erp() {
        return FakeErpResource.erp;
    }

    /** Stored measurements (KPI and goal) by description, for the descriptions starting with prefix. */
    private Map<String, Long> stored(String prefix) {
        return java.util.stream.Stream.of(OgsmResource.KPI_MEASUREMENTS, OgsmResource.GOAL_MEASUREMENTS)
                .flatMap(r -> StreamSupport.stream(sandbox.workspace().list(r).spliterator(), false))
                .map(m -> m.path("description").asText(""))
                .filter(d -> d.startsWith(prefix))
                .collect(Collectors.groupingBy(d -> d, Collectors.counting()));
    }

    private JsonNode storedOne(OgsmResource resource, String description) {
        return StreamSupport.stream(sandbox.workspace().list(resource).spliterator(), false)
                .filter(m -> m.path("description").asText("").equals(description)).findFirst().orElseThrow();
    }

    private Optional<String> watermarkFile(String source) {
        Path file = Path.of(dataDir, "state", "erp", source + ".json");
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String erpCheck(String field) {
        JsonPath ready = RestAssured.get("/q/health/ready").jsonPath();
        return ready.getString("checks.find { it.name == 'erp' }." + field);
    }

    @Test
    void mapsODataRecordsFollowsTheNextLinkAndPollsFromThePersistedWatermark() {
        await().atMost(WAIT).until(() -> stored("erp-odata-").size() == 3);
        // re-polled several times since: still each once
        int seen = erp().requests("/odata/Kpis").size();
        await().atMost(WAIT).until(() -> erp().requests("/odata/Kpis").size() >= seen + 2);
        assertEquals(Map.of("erp-odata-1", 1L, "erp-odata-2", 1L, "erp-odata-3", 1L), stored("erp-odata-"));
        // the last good poll per source, on /q/metrics (epoch seconds)
        assertTrue(io.ogsm.connector.testing.Api.metric("ogsm_erp_last_success_seconds{source=\"odata\"}")
                > java.time.Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());

        JsonNode first = storedOne(OgsmResource.KPI_MEASUREMENTS, "erp-odata-1");
        assertEquals(31, first.path("indicator").path("id").asInt(), "title 'Orders delivered same day' resolved");
        assertEquals("2026-10-31", first.path("at").asText());
        assertEquals(0, first.path("current_value").decimalValue().compareTo(new java.math.BigDecimal("91.5")));
        assertEquals(0, first.path("target_value").decimalValue().compareTo(new java.math.BigDecimal("90")));
        JsonNode second = storedOne(OgsmResource.KPI_MEASUREMENTS, "erp-odata-2");
        assertEquals(32, second.path("indicator").path("id").asInt());
        assertTrue(second.path("target_value").isNull() || second.path("target_value").isMissingNode());

        // the record that does not map is a dead letter with the reason, the source and the raw record
        List<DeadLetter> letters = deadLetters.list(Optional.of(FailureReason.MAPPING), Optional.of("erp"), 100)
                .stream().filter(l -> "odata".equals(l.source().get("source"))).toList();
        assertEquals(1, letters.size(), () -> letters.toString());
        DeadLetter letter = letters.get(0);
        assertEquals("K-4", letter.source().get("record"));
        assertTrue(letter.message().contains("at '20261345' does not match the pattern yyyyMMdd"), letter.message());
        assertTrue(letter.input().contains("\"Note\":\"erp-odata-bad\""), letter.input());

        // the watermark is the latest ModifiedAt of the settled records (the dead-lettered one included)
        assertTrue(watermarkFile("odata").orElseThrow().contains("\"watermark\" : \"2026-11-02T11:00:00Z\""),
                () -> watermarkFile("odata").toString());
        List<FakeErp.Request> requests = erp().requests("/odata/Kpis");
        assertEquals(null, FakeErp.param(requests.get(0), "modified_since"), "the first poll asks for everything");
        assertEquals("2026-11-02T11:00:00Z", FakeErp.param(requests.get(requests.size() - 1), "modified_since"));
        assertTrue(requests.stream().allMatch(r -> ("Bearer " + FakeErpResource.TOKEN).equals(r.authorization())));
    }

    @Test
    void followsRfc8288LinkHeadersOnACronSchedule() {
        await().atMost(WAIT).until(() -> stored("erp-linked-").size() == 3);
        JsonNode second = storedOne(OgsmResource.KPI_MEASUREMENTS, "erp-linked-2");
        assertEquals(32, second.path("indicator").path("id").asInt());
        assertEquals("2026-09-30", second.path("at").asText());
        assertTrue(erp().requests("/linked/kpis").stream().anyMatch(r -> "cursor=abc".equals(r.query())));
    }

    @Test
    void readsPageAfterPageWithPageAndSizeParametersUntilAShortPage() {
        await().atMost(WAIT).until(() -> stored("erp-paged-").size() == 5);
        assertEquals(12, storedOne(OgsmResource.GOAL_MEASUREMENTS, "erp-paged-1").path("goal").path("id").asInt());
        List<String> pages = erp().requests("/paged/goals").stream().limit(3)
                .map(r -> FakeErp.param(r, "page") + "/" + FakeErp.param(r, "size")).toList();
        assertEquals(List.of("1/2", "2/2", "3/2"), pages);
        assertTrue(erp().requests("/paged/goals").stream().noneMatch(r -> "4".equals(FakeErp.param(r, "page"))),
                "a short page is the last one");
    }

    @Test
    void anErpOutageIsRetriedOnTheNextScheduleWithoutLosingTheWatermark() {
        await().atMost(WAIT).until(() -> watermarkFile("flaky").filter(w -> w.contains("\"watermark\" : \"2\""))
                .isPresent());
        assertEquals(Map.of("erp-flaky-1", 1L, "erp-flaky-2", 1L), stored("erp-flaky-"));

        FLAKY_DOWN.set(true);
        int before = erp().requests("/flaky").size();
        await().atMost(WAIT).until(() -> erpCheck("data.flaky") != null && erpCheck("data.flaky").startsWith("failed: HTTP 503"));
        await().atMost(WAIT).until(() -> erp().requests("/flaky").size() >= before + 3);
        assertEquals("UP", erpCheck("status"), "an outage is not a credentials problem");
        assertTrue(watermarkFile("flaky").orElseThrow().contains("\"watermark\" : \"2\""));

        FLAKY_HAS_THIRD_ROW.set(true);
        FLAKY_DOWN.set(false);
        await().atMost(WAIT).until(() -> stored("erp-flaky-").size() == 3);
        assertEquals(Map.of("erp-flaky-1", 1L, "erp-flaky-2", 1L, "erp-flaky-3", 1L), stored("erp-flaky-"));
        List<FakeErp.Request> requests = erp().requests("/flaky");
        assertTrue(requests.subList(before, requests.size()).stream()
                .allMatch(r -> List.of("2", "3").contains(FakeErp.param(r, "since"))),
                "every poll after the first carried the watermark");
        await().atMost(WAIT).until(() -> watermarkFile("flaky").filter(w -> w.contains("\"watermark\" : \"3\""))
                .isPresent());
    }

    @Test
    void refusedCredentialsTurnReadinessDownNamingTheSourceUntilTheErpAcceptsThem() {
        await().atMost(WAIT).until(() -> "DOWN".equals(erpCheck("status")));
        String detail = erpCheck("data.locked");
        assertTrue(detail.startsWith("credentials refused: the ERP answered HTTP 401"), detail);
        assertTrue(detail.contains("check the credentials (auth) of ERP source 'locked'"), detail);
        assertTrue(!detail.contains(FakeErpResource.TOKEN), "no secret in health");
        RestAssured.get("/q/health/ready").then().statusCode(503);

        LOCKED_OPEN.set(true);
        await().atMost(WAIT).until(() -> "UP".equals(erpCheck("status")));
        await().atMost(WAIT).until(() -> stored("erp-locked-").size() == 1);
    }

    /**
     * A record whose value the ERP corrects, 45 to 46 and back, polled every second: each change is posted once, a
     * record polled again unchanged never; another record for the same KPI and date corrects nothing.
     */
    @Test
    void aRecordCorrectedBackToAnEarlierValueIsPostedAgainAndPolledAgainIsNot() {
        for (String value : List.of("45", "46", "45")) {
            CORRECTED.set(value);
            int seen = erp().requests("/corrected").size();
            // two polls that answered this value: the first delivered it, the second found it delivered
            await().atMost(WAIT).until(() -> erp().requests("/corrected").size() >= seen + 2);
        }
        await().atMost(WAIT).until(() -> correctedValues().size() >= 3);
        assertEquals(List.of(45.0, 46.0, 45.0), correctedValues());
        assertEquals(Map.of("erp-corrected-other", 1L), stored("erp-corrected-other"));
    }

    private List<Double> correctedValues() {
        return StreamSupport.stream(sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS).spliterator(), false)
                .filter(m -> m.path("description").asText().equals("erp-corrected"))
                .map(m -> m.path("current_value").asDouble()).toList();
    }
}
