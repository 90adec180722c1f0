package io.ogsm.connector.ogsm;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Readiness turns DOWN, naming the cause, while the API refuses the credentials; liveness stays UP. */
@QuarkusTest
@TestProfile(RefusedCredentialsProfile.class)
class RefusedCredentialsHealthTest {

    @Test
    void readinessIsDownWhileTheCredentialsAreRefused() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'ogsm-api' }.data.state", equalTo("CREDENTIALS_REFUSED"))
                .body(not(containsString("not-the-password"))));
        given().get("/q/health/live").then().statusCode(200);
    }
}
