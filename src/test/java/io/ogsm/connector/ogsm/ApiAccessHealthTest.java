package io.ogsm.connector.ogsm;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** With working credentials the api-check route (routes/api-check.yaml) makes readiness UP; liveness answers. */
@QuarkusTest
class ApiAccessHealthTest {

    @Test
    void readinessIsUpOnceTheApiTakesTheCredentials() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'ogsm-api' }.data.state", equalTo("OK")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
