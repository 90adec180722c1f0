package io.ogsm.connector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker/compose.yaml as the README walks through it: every service checked for health, the connector started once
 * the others are healthy, the CSV inbox a host folder, Kafka reachable from the host; and a .dockerignore that keeps
 * the build context to what the Dockerfile copies.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker", "compose.yaml");

    private static JsonNode services() throws Exception {
        return new YAMLMapper().readTree(COMPOSE.toFile()).path("services");
    }

    @Test
    void everyServiceHasAHealthcheckAndTheConnectorWaitsForTheOthersToBeHealthy() throws Exception {
        JsonNode services = services();
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            assertTrue(service.getValue().path("healthcheck").path("test").isArray(), service.getKey() + " has no healthcheck");
        }
        JsonNode dependsOn = services.path("connector").path("depends_on");
        for (String other : List.of("kafka", "ogsm-api")) {
            assertEquals("service_healthy", dependsOn.path(other).path("condition").asText(), dependsOn::toString);
        }
        assertTrue(services.path("connector").path("healthcheck").path("test").get(1).asText()
                .contains("/q/health/ready"), "the connector's check is its readiness");
    }

    @Test
    void theCsvInboxIsAFolderOnTheHost() throws Exception {
        List<String> volumes = new ArrayList<>();
        services().path("connector").path("volumes").forEach(v -> volumes.add(v.asText()));
        assertTrue(volumes.stream().anyMatch(v -> v.matches("\\./[^:]+:/app/data/inbox")), volumes::toString);
    }

    @Test
    void kafkaIsReachableFromTheHostOnASecondListener() throws Exception {
        JsonNode kafka = services().path("kafka");
        String advertised = kafka.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
        Matcher host = Pattern.compile("EXTERNAL://localhost:(\\d+)").matcher(advertised);
        assertTrue(host.find(), advertised);
        assertTrue(advertised.contains("PLAINTEXT://kafka:9092"), "the services keep kafka:9092: " + advertised);
        List<String> ports = new ArrayList<>();
        kafka.path("ports").forEach(p -> ports.add(p.asText()));
        assertTrue(ports.contains(host.group(1) + ":" + host.group(1)), ports::toString);
    }

    @Test
    void theBuildContextHoldsWhatTheDockerfileCopiesAndNothingElse() throws Exception {
        List<String> rules = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Matcher copy = Pattern.compile("(?m)^COPY (?:--\\S+ )*(\\S+) \\S+$")
                .matcher(Files.readString(Path.of("docker", "Dockerfile")));
        int copies = 0;
        while (copy.find()) {
            copies++;
            String source = copy.group(1).replace("*.jar", "quarkus-run.jar");
            assertFalse(ignored(rules, source), ".dockerignore leaves out " + source + ", which the Dockerfile copies");
        }
        assertTrue(copies >= 2, "the Dockerfile's COPY lines were found");
        for (String kept : List.of(".git", "data", "src/main/java", "target/classes", "bench")) {
            assertTrue(ignored(rules, kept), kept + " would be sent to the image build");
        }
    }

    /** Docker's rule: the last pattern that matches decides; a folder's pattern covers what is in it. */
    private static boolean ignored(List<String> rules, String path) {
        String clean = path.replaceAll("/+$", "");
        boolean ignored = false;
        for (String rule : rules) {
            boolean include = rule.startsWith("!");
            String pattern = (include ? rule.substring(1) : rule).replaceAll("/+$", "");
            if (pattern.equals("*") || clean.equals(pattern) || clean.startsWith(pattern + "/")) {
                ignored = !include;
            }
        }
        return ignored;
    }
}
