package io.ogsm.connector.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.ogsm.ApiTarget;
import io.ogsm.connector.ogsm.OgsmClient;
import io.ogsm.connector.store.WorkspaceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.component.file.cluster.FileLockClusterService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The status poller and what it needs; created only when the status route asks for it (Kafka configured). */
@ApplicationScoped
public class StatusBeans {

    private final OgsmConfig config;

    public StatusBeans(OgsmConfig config) {
        this.config = config;
    }

    /**
     * The cluster service of the {@code master:} endpoint in {@code routes/status.yaml}: a file lock under
     * {@code ogsm.status.cluster-dir} (default {@code <data-dir>/cluster}); instances sharing the folder elect one
     * leader, and another takes over within a few seconds when it stops.
     */
    @Produces
    @Singleton
    @Named("statusCluster")
    FileLockClusterService clusterService() {
        FileLockClusterService service = new FileLockClusterService();
        service.setId("ogsm-" + UUID.randomUUID());
        service.setRoot(clusterDir().toString());
        service.setAcquireLockDelay(1, TimeUnit.SECONDS);
        service.setAcquireLockInterval(2, TimeUnit.SECONDS);
        return service;
    }

    @Produces
    @Singleton
    SnapshotStore snapshotStore(ApiTarget target) {
        // per workspace, so a snapshot of one is never diffed against another; the sandbox's afresh at start
        return new SnapshotStore(WorkspaceState.prepare(clusterDir(), target.stateFolder(), SnapshotStore.FOLDER,
                !target.sandbox()), target.sandbox());
    }

    void close(@Disposes SnapshotStore store) {
        store.close();
    }

    private Path clusterDir() {
        return config.status().clusterDir().orElse(config.dataDir().resolve("cluster"));
    }

    @Produces
    @Singleton
    StatusEventPublisher publisher() {
        return new StatusEventPublisher(config);
    }

    void close(@Disposes StatusEventPublisher publisher) {
        publisher.close();
    }

    @Produces
    @Singleton
    @Named("statusPoller")
    StatusPoller poller(OgsmClient client, SnapshotStore snapshots, StatusEventPublisher publisher, ApiTarget target,
            MeterRegistry metrics, Clock clock) {
        return new StatusPoller(client, snapshots, publisher, config.status(), target, metrics, clock);
    }
}
