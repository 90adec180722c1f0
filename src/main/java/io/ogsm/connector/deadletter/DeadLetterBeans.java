package io.ogsm.connector.deadletter;

import io.ogsm.connector.files.DataFolder;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.delivery.DeliveryMetrics;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.FailureClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The dead-letter beans the routes call by name. */
@ApplicationScoped
public class DeadLetterBeans {

    private final OgsmConfig config;

    public DeadLetterBeans(OgsmConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    DeadLetterStore deadLetterStore(DataFolder data) {
        return new DeadLetterStore(data.resolve("deadletter"));
    }

    @Produces
    @Singleton
    @Named("deadLetters")
    DeadLetters deadLetters(DeadLetterStore store, DeliveryLedger deliveryStore, FailureClassifier classifier,
            DeliveryMetrics metrics, Clock clock) {
        return new DeadLetters(store, deliveryStore, classifier, metrics, clock);
    }

    @Produces
    @Singleton
    @Named("deadLetterTopic")
    DeadLetterTopic deadLetterTopic() {
        return new DeadLetterTopic();
    }
}
