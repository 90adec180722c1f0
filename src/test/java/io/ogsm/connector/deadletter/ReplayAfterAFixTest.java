package io.ogsm.connector.deadletter;

import io.ogsm.connector.http.RealWorkspaceProfile;
import io.ogsm.connector.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A fix in the workspace is seen by the replay that follows it at once, though the title lists were read moments
 * before and may be re-read on a miss only every 30 s (the production default, as in this profile).
 */
@QuarkusTest
@TestProfile(RealWorkspaceProfile.class)
class ReplayAfterAFixTest {

    @ConfigProperty(name = "ogsm.data-dir")
    String dataDir;

    @AfterEach
    void tearDown() {
        Api.resetSandbox();
    }

    @Test
    void aKpiRenamedToTheMissingTitleIsSeenByTheReplayAtOnce() throws Exception {
        String run = "fix-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Fleet uptime " + run;
        Path file = Path.of(dataDir, "inbox", "kpis", run + ".csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file.resolveSibling("." + run), "title;at;value;description\n" + title + ";2026-10-01;99.1;"
                + run + "\n", StandardCharsets.UTF_8);
        Files.move(file.resolveSibling("." + run), file);
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(run).size() == 1);
        String id = (String) letters(run).get(0).get("id");

        Api.sandbox().contentType("application/json").body("{\"title\": \"" + title + "\"}")
                .patch("/sandbox/_control/indicators/34").then().statusCode(200);
        Api.admin().post("/api/deadletters/" + id + "/replay").then().statusCode(200)
                .body("outcome", equalTo("delivered"));
        Api.admin().get("/api/deadletters/" + id).then().statusCode(404);
        assertEquals(1, Api.sandbox().get("/sandbox/api/v2/indicator_reports.json").jsonPath()
                .getList("findAll { it.description == '" + run + "' }").size());
    }

    private static List<Map<String, Object>> letters(String run) {
        return Api.admin().queryParam("reason", "not_found").get("/api/deadletters").jsonPath()
                .getList("findAll { it.measurement?.description == '" + run + "' }");
    }
}
