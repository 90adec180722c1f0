package io.ogsm.connector.ogsm;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link OgsmClient#createMeasurement} reads only the answer's top-level id, and refuses an answer it cannot trust. */
class OgsmClientCreatedIdTest {

    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<String> received = new AtomicReference<>();
    private HttpServer server;
    private OgsmClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/", exchange -> {
            received.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = new OgsmClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new ApiCredentials("user", "pw"), Duration.ofSeconds(5), Duration.ofSeconds(5), 2, 1024 * 1024);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.stop(0);
    }

    @Test
    void answersTheTopLevelIdAndPostsTheBodyToTheList() {
        answer.set("{\"goal\": {\"id\": 11}, \"id\": 4711, \"children\": [{\"id\": 1}], \"traffic_light\": \"green\"}");

        assertEquals(4711L,
                client.createMeasurement(OgsmResource.GOAL_MEASUREMENTS, Map.of("goal_report", Map.of())));
        assertEquals("POST /api/v2/goal_reports.json {\"goal_report\":{}}", received.get());
    }

    @Test
    void answersNullWhenTheAnswerHasNoIdOfItsOwn() {
        answer.set("{\"indicator\": {\"id\": 31}, \"id\": null}");

        assertNull(client.createMeasurement(OgsmResource.KPI_MEASUREMENTS, Map.of()));
    }

    @Test
    void anAnswerThatIsNoCompleteObjectOrHasAStrangeIdIsMalformed() {
        for (String bad : new String[] {"[{\"id\": 1}]", "{\"id\": \"abc\"}", "{\"id\": 1.5}", "{\"id\": 5, \"x\": [",
                "not json"}) {
            answer.set(bad);
            assertThrows(OgsmMalformedResponseException.class,
                    () -> client.createMeasurement(OgsmResource.KPI_MEASUREMENTS, Map.of()), bad);
        }
    }

    @Test
    void onlyMeasurementsAreCreated() {
        assertThrows(IllegalArgumentException.class,
                () -> client.createMeasurement(OgsmResource.GOALS, Map.of()));
    }
}
