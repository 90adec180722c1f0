package io.ogsm.connector.http;

import io.ogsm.connector.config.InvalidConfigException;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * Stops the start with one line when the HTTP port is taken, before anything else starts: Quarkus would find out
 * only when it binds, after the routes have started, and log three lines of advice without naming the setting.
 */
@ApplicationScoped
public class PortCheck {

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    @ConfigProperty(name = "quarkus.http.host")
    String host;

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        // tests bind their own port (quarkus.http.test-port); port 0 is a free one picked when binding
        if (LaunchMode.current() == LaunchMode.NORMAL && port != 0) {
            problem(host, port).ifPresent(p -> {
                throw new InvalidConfigException(List.of(p));
            });
        }
    }

    /** Why the port cannot be bound on the host, naming the setting to change; empty when it is free. */
    static Optional<String> problem(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as Vert.x binds it: a port left in TIME_WAIT by an earlier run is free
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("port " + port + " on " + host + " is in use by another process (" + e.getMessage()
                    + "): stop it, or set another port with quarkus.http.port (QUARKUS_HTTP_PORT)");
        }
    }
}
