package io.ogsm.connector.delivery;

import io.ogsm.connector.files.DataFolder;
import io.micrometer.core.instrument.MeterRegistry;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.measurement.TitleResolver;
import io.ogsm.connector.ogsm.ApiAccess;
import io.ogsm.connector.ogsm.ApiTarget;
import io.ogsm.connector.ogsm.OgsmClient;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.FailureClassifier;
import io.ogsm.connector.store.WorkspaceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Processor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the delivery route's beans from {@code ogsm.delivery.*}; the routes call them by name. */
@ApplicationScoped
public class DeliveryBeans {

    private final OgsmConfig config;

    public DeliveryBeans(OgsmConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    @Named("deliveryState")
    DeliveryLedger deliveryLedger(Clock clock, DataFolder data, ApiTarget target) {
        OgsmConfig.Delivery d = config.delivery();
        // per workspace; the sandbox's afresh at every start, as its workspace is (and at _control/reset): emptied
        // once open, so under the store's lock
        Path state = WorkspaceState.prepare(data.resolve("state"), target.stateFolder(), EmbeddedLedger.FOLDER,
                !target.sandbox());
        EmbeddedLedger ledger = new EmbeddedLedger(state, d.retention(), d.maxKeys(), clock);
        if (target.sandbox()) {
            ledger.forgetAll();
        }
        return ledger;
    }

    void close(@Disposes DeliveryLedger ledger) {
        ledger.close();
    }

    @Produces
    @Singleton
    RetryPolicy retryPolicy() {
        OgsmConfig.Delivery d = config.delivery();
        return new RetryPolicy(d.maxAttempts(), d.initialBackoff(), d.maxBackoff(), d.retryAfterCap(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Produces
    @Singleton
    TitleResolver titleResolver(OgsmClient client) {
        return TitleResolver.of(client, config.delivery().titleRefreshInterval());
    }

    @Produces
    @Singleton
    DeliveryMetrics metrics(MeterRegistry registry) {
        return new DeliveryMetrics(registry);
    }

    @Produces
    @Singleton
    @Named("delivery")
    Delivery delivery(OgsmClient client, TitleResolver titles, DeliveryLedger store, FailureClassifier classifier,
            RetryPolicy policy, ApiAccess access, DeliveryMetrics metrics, Clock clock) {
        return new Delivery(client, titles, store, classifier, policy, access, metrics, clock);
    }

    /**
     * The per-measurement steps as processors named {@code <bean>.<method>}: a route's
     * {@code process: {ref: delivery.post}} calls the method directly, where a {@code bean} step binds its argument
     * by reflection on every exchange.
     */
    @Produces
    @Singleton
    @Named("delivery.prepare")
    Processor deliveryPrepare(@Named("delivery") Delivery delivery) {
        return delivery::prepare;
    }

    @Produces
    @Singleton
    @Named("delivery.post")
    Processor deliveryPost(@Named("delivery") Delivery delivery) {
        return delivery::post;
    }
}
