package io.ogsm.connector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifest the build generates (target/kubernetes/kubernetes.yml) applies and starts on a plain
 * cluster: checked document by document, as kubectl would get it.
 */
class KubernetesManifestIT {

    private static final Path MANIFEST = Path.of("target", "kubernetes", "kubernetes.yml");
    private static String text;
    private static List<JsonNode> documents;

    @BeforeAll
    static void read() throws Exception {
        text = Files.readString(MANIFEST);
        documents = new ArrayList<>();
        try (var values = new YAMLMapper().readerFor(JsonNode.class).readValues(MANIFEST.toFile())) {
            while (values.hasNext()) {
                JsonNode document = (JsonNode) values.next();
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
    }

    private static JsonNode kind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + MANIFEST));
    }

    @Test
    void theDeploymentRecreatesItsOnePodOnTheDataVolume() {
        JsonNode deployment = kind("Deployment");
        assertEquals("Recreate", deployment.at("/spec/strategy/type").asText(), deployment::toPrettyString);
        assertEquals(1, deployment.at("/spec/replicas").asInt());
    }

    @Test
    void thePodRunsAsTheImagesNumericUserWithTheVolumeWritable() {
        // the image's USER is 1001 too (PackagingIT)
        JsonNode security = kind("Deployment").at("/spec/template/spec/securityContext");
        assertTrue(security.path("runAsNonRoot").asBoolean(), security::toString);
        assertEquals(1001, security.path("runAsUser").asInt(-1), security::toString);
        assertEquals(1001, security.path("fsGroup").asInt(-1), security::toString);
    }

    @Test
    void credentialsComeFromTheSecretAndDataFromTheVolume() {
        JsonNode container = kind("Deployment").at("/spec/template/spec/containers/0");
        assertEquals("ogsm-connector-credentials", container.at("/envFrom/0/secretRef/name").asText());
        assertEquals("/app/data", container.at("/volumeMounts/0/mountPath").asText());
    }

    @Test
    void theImageIsTheConfiguredOneAndPulledOnlyWhenAbsent() {
        JsonNode container = kind("Deployment").at("/spec/template/spec/containers/0");
        String image = container.path("image").asText();
        assertTrue(image.matches("ogsm-connector:[0-9][^/]*"), image);
        assertEquals("IfNotPresent", container.path("imagePullPolicy").asText());
    }

    @Test
    void theClaimTheDeploymentMountsIsInTheManifest() {
        String claim = kind("Deployment").at("/spec/template/spec/volumes/0/persistentVolumeClaim/claimName").asText();
        JsonNode pvc = kind("PersistentVolumeClaim");
        assertEquals(claim, pvc.at("/metadata/name").asText());
        assertEquals("ReadWriteOnce", pvc.at("/spec/accessModes/0").asText());
        assertFalse(pvc.at("/spec/resources/requests/storage").asText().isEmpty(), pvc::toString);
    }

    @Test
    void selectorsHoldNoVersionSoAnUpgradeApplies() {
        JsonNode selector = kind("Deployment").at("/spec/selector/matchLabels");
        assertFalse(selector.has("app.kubernetes.io/version"), selector::toString);
        assertEquals("ogsm-connector", selector.path("app.kubernetes.io/name").asText());
        assertFalse(kind("Service").at("/spec/selector").has("app.kubernetes.io/version"));
    }

    @Test
    void probesAreThereAndNoServiceMonitorUnlessAskedFor() {
        JsonNode container = kind("Deployment").at("/spec/template/spec/containers/0");
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertTrue(documents.stream().noneMatch(d -> "ServiceMonitor".equals(d.path("kind").asText())),
                "a ServiceMonitor fails kubectl apply where the Prometheus Operator is absent");
    }

    @Test
    void nothingOfTheBuildMachineIsInIt() throws Exception {
        String user = System.getProperty("user.name");
        assertFalse(text.contains("/" + user + "/"), "the build machine's user in an image or path: " + user);
        assertFalse(text.contains(System.getProperty("user.dir")), "the build folder");
        assertFalse(text.contains(System.getProperty("user.home") + "/"), "the build user's home");
        assertFalse(text.contains("build-timestamp"), "no build time: the same sources give the same manifest");
        String host = java.net.InetAddress.getLocalHost().getHostName();
        assertFalse(host.length() > 3 && text.contains(host), "the build machine's name: " + host);
    }
}
