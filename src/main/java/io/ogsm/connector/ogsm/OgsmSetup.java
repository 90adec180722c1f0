package io.ogsm.connector.ogsm;

import io.ogsm.connector.config.OgsmConfig;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;

/**
 * Builds the API client from the (already checked) configuration. With no {@code ogsm.api.base-url} the
 * connector talks to its own sandbox ({@code ops.StartupSummary} says so at start).
 */
@ApplicationScoped
public class OgsmSetup {


    private final OgsmConfig config;

    public OgsmSetup(OgsmConfig config) {
        this.config = config;
    }

    /** The sandbox is served when asked for, or by default when no base URL is set. */
    public boolean sandboxEnabled() {
        return config.sandbox().enabled().orElse(config.api().baseUrl().isEmpty());
    }

    @Produces
    @Singleton
    public ApiTarget target() {
        OgsmConfig.Api api = config.api();
        if (api.baseUrl().isPresent()) {
            return new ApiTarget(api.baseUrl().get(),
                    new ApiCredentials(api.username().orElseThrow(), api.password().orElseThrow()), false);
        }
        ApiCredentials credentials = new ApiCredentials(
                api.username().orElse(config.sandbox().username()),
                api.password().orElse(config.sandbox().password()));
        return new ApiTarget(URI.create("http://localhost:" + ownHttpPort() + "/sandbox"), credentials, true);
    }

    @Produces
    @Singleton
    public OgsmClient client(ApiTarget target) {
        OgsmConfig.Api api = config.api();
        return new OgsmClient(target.baseUrl(), target.credentials(), api.connectTimeout(), api.timeout(),
                api.maxConnections(), api.maxResponseSize().asLongValue());
    }

    void close(@Disposes OgsmClient client) throws IOException {
        client.close();
    }

    private static int ownHttpPort() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class)
                .orElse(LaunchMode.current() == LaunchMode.TEST ? 8081 : 8080);
    }
}
