package io.ogsm.connector.ogsm;

import io.ogsm.connector.deadletter.DeadLetterStore;
import io.ogsm.connector.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API refuses our credentials: readiness turns DOWN naming the cause (liveness stays UP), measurements become
 * dead letters with reason {@code auth} at once, and the password shows up nowhere: not in a log record, a dead
 * letter, or an answer of our API.
 */
@QuarkusTest
@TestProfile(RefusedCredentialsProfile.class)
class RefusedCredentialsHealthTest {

    private static final String PASSWORD = RefusedCredentialsProfile.PASSWORD;

    @Inject
    DeadLetterStore deadLetters;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String text = record.getMessage();
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text += " " + parameter;
                }
            }
            if (record.getThrown() != null) {
                text += " " + record.getThrown();
            }
            logged.add(text);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogRecords() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void readinessIsDownWhileTheCredentialsAreRefused() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'ogsm-api' }.data.state", equalTo("CREDENTIALS_REFUSED"))
                .body(not(containsString(PASSWORD))));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void measurementsBecomeAuthDeadLettersAtOnceAndThePasswordIsNowhere() throws IOException {
        String key = Api.push("{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":3}")
                .statusCode(202).extract().path("items[0].key");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.admin().get("/api/deadletters/" + key)
                .then().statusCode(200)
                .body("reason", equalTo("auth"))
                .body("attempts", equalTo(1))
                .body("response_status", equalTo(401)));

        Api.admin().get("/api/deadletters").then().body(not(containsString(PASSWORD)));
        given().get("/api/measurements/" + key).then().body("status", equalTo("dead_lettered"))
                .body(not(containsString(PASSWORD)));
        try (Stream<Path> files = Files.walk(deadLetters.folder().getParent())) {
            // every file, binary ones (the delivery state's database) too: one char per byte finds the ASCII password
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertTrue(!new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(PASSWORD),
                        () -> file + " holds the password");
            }
        }
        assertTrue(logged.stream().noneMatch(line -> line.contains(PASSWORD)), "a log record holds the password");
        assertTrue(!logged.isEmpty(), "log records were captured");
    }
}
