package io.ogsm.connector.http;

import io.ogsm.connector.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * With a real workspace and no push credentials, anyone who reaches the port can write nothing into it; with
 * {@code ogsm.admin.protect-metrics}, metrics and the health checks' details (they name the workspace) need the admin
 * credentials while probes still read the status.
 */
@QuarkusTest
@TestProfile(RealWorkspaceProfile.class)
class SecureDefaultsTest {

    @Test
    void pushRefusesAnonymousCallersNamingTheKeysToSet() {
        given().contentType("application/json").body("{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":3}")
                .post("/api/measurements").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("error", containsString("ogsm.push.username"))
                .body("error", containsString("ogsm.push.anonymous"));
        given().get("/api/measurements/some-key").then().statusCode(401);
        given().get("/sandbox/api/v2/indicator_reports.json").then().statusCode(401);
    }

    @Test
    void metricsNeedTheAdminCredentials() {
        given().get("/q/metrics").then().statusCode(401);
        Api.admin().get("/q/metrics").then().statusCode(200).body(containsString("ogsm_"));
    }

    @Test
    void healthWithoutCredentialsIsTheStatusAloneAndProbesStillWork() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks", nullValue()).body(not(containsString("localhost")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Api.admin().get("/q/health/ready").then().statusCode(200).body("checks.size()", org.hamcrest.Matchers.greaterThan(0));
    }
}
