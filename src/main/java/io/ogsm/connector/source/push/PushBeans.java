package io.ogsm.connector.source.push;

import io.ogsm.connector.files.DataFolder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Processor;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** The push source's beans: its queue, the step its route calls per item, and the executor of its split. */
@ApplicationScoped
public class PushBeans {

    private final OgsmConfig config;

    public PushBeans(OgsmConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    @Named("pushQueue")
    PushQueue pushQueue(DeliveryLedger store, Clock clock, MeterRegistry registry, DataFolder data) {
        PushQueue queue = new PushQueue(data.resolve("queue"), store, clock);
        Gauge.builder("ogsm.push.queue.depth", queue, PushQueue::depth)
                .description("Measurements pushed over HTTP and not yet settled").register(registry);
        return queue;
    }

    @Produces
    @Singleton
    @Named("pushQueue.item")
    Processor pushItem(@Named("pushQueue") PushQueue queue) {
        return queue::item;
    }

    @Produces
    @Singleton
    @Named("pushQueue.settled")
    Processor pushSettled(@Named("pushQueue") PushQueue queue) {
        return queue::settled;
    }

    /** The push-queue route's split: the measurements of a queue file, ogsm.delivery.concurrency at a time. */
    @Produces
    @Singleton
    @Named("pushItems")
    ExecutorService pushItems() {
        return Workers.bounded("push-items", config.delivery().concurrency());
    }

    void close(@Disposes @Named("pushItems") ExecutorService pushItems) {
        pushItems.shutdown();
    }
}
