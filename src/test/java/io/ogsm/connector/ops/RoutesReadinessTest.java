package io.ogsm.connector.ops;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Readiness follows the routes: a stopped route turns it DOWN naming the route, and it is UP again once restarted. */
@QuarkusTest
class RoutesReadinessTest {

    @Inject
    CamelContext camel;

    @Test
    void aStoppedRouteMakesTheServiceNotReady() throws Exception {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'routes' }.status", equalTo("UP")));
        camel.getRouteController().stopRoute("api-check");
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'routes' }.data.state", containsString("not running: api-check"));
        } finally {
            camel.getRouteController().startRoute("api-check");
        }
        given().get("/q/health/ready").then().body("checks.find { it.name == 'routes' }.status", equalTo("UP"));
    }
}
