package io.ogsm.connector.testing;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Calls of the connector's own API and the sandbox's control API, as tests make them. */
public final class Api {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-pw";

    private Api() {
    }

    public static RequestSpecification admin() {
        // X-Requested-By: the admin API refuses a call that changes something without it (a cross-site form cannot send it)
        return given().auth().preemptive().basic(ADMIN_USER, ADMIN_PASSWORD).header("X-Requested-By", "tests");
    }

    public static RequestSpecification sandbox() {
        return given().auth().preemptive().basic("demo", "demo");
    }

    public static ValidatableResponse push(String json) {
        return given().contentType("application/json").body(json).post("/api/measurements").then();
    }

    /**
     * A series' value on {@code /q/metrics} (Prometheus text), e.g. {@code ogsm_dead_letters_total{reason="not_found",
     * source="push"}} (labels in the order Prometheus prints them, alphabetical); NaN when it is not there.
     */
    public static double metric(String series) {
        for (String line : given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return Double.NaN;
    }

    public static void resetSandbox() {
        sandbox().post("/sandbox/_control/reset").then().statusCode(200);
        sandbox().contentType("application/json").body("{}").put("/sandbox/_control/faults").then().statusCode(200);
    }
}
