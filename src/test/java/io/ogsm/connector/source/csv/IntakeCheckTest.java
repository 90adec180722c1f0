package io.ogsm.connector.source.csv;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ops.CheckCommandAccess;
import io.ogsm.connector.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file checked before it goes live: each row's verdict, nothing posted; from the admin API and the command line. */
@QuarkusTest
class IntakeCheckTest {

    @TestHTTPResource("/")
    URL base;

    private String run;

    @BeforeEach
    void setUp() {
        Api.resetSandbox();
        run = "check-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String export() {
        return "title;date;value;description\n"
                + "Orders delivered same day;2026-10-31;87,5%;" + run + "-valid\n"
                + "Fleet uptime;2026-10-31;3;" + run + "-unknown\n"
                + "Cost per order, EUR;31-10-2026;7,85;" + run + "-date\n"
                + "Cost per order, EUR;2026-10-30;7,85;" + run + "-delivered\n";
    }

    private static long created() {
        return Api.sandbox().get("/sandbox/_control/stats").then().statusCode(200).extract().jsonPath()
                .getLong("created");
    }

    @Test
    void eachRowsVerdictIsAnsweredAndNothingIsPosted() throws Exception {
        Api.push("{\"type\":\"kpi\",\"id\":32,\"at\":\"2026-10-30\",\"value\":7.85,\"description\":\"" + run
                + "-delivered\"}").statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> created() == 1);

        String answer = Api.admin().queryParam("name", "kpis/october.csv").body(export())
                .post("/api/intake/check").then().statusCode(200).extract().asString();

