package io.ogsm.connector.source.erp;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts the {@link FakeErp} for the route test and points the test sources file at it: {@code ${ERP_FAKE_URL}} and
 * the secrets the sources refer to are configuration values here (in production: environment variables).
 */
public class FakeErpResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "fake-erp-token-1234";
    public static final String PASSWORD = "fake-erp-password";
    static volatile FakeErp erp;

    @Override
    public Map<String, String> start() {
        try {
            erp = new FakeErp();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ErpSourceRouteTest.serve(erp);
        return Map.of("ogsm.erp.sources-file", "src/test/resources/erp/sources.yaml",
                "ogsm.erp.initial-delay", "100ms",
                "ERP_FAKE_URL", erp.url(),
                "ERP_FAKE_TOKEN", TOKEN,
                "ERP_FAKE_PASSWORD", PASSWORD);
    }

    @Override
    public void stop() {
        if (erp != null) {
            erp.close();
        }
    }
}
