package io.ogsm.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document at {@code /q/openapi} describes what the push and admin APIs really answer: each answer below,
 * made by a real call, has its status documented for its path and method, and its body matches the schema there.
 */
@QuarkusTest
class OpenApiContractTest {

    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        document = OgsmJson.mapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void theDocumentNamesTheApisAndTheirSecurity() {
        assertTrue(document.path("openapi").asText().startsWith("3."));
        assertEquals("basic", document.at("/components/securitySchemes/basic/scheme").asText());
        for (String path : List.of("/api/measurements", "/api/measurements/{key}", "/api/deadletters",
                "/api/deadletters/{id}", "/api/deadletters/{id}/replay", "/api/deadletters/replay")) {
            assertFalse(document.path("paths").path(path).isMissingNode(), path);
        }
    }

    @Test
    void pushAnswersMatchTheDocument() {
        String valid = "{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-06-01\",\"value\":1}";
        Response accepted = given().contentType("application/json").body(valid).post("/api/measurements");
        check("/api/measurements", "post", accepted, 202);
        check("/api/measurements", "post",
                given().contentType("application/json").body("{\"titel\":\"x\"}").post("/api/measurements"), 422);
        check("/api/measurements", "post",
                given().contentType("application/json").body(valid + valid).post("/api/measurements"), 400);
        check("/api/measurements", "post",
                given().contentType("text/plain").body(valid).post("/api/measurements"), 415);
        check("/api/measurements", "post", given().contentType("application/json")
                .body("[" + (valid + ",").repeat(20_000) + valid + "]").post("/api/measurements"), 413);

        String key = accepted.jsonPath().getString("items[0].key");
        check("/api/measurements/{key}", "get", given().get("/api/measurements/" + key), 200);
        check("/api/measurements/{key}", "get", given().get("/api/measurements/nope"), 404);
    }

    @Test
    void adminAnswersMatchTheDocument() {
        String key = Api.push("{\"type\":\"kpi\",\"id\":99999,\"at\":\"2026-06-02\",\"value\":1,\"description\":\"openapi-"
                + System.nanoTime() + "\"}").statusCode(202).extract().path("items[0].key");
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.admin().get("/api/deadletters/" + key).statusCode() == 200);

        check("/api/deadletters", "get", Api.admin().get("/api/deadletters"), 200);
        check("/api/deadletters", "get", Api.admin().queryParam("limit", "abc").get("/api/deadletters"), 400);
        check("/api/deadletters", "get", given().get("/api/deadletters"), 401);
        check("/api/deadletters/{id}", "get", Api.admin().get("/api/deadletters/" + key), 200);
        check("/api/deadletters/{id}", "get", Api.admin().get("/api/deadletters/nope"), 404);
        check("/api/deadletters/{id}/replay", "post", Api.admin().post("/api/deadletters/" + key + "/replay"), 200);
        check("/api/deadletters/{id}/replay", "post", Api.admin().post("/api/deadletters/nope/replay"), 404);
        check("/api/deadletters/{id}/replay", "post", given().auth().preemptive()
                .basic(Api.ADMIN_USER, Api.ADMIN_PASSWORD).post("/api/deadletters/" + key + "/replay"), 403);
        check("/api/deadletters/replay", "post", Api.admin().queryParam("reason", "not_found")
                .post("/api/deadletters/replay"), 200);
        check("/api/deadletters/replay", "post", Api.admin().queryParam("reason", "bogus")
                .post("/api/deadletters/replay"), 400);
        check("/api/deadletters/{id}", "delete", Api.admin().delete("/api/deadletters/" + key), 204);
        check("/api/deadletters/{id}", "delete", Api.admin().delete("/api/deadletters/" + key), 404);
    }

    @Test
    void theSchemasRefuseWhatTheyDoNotDescribe() throws Exception {
        // the check below is not vacuous: an error body of the wrong shape fails it
        assertFalse(errors(document.at("/components/responses/Error/content/application~1json/schema"),
                OgsmJson.mapper().readTree("{\"status\": \"bad\", \"detail\": 1}")).isEmpty());
    }

    private List<String> errors(JsonNode schema, JsonNode body) {
        ObjectNode root = OgsmJson.mapper().createObjectNode();
        root.set("components", document.path("components"));
        root.setAll((ObjectNode) schema.deepCopy());
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root).validate(body)
                .stream().map(Error::toString).toList();
    }

    /** The answer's status is documented for the operation, and its body matches the documented schema. */
    private void check(String path, String method, Response answer, int status) {
        assertEquals(status, answer.statusCode(), () -> method + " " + path + ": " + answer.asString());
        JsonNode response = document.path("paths").path(path).path(method).path("responses").path(Integer.toString(status));
        assertFalse(response.isMissingNode(), () -> method + " " + path + " does not document " + status);
        if (response.has("$ref")) {
            response = document.at(response.path("$ref").asText().substring(1));
        }
        JsonNode schema = response.at("/content/application~1json/schema");
        if (schema.isMissingNode()) {
            assertEquals("", answer.asString(), () -> method + " " + path + " " + status + " documents no body");
            return;
        }
        JsonNode body;
        try {
            body = OgsmJson.mapper().readTree(answer.asString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " " + status + " is not JSON: " + answer.asString(), e);
        }
        assertEquals(List.of(), errors(schema, body), () -> method + " " + path + " " + status + ": " + answer.asString());
    }
}
