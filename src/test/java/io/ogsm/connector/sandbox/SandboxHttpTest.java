package io.ogsm.connector.sandbox;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** The sandbox over HTTP, as a user with curl would meet it. */
@QuarkusTest
class SandboxHttpTest {

    private static final String GOAL_REPORTS = "/sandbox/api/v2/goal_reports.json";
    private static final String INDICATOR_REPORTS = "/sandbox/api/v2/indicator_reports.json";

    @Inject
    Sandbox sandbox;

    @AfterEach
    void reset() {
        given().auth().preemptive().basic("demo", "demo").post("/sandbox/_control/reset").then().statusCode(200);
        sandbox.faults().update(SandboxFaults.none());
    }

    @Test
    void servesAllSevenListsBehindBasicAuth() {
        for (String list : new String[] {"objectives", "goals", "strategies", "indicators", "actions",
                "goal_reports", "indicator_reports"}) {
            given().auth().preemptive().basic("demo", "demo")
                    .get("/sandbox/api/v2/" + list + ".json")
                    .then().statusCode(200).contentType(ContentType.JSON).body("size()", greaterThan(0));
        }
    }

    @Test
    void thePagesCurlExamplesWorkWithTheSeedIds() {
        // the page's own bodies, with ids of the demo workspace in place of 123
        given().auth().preemptive().basic("demo", "demo").contentType("application/json")
                .body("{\"goal_report\": {\"goal\": {\"id\": 11}, \"at\": \"2024-10-09\", \"current_value\": 45.6}}")
                .post(GOAL_REPORTS)
                .then().statusCode(201).body("id", notNullValue()).body("goal.id", equalTo(11))
                .body("current_value", equalTo(45.6f));
        given().auth().preemptive().basic("demo", "demo").contentType("application/json")
                .body("{\"indicator_report\": {\"indicator\": {\"id\": 31}, \"at\": \"2024-10-09\", \"current_value\": 45.6}}")
                .post(INDICATOR_REPORTS)
                .then().statusCode(201).body("indicator.id", equalTo(31));
        given().auth().preemptive().basic("demo", "demo").get(INDICATOR_REPORTS)
                .then().body("at", hasItem("2024-10-09"));
    }

    @Test
    void noOrWrongCredentialsGet401WithAJsonError() {
        given().get("/sandbox/api/v2/goals.json")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"))
                .body("error", equalTo("authentication required"));
        given().auth().preemptive().basic("demo", "nope").get("/sandbox/api/v2/goals.json")
                .then().statusCode(401).body("error", equalTo("invalid credentials"));
    }

    @Test
    void badBodiesGet4xxWithAJsonError() {
        given().auth().preemptive().basic("demo", "demo").contentType("text/plain").body("{}")
                .post(GOAL_REPORTS).then().statusCode(415).contentType(ContentType.JSON)
                .body("error", startsWith("Content-Type must be application/json"));
        given().auth().preemptive().basic("demo", "demo").contentType("application/json").body("{\"goal_report\": ")
                .post(GOAL_REPORTS).then().statusCode(400).body("error", startsWith("malformed JSON"));
        given().auth().preemptive().basic("demo", "demo").contentType("application/json")
                .body("{\"goal\": {\"id\": 11}, \"at\": \"2024-10-09\", \"current_value\": 1}")
                .post(GOAL_REPORTS).then().statusCode(422).body("errors.goal_report", notNullValue());
        given().auth().preemptive().basic("demo", "demo").contentType("application/json")
                .body("{\"goal_report\": {\"goal\": {\"id\": 4242}, \"at\": \"2024-10-09\", \"current_value\": 1}}")
                .post(GOAL_REPORTS).then().statusCode(404).body("error", equalTo("goal 4242 not found"));
        given().auth().preemptive().basic("demo", "demo").contentType("application/json")
                .body("{\"goal_report\": {\"goal\": {\"id\": 11}, \"at\": \"9-10-2024\", \"current_value\": 1}}")
                .post(GOAL_REPORTS).then().statusCode(422).body("errors.at", hasItem("must be a date as yyyy-MM-dd"));
        given().auth().preemptive().basic("demo", "demo").contentType("application/json")
                .body("{\"goal_report\": {\"goal\": {\"id\": 11}, \"at\": \"2024-10-09\", \"current_value\": \"lots\"}}")
                .post(GOAL_REPORTS).then().statusCode(422).body("errors.current_value", hasItem("must be a number"));
        given().auth().preemptive().basic("demo", "demo").contentType("application/json").body("{}")
                .post("/sandbox/api/v2/goals.json").then().statusCode(405).header("Allow", "GET");
        given().auth().preemptive().basic("demo", "demo").get("/sandbox/api/v2/nothing.json")
                .then().statusCode(404).body("error", startsWith("no such resource"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"goal_report\": {\"description\": \"" + "x".repeat(1_100_000) + "\"}}";
        // refused from its Content-Length before it is read (quarkus.http.limits.max-body-size): the answer is 413, or,
        // when the server closes the connection while the client still sends, a broken pipe; both are refusals
        try {
            given().auth().preemptive().basic("demo", "demo").contentType("application/json").body(huge)
                    .post(GOAL_REPORTS).then().statusCode(413);
        } catch (Exception closedWhileSending) {
            assertTrue(closedWhileSending instanceof java.net.SocketException
                    || closedWhileSending.getCause() instanceof java.net.SocketException, closedWhileSending::toString);
        }
    }

    @Test
    void faultsAreSetAtRunTimeThroughTheControlEndpoint() {
        given().auth().preemptive().basic("demo", "demo").contentType("application/json")
                .body("{\"rate_limit_rate\": 1.0, \"retry_after_seconds\": 3, \"seed\": 5}")
                .put("/sandbox/_control/faults").then().statusCode(200).body("methods", hasItem("POST"));
        given().auth().preemptive().basic("demo", "demo").contentType("application/json")
                .body("{\"goal_report\": {\"goal\": {\"id\": 11}, \"at\": \"2024-10-09\", \"current_value\": 1}}")
                .post(GOAL_REPORTS).then().statusCode(429).header("Retry-After", "3");
        given().auth().preemptive().basic("demo", "demo").contentType("application/json")
                .body("{\"rate_limit_rat\": 1.0}")
                .put("/sandbox/_control/faults").then().statusCode(400).body("error", startsWith("bad control request"));
        given().contentType("application/json").body("{}").put("/sandbox/_control/faults").then().statusCode(401);
    }

    @Test
    void entriesCanBeChangedAndDeletedForStatusChangeDemos() {
        given().auth().preemptive().basic("demo", "demo").contentType("application/json")
                .body("{\"traffic_light\": \"red\", \"archived\": true}")
                .patch("/sandbox/_control/goals/11").then().statusCode(200).body("traffic_light", equalTo("red"));
        given().auth().preemptive().basic("demo", "demo").get("/sandbox/api/v2/goals.json")
                .then().body("find { it.id == 11 }.archived", equalTo(true));
        given().auth().preemptive().basic("demo", "demo").delete("/sandbox/_control/strategies/23").then().statusCode(204);
        given().auth().preemptive().basic("demo", "demo").delete("/sandbox/_control/strategies/23").then().statusCode(404);
    }
}