        JsonNode report = OgsmJson.mapper().readTree(answer);
        assertEquals(4, report.path("rows").asInt(), answer);
        assertEquals(1, report.path("valid").asInt(), answer);
        assertEquals(1, report.path("duplicates").asInt(), answer);
        assertEquals(2, report.path("rejected").asInt(), answer);
        JsonNode valid = report.path("verdicts").get(0);
        assertEquals(Map.of("line", "2", "verdict", "valid", "type", "kpi", "id", "31", "title",
                "Orders delivered same day", "value", "87.5"), Map.of("line", valid.path("line").asText(), "verdict",
                valid.path("verdict").asText(), "type", valid.path("type").asText(), "id", valid.path("id").asText(),
                "title", valid.path("title").asText(), "value", valid.path("value").asText()));
        assertEquals("unknown KPI title 'Fleet uptime'", report.path("verdicts").get(1).path("reason").asText());
        assertTrue(report.path("verdicts").get(2).path("reason").asText().contains("it reads as d-M-yyyy"), answer);
        assertEquals("duplicate", report.path("verdicts").get(3).path("verdict").asText());
        assertEquals(1, created(), "nothing was posted");
    }

    @Test
    void aFileThatCannotBeReadAndAProfileThatDoesNotExistAreRefused() {
        Api.admin().queryParam("name", "x.csv").body("foo;bar\n1;2\n").post("/api/intake/check").then()
                .statusCode(400).body("error", org.hamcrest.Matchers.containsString("header has no column"));
        Api.admin().queryParam("profile", "finance-be").body(export()).post("/api/intake/check").then()
                .statusCode(400).body("error", org.hamcrest.Matchers.startsWith("no intake profile 'finance-be': "
                        + "there are 'finance-nl', 'kpi-by-month'"));
        Api.admin().queryParam("name", "book.pdf").body(export()).post("/api/intake/check").then().statusCode(400);
        given().body(export()).post("/api/intake/check").then().statusCode(401);
    }

    /** A Dutch export tried with its profile by name, and a wide sheet by the folder its name lies in. */
    private String dutch() {
        return "Titel;Datum;Waarde;Omschrijving\n"
                + "Orders delivered same day;3 okt. 2026;87,5%;" + run + "-nl\n"
                + "Cost per order, EUR;31-2-2026;1.234,5;" + run + "-impossible\n";
    }

    @Test
    void aFileIsCheckedWithTheProfileNamedOrItsFoldersProfile() throws Exception {
        JsonNode named = OgsmJson.mapper().readTree(Api.admin().queryParam("profile", "finance-nl")
                .queryParam("name", "export.csv").body(dutch()).post("/api/intake/check").then().statusCode(200)
                .extract().asString());
        assertEquals("finance-nl", named.path("profile").asText(), named::toString);
        assertEquals(1, named.path("valid").asInt(), named::toString);
        JsonNode valid = named.path("verdicts").get(0);
        assertEquals("31", valid.path("id").asText());
        assertEquals("2026-10-03", valid.path("at").asText());
        assertEquals("87.5", valid.path("value").asText());
        assertTrue(named.path("verdicts").get(1).path("reason").asText().contains("February 2026 has 28 days"),
                named::toString);
        // without the profile the same file is not read: its columns have other names
        Api.admin().queryParam("name", "export.csv").body(dutch()).post("/api/intake/check").then().statusCode(400);

        JsonNode wide = OgsmJson.mapper().readTree(Api.admin().queryParam("name", "kpi-wide/2026.csv")
                .body("KPI;jan 2026;feb 2026\nOrders delivered same day;80;81,5\n").post("/api/intake/check")
                .then().statusCode(200).extract().asString());
        assertEquals("kpi-by-month", wide.path("profile").asText(), wide::toString);
        assertEquals(2, wide.path("valid").asInt(), wide::toString);
        assertEquals("2026-02-28", wide.path("verdicts").get(1).path("at").asText());
        assertEquals(0, created(), "nothing was posted");
    }

    @Test
    void theCommandLinePrintsATableAndExitsOneWhenARowIsRejected() throws Exception {
        Path dir = Files.createTempDirectory("intake-check");
        Path file = Files.writeString(dir.resolve("october.csv"), export());
        Map<String, String> env = Map.of("OGSM_ADMIN_USERNAME", Api.ADMIN_USER, "OGSM_ADMIN_PASSWORD",
                Api.ADMIN_PASSWORD, "OGSM_CHECK_URL", base.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = CheckCommandAccess.run(List.of("check", file.toString(), "--name", "kpis/october.csv"), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String table = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, table + err);
        assertTrue(table.startsWith("line   verdict   type id     title"), table);
        assertTrue(table.contains("unknown KPI title 'Fleet uptime'"), table);
        assertTrue(table.contains("kpis/october.csv: 4 rows: 2 valid, 0 duplicates, 2 rejected (read as utf-8; "
                + "nothing was posted)"), table);

        Path dutch = Files.writeString(dir.resolve("export.csv"), dutch());
        ByteArrayOutputStream nl = new ByteArrayOutputStream();
        assertEquals(1, CheckCommandAccess.run(List.of("check", dutch.toString(), "--profile", "finance-nl"), env,
                new PrintStream(nl, true, StandardCharsets.UTF_8), new PrintStream(err)));
        assertTrue(nl.toString(StandardCharsets.UTF_8).contains("February 2026 has 28 days"), nl::toString);
        assertEquals(1, CheckCommandAccess.run(List.of("check", dutch.toString(), "--profile", "nope"), env,
                new PrintStream(out), new PrintStream(err)), "an unknown profile is refused");

        Path fine = Files.writeString(dir.resolve("fine.csv"), "type,id,date,value\nkpi,31,2026-10-01,1\n");
        assertEquals(0, CheckCommandAccess.run(List.of("check", fine.toString()), env, new PrintStream(out),
                new PrintStream(err)));
        assertEquals(3, CheckCommandAccess.run(List.of("check", fine.toString(), "--url", "http://127.0.0.1:1"), env,
                new PrintStream(out), new PrintStream(err)), "no connector there");
        assertEquals(2, CheckCommandAccess.run(List.of("check"), env, new PrintStream(out), new PrintStream(err)));
    }
}
