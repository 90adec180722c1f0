package io.ogsm.connector.e2e;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged app, started the way the README says. */
class PackagedAppIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void startsWithNoConfigurationAgainstItsOwnSandboxAndTakesThePagesCurlExample() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                try {
                    return send(HttpRequest.newBuilder(URI.create(app.url("/q/health/ready")))).statusCode() == 200;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            // curl -H "content-type: application/json" -d '{"goal_report": ...}' -u demo:demo <host>/sandbox/api/v2/goal_reports.json
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(app.url("/sandbox/api/v2/goal_reports.json")))
                    .header("content-type", "application/json")
                    .header("Authorization", basic("demo", "demo"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"goal_report\": {\"goal\": {\"id\": 11}, \"at\": \"2024-10-09\", \"current_value\": 45.6}}")));
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(created.body().contains("\"current_value\":45.6"), created.body());

            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(app.url("/sandbox/api/v2/goals.json")))
                    .header("Authorization", basic("demo", "guess")));
            assertEquals(401, refused.statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(app.url("/q/health/live")))).statusCode());
        }
    }

    @Test
    void withABaseUrlConfiguredTheSandboxIsNotServed() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of(
                "OGSM_API_BASE_URL", "http://127.0.0.1:1",
                "OGSM_API_USERNAME", "api",
                "OGSM_API_PASSWORD", "secret"))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                try {
                    return send(HttpRequest.newBuilder(URI.create(app.url("/q/health/live")))).statusCode() == 200;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            assertEquals(404, send(HttpRequest.newBuilder(URI.create(app.url("/sandbox/api/v2/goals.json")))
                    .header("Authorization", basic("demo", "demo"))).statusCode());
        }
    }

    @Test
    void aBadBaseUrlStopsTheStartNamingTheKeyAndNeverThePassword() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of(
                "OGSM_API_BASE_URL", "ftp://acme.ogsm.online",
                "OGSM_API_USERNAME", "api",
                "OGSM_API_PASSWORD", "hunter2-secret"))) {
            int exit = app.awaitExit(60);
            assertNotEquals(0, exit);
            String output = app.output();
            // the start-up failure message is the user-facing contract here
            assertTrue(output.contains("ogsm.api.base-url (OGSM_API_BASE_URL) must start with https:// or http://"), output);
            assertFalse(output.contains("hunter2-secret"), output);
        }
    }

    @Test
    void aMisspeltEnvironmentVariableStopsTheStartNamingTheSettingMeant() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("OGSM_DELIVERY_CONCURENCY", "4"))) {
            assertNotEquals(0, app.awaitExit(60));
            String output = app.output();
            assertTrue(output.contains("the environment variable OGSM_DELIVERY_CONCURENCY maps to no setting; did you "
                    + "mean OGSM_DELIVERY_CONCURRENCY (ogsm.delivery.concurrency)?"), output);
        }
    }

    @Test
    void aDurationWithoutAUnitStopsTheStartNamingTheKey() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("OGSM_CSV_MIN_AGE", "10"))) {
            assertNotEquals(0, app.awaitExit(60));
            String output = app.output();
            assertTrue(output.contains("ogsm.csv.min-age (OGSM_CSV_MIN_AGE) is 10 (an environment variable): a duration needs a "
                    + "unit, e.g. 10s or 10ms"), output);
        }
    }

    @Test
    void helpPrintsTheProductsUsageAndAnUnknownArgumentStartsNothing() throws Exception {
        for (String[] run : List.of(new String[] {"--help", "0"}, new String[] {"-h", "0"}, new String[] {"--bogus", "2"})) {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", PackagedApp.JAR.toString(), run[0]).redirectErrorStream(true).start();
            assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), run[0] + " ends by itself");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(Integer.parseInt(run[1]), process.exitValue(), output);
            assertTrue(run[1].equals("0") ? output.contains("OGSM_API_BASE_URL") : output.contains("unknown argument"),
                    output);
        }
    }

    @Test
    void aNegativeTimeoutStopsTheStartNamingTheKey() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("OGSM_API_TIMEOUT", "-5s"))) {
            assertNotEquals(0, app.awaitExit(60));
            assertTrue(app.output().contains("ogsm.api.timeout (OGSM_API_TIMEOUT) must be a positive duration"), app.output());
        }
    }

    @Test
    void aRoutesFolderReplacesTheShippedRouteOfTheSameName() throws Exception {
        Path routes = Files.createTempDirectory("ogsm-routes");
        // the same route id as the shipped api-check: loading both would stop the start with a duplicate id
        Files.writeString(routes.resolve("api-check.yaml"), """
                - route:
                    id: api-check
                    from:
                      uri: timer:api-check?repeatCount=1
                      steps:
                        - setBody:
                            constant: replaced
                        - to: file:{{ogsm.data-dir}}/probe?fileName=api-check.txt
                """);
        try (PackagedApp app = PackagedApp.start(Map.of("OGSM_ROUTES_DIR", routes.toString()))) {
            Path probe = app.dataDir.resolve("probe").resolve("api-check.txt");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(probe));
            assertEquals("replaced", Files.readString(probe));
            assertTrue(app.isAlive());
        }
    }

    @Test
    void aMissingRoutesFolderStopsTheStartWithOneLine() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("OGSM_ROUTES_DIR", "/no/such/routes"))) {
            assertNotEquals(0, app.awaitExit(60));
            assertTrue(app.output().contains("ogsm.routes-dir (OGSM_ROUTES_DIR) is /no/such/routes: no such folder"),
                    app.output());
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirStopsWithOneLineNamingTheKey() throws Exception {
        try (PackagedApp first = PackagedApp.start(Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(first::isReady);
            try (PackagedApp second = PackagedApp.start(Map.of(), first.dataDir)) {
                assertNotEquals(0, second.awaitExit(60));
                assertEquals(List.of("Invalid configuration: the data dir is in use by another instance: the delivery "
                        + "state in " + first.dataDir.resolve("state/sandbox/delivery").toAbsolutePath()
                        + " is locked; stop that instance, or give this one its own ogsm.data-dir (OGSM_DATA_DIR)"),
                        second.output().lines().filter(line -> !line.isBlank()).toList());
            }
            assertTrue(first.isReady(), "the first instance goes on");
        }
    }

    @Test
    void aPortInUseStopsTheStartWithOneLineNamingTheKey() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            try (PackagedApp app = PackagedApp.start(Map.of(), Files.createTempDirectory("ogsm-e2e-data"), List.of(),
                    taken.getLocalPort())) {
                assertNotEquals(0, app.awaitExit(60));
                assertEquals(List.of("Invalid configuration: port " + taken.getLocalPort() + " on 0.0.0.0 is in use "
                        + "by another process (Address already in use): stop it, or set another port with "
                        + "quarkus.http.port (QUARKUS_HTTP_PORT)"),
                        app.output().lines().filter(line -> !line.isBlank()).toList());
            }
        }
    }

    @Test
    void thePackageCarriesTheStoresNativeLibraryForEveryPlatformTheReadmeNames() throws Exception {
        Path lib = PackagedApp.JAR.getParent().resolve("lib").resolve("main");
        List<Path> jars;
        try (var files = Files.list(lib)) {
            jars = files.filter(f -> f.getFileName().toString().contains("rocksdbjni")).toList();
        }
        assertEquals(1, jars.size(), () -> "one RocksDB jar in " + lib + ": " + jars);
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(jars.get(0).toFile())) {
            for (String platform : List.of("librocksdbjni-linux64.so", "librocksdbjni-linux-aarch64.so",
                    "librocksdbjni-osx-x86_64.jnilib", "librocksdbjni-osx-arm64.jnilib", "librocksdbjni-win64.dll")) {
                assertTrue(jar.getEntry(platform) != null, () -> jars.get(0) + " lacks " + platform);
            }
        }
    }

    @Test
    void inSandboxModeTheSameCsvIsDeliveredAgainAfterARestartAndAfterAReset() throws Exception {
        Path data = Files.createTempDirectory("ogsm-e2e-data");
        String csv = "type,id,at,value,description\nkpi,31,2026-11-30,90,again-1\nkpi,32,2026-11-30,7,again-2\n";
        for (String run : List.of("first start", "restart")) {
            try (PackagedApp app = PackagedApp.start(Map.of(), data)) {
                await().atMost(Duration.ofSeconds(60)).until(app::isReady);
                drop(app, csv, run);
                await().atMost(Duration.ofSeconds(60)).until(() -> app.storedKpiMeasurements("again-")
                        .equals(Map.of("again-1", 1L, "again-2", 1L)));

                if (run.equals("restart")) {
                    HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(URI.create(
                            app.url("/sandbox/_control/reset"))).header("Authorization", PackagedApp.SANDBOX_AUTH)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, reset.statusCode(), reset.body());
                    assertEquals(Map.of(), app.storedKpiMeasurements("again-"));
                    drop(app, csv, "after reset");
                    await().atMost(Duration.ofSeconds(60)).until(() -> app.storedKpiMeasurements("again-")
                            .equals(Map.of("again-1", 1L, "again-2", 1L)));
                }
            }
        }
    }

    private static void drop(PackagedApp app, String csv, String name) throws Exception {
        Path inbox = app.dataDir.resolve("inbox");
        Files.createDirectories(inbox);
        Path staged = app.dataDir.resolve(name.replace(' ', '-') + ".csv.part");
        Files.writeString(staged, csv);
        Files.move(staged, inbox.resolve(name.replace(' ', '-') + ".csv"));
    }
}
