package io.ogsm.connector.ops;

import io.ogsm.connector.ogsm.OgsmResource;
import io.ogsm.connector.sandbox.FaultSettings;
import io.ogsm.connector.sandbox.Sandbox;
import io.ogsm.connector.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator page in Debian's headless Chromium: a dead letter is listed; clicking Replay, once the API is back,
 * delivers it and the row goes. Needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them).
 */
@QuarkusTest
class OpsPageTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Sandbox sandbox;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws java.io.IOException {
        Api.resetSandbox();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + new File("target", "chromium-" + UUID.randomUUID()).getAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(isolatedChromedriver()).usingAnyFreePort()
                // chromedriver's own output goes to a file, never into the test JVM's stdout
                .withLogFile(new File("target", "chromedriver.log")).build();
        browser = new ChromeDriver(service, options);
    }

    /**
     * chromedriver started through {@code setsid}: it and the browser get a session of their own, so signals meant
     * for them never reach the test JVM's process group.
     */
    private static File isolatedChromedriver() throws java.io.IOException {
        java.nio.file.Path wrapper = java.nio.file.Path.of("target", "chromedriver-isolated.sh").toAbsolutePath();
        java.nio.file.Files.writeString(wrapper, "#!/bin/sh\nexec setsid /usr/bin/chromedriver \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        return wrapper.toFile();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        Api.resetSandbox();
    }

    @Test
    void anonymousVisitorsAreRefused() {
        given().get("/ops").then().statusCode(401);
        given().get("/api/ops/summary").then().statusCode(401);
    }

    @Test
    void clickingReplayDeliversTheDeadLetterAndItsRowGoes() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        sandbox.faults().update(new FaultSettings(1.0, 0, 0, 1, 0, 1L, Set.of("POST")));
        String key = Api.push("{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":5,\"description\":\"" + run + "\"}")
                .statusCode(202).extract().path("items[0].key");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.admin().get("/api/deadletters/" + key)
                .then().statusCode(200));
        sandbox.faults().update(FaultSettings.NONE);

        browser.get("http://" + Api.ADMIN_USER + ":" + Api.ADMIN_PASSWORD + "@" + root.getHost() + ":" + root.getPort() + "/ops");
        By replay = By.cssSelector("button.replay[data-id='" + key + "']");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(replay).isEmpty());
        assertTrue(browser.findElement(By.id("health")).getText().contains("ogsm-api"));
        assertTrue(browser.findElement(By.id("counts")).getText().contains("dead_lettered"));

        browser.findElement(replay).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(By.cssSelector("tr[data-id='" + key + "']")).isEmpty());
        assertTrue(browser.findElement(By.id("message")).getText().contains("delivered"),
                browser.findElement(By.id("message")).getText());
        assertEquals(1, StreamSupport.stream(sandbox.workspace().list(OgsmResource.KPI_MEASUREMENTS).spliterator(), false)
                .filter(m -> m.path("description").asText().equals(run)).count(), "delivered once");
        Api.admin().get("/api/deadletters/" + key).then().statusCode(404);
    }
}
