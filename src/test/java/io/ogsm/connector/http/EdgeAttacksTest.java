package io.ogsm.connector.http;

import io.ogsm.connector.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of the edge, each performed against the running app: cross-site calls with the browser's cached
 * credentials, framing, loose and hostile JSON, bodies too large or sent slowly.
 */
@QuarkusTest
class EdgeAttacksTest {

    private static final int PORT = 8081;
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString((Api.ADMIN_USER + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Test
    void aCrossSiteFormCannotReplayOrDiscardWithTheBrowsersCredentials() {
        // what a browser sends for a form auto-submitted by a page on another site, Basic credentials cached
        for (String path : List.of("/api/deadletters/replay?reason=mapping", "/api/deadletters/some-id/replay")) {
            given().header("Authorization", ADMIN).header("Origin", "https://evil.example")
                    .header("Sec-Fetch-Site", "cross-site").contentType("text/plain").body("x=1")
                    .post(path).then().statusCode(403).body("error", containsString("cross-site"));
            given().header("Authorization", ADMIN).header("Origin", "https://evil.example")
                    .contentType("application/x-www-form-urlencoded").body("x=1")
                    .post(path).then().statusCode(403).body("error", containsString("another origin"));
            // an older browser sends neither Origin nor Sec-Fetch-Site: the required header is what stops it
            given().header("Authorization", ADMIN).contentType("text/plain").body("x=1")
                    .post(path).then().statusCode(403).body("error", containsString("X-Requested-By"));
        }
        given().header("Authorization", ADMIN).header("Sec-Fetch-Site", "same-site")
                .delete("/api/deadletters/some-id").then().statusCode(403);
        // the page's own calls and a script's pass
        Api.admin().header("Origin", "http://localhost:" + PORT).header("Sec-Fetch-Site", "same-origin")
                .post("/api/deadletters/replay?reason=mapping").then().statusCode(200);
        Api.admin().post("/api/deadletters/no-such-id/replay").then().statusCode(404);
    }

    @Test
    void everyAnswerForbidsFramingSniffingReferrersAndCaching() {
        for (Response answer : List.of(Api.admin().get("/ops"), Api.admin().get("/api/deadletters"),
                given().get("/api/deadletters"), given().get("/q/health/ready"),
                given().contentType("application/json").body("{}").post("/api/measurements"))) {
            String policy = answer.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'")
                    && !policy.contains("unsafe-inline"), () -> "Content-Security-Policy: " + policy);
            assertEquals("DENY", answer.header("X-Frame-Options"));
            assertEquals("nosniff", answer.header("X-Content-Type-Options"));
            assertEquals("no-referrer", answer.header("Referrer-Policy"));
            assertEquals("no-store", answer.header("Cache-Control"));
        }
    }

    @Test
    void theOperatorPageRunsNoInlineScriptOrStyle() {
        String page = Api.admin().get("/ops").then().statusCode(200).extract().asString();
        assertFalse(page.matches("(?s).*<script>.*") || page.contains("<style") || page.matches("(?s).*\\son[a-z]+=.*"),
                page);
        Api.admin().get("/ops/ops.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("X-Requested-By"));
        Api.admin().get("/ops/ops.css").then().statusCode(200).contentType(containsString("text/css"));
        given().get("/ops/ops.js").then().statusCode(401);
    }

    @Test
    void theBasicSchemeIsMatchedInAnyCase() {
        given().header("Authorization", ADMIN.replace("Basic", "basic")).get("/api/deadletters").then().statusCode(200);
        given().header("Authorization", ADMIN.replace("Basic", "BASIC")).get("/api/deadletters").then().statusCode(200);
    }

    @Test
    void aLimitThatIsNotANumberIsA400NamingIt() {
        Api.admin().queryParam("limit", "abc").get("/api/deadletters").then().statusCode(400)
                .contentType(containsString("json")).body("error", containsString("limit"));
        Api.admin().queryParam("limit", "0").get("/api/deadletters").then().statusCode(400);
    }

    @Test
    void looseJsonIsRefusedNamingTheProblem() {
        String item = "{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":3}";
        pushRaw(item + item).statusCode(400).body("error", containsString("content after the JSON value"));
        pushRaw(item + " xyz").statusCode(400).body("error", containsString("line 1"));
        pushRaw("{\"type\":\"kpi\",\"id\":31,\"id\":32,\"at\":\"2026-10-01\",\"value\":3}").statusCode(400)
                .body("error", containsString("appears twice")).body("error", containsString("'id'"));
        pushRaw("[".repeat(10_000) + "]".repeat(10_000)).statusCode(400).body("error", containsString("nested"));
        pushRaw("{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":" + "9".repeat(1001) + "}")
                .statusCode(400).body("error", containsString("number"));
        pushRaw("{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":1e9999999999}").statusCode(400);
        pushRaw("{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":1e999999}").statusCode(422)
                .body("items[0].errors[0].field", equalTo("value"))
                .body("items[0].errors[0].message", containsString("out of range"));
        pushRaw("{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\\u0000\",\"value\":3}").statusCode(422)
                .body("items[0].errors[0].field", equalTo("at"));
        pushRaw("").statusCode(400).body("error", containsString("empty"));
    }

    @Test
    void anUnknownFieldIsAViolationNamingTheClosestKnownOne() {
        pushRaw("{\"type\":\"kpi\",\"titel\":\"Cost per order\",\"at\":\"2026-10-01\",\"val\":3}").statusCode(422)
                .body("items[0].errors.find { it.field == 'titel' }.message", containsString("did you mean 'title'"))
                .body("items[0].errors.find { it.field == 'val' }.message", containsString("did you mean 'value'"));
        pushRaw("{\"goal_report\":{\"goal\":{\"id\":11},\"at\":\"2026-10-01\",\"curent_value\":3}}").statusCode(422)
                .body("items[0].errors.find { it.field == 'goal_report.curent_value' }.message",
                        containsString("did you mean 'goal_report.current_value'"));
    }

    @Test
    void aBodyThatIsNotJsonIs415NamingTheAcceptedType() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml", "garbage")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/api/measurements"))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, answer.statusCode(), type + ": " + answer.body());
            assertTrue(answer.body().contains("application/json"), answer.body());
        }
        HttpResponse<String> none = client.send(HttpRequest.newBuilder(uri("/api/measurements"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, none.statusCode(), none.body());
        assertTrue(none.body().contains("application/json"), none.body());
    }

    @Test
    void largeBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        byte[] tenMiB = new byte[10 * 1024 * 1024];
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/api/measurements"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(tenMiB))
                    .build(), HttpResponse.BodyHandlers.ofString()).exceptionally(e -> null));
        }
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            // the server may close the connection while the client still sends: that is a refusal too
            if (response == null || response.statusCode() == 413) {
                refused++;
            }
        }
        assertEquals(100, refused);
        given().contentType("application/json").body("{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}")
                .post("/api/measurements").then().statusCode(413).body("error", containsString("max-body-size"));
    }

    @Test
    void halfSentBodiesStarveNothing() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                Socket socket = new Socket("localhost", PORT);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/measurements HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000000\r\n\r\n{\"type\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            assertAnswersWithinASecond(client, HttpRequest.newBuilder(uri("/q/health/ready")).GET());
            assertAnswersWithinASecond(client, HttpRequest.newBuilder(uri("/api/deadletters"))
                    .header("Authorization", ADMIN).GET());
            assertAnswersWithinASecond(client, HttpRequest.newBuilder(uri("/api/measurements"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-09-30\",\"value\":7}")));
        } finally {
            for (Socket socket : slow) {
                closeQuietly(socket);
            }
        }
    }

    private static void assertAnswersWithinASecond(HttpClient client, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> answer = client.send(request.timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() < 500 || answer.statusCode() == 503, () -> answer.statusCode() + " " + answer.body());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + PORT + path);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }

    private static io.restassured.response.ValidatableResponse pushRaw(String body) {
        return given().contentType("application/json").body(body).post("/api/measurements").then();
    }

    @Test
    void errorAnswersAreJsonAndNameNoSecret() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType(containsString("json"));
        given().put("/api/measurements").then().statusCode(405).contentType(containsString("json"))
                .body(not(containsString("Exception")));
    }
}
