package io.ogsm.connector.source.kafka;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Readiness names Kafka as the cause while its brokers do not answer; liveness stays UP. */
@QuarkusTest
@TestProfile(KafkaDownProfile.class)
class KafkaReadinessTest {

    @Test
    void readinessIsDownWhileTheBrokersDoNotAnswer() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'kafka' }.data.error", containsString("127.0.0.1:1")));
        given().get("/q/health/live").then().statusCode(200);
    }
}
