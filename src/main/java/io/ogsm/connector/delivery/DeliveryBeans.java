package io.ogsm.connector.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.deadletter.DeadLetterStore;
import io.ogsm.connector.deadletter.DeadLetterTopic;
import io.ogsm.connector.source.kafka.KafkaMeasurements;
import io.ogsm.connector.source.kafka.KafkaSetup;
import io.ogsm.connector.deadletter.DeadLetters;
import io.ogsm.connector.measurement.TitleResolver;
import io.ogsm.connector.ogsm.ApiAccess;
import io.ogsm.connector.ogsm.OgsmClient;
import io.ogsm.connector.source.csv.CsvDrop;
import io.ogsm.connector.source.csv.CsvDropFolder;
import io.ogsm.connector.source.csv.CsvOptions;
import io.ogsm.connector.source.push.PushQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.ProducerTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the delivery route's beans from {@code ogsm.delivery.*}; the routes call them by name. */
@ApplicationScoped
public class DeliveryBeans {

    private final OgsmConfig config;

    public DeliveryBeans(OgsmConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    @Named("deliveryState")
    DeliveryStore deliveryStore(Clock clock) {
        OgsmConfig.Delivery d = config.delivery();
        return new DeliveryStore(Path.of(config.dataDir(), "state"), d.retention(), d.maxKeys(), clock);
    }

    void close(@Disposes DeliveryStore store) {
        store.close();
    }

    /** The push-queue route's split: the measurements of a queue file, ogsm.delivery.concurrency at a time. */
    @Produces
    @Singleton
    @Named("pushItems")
    ExecutorService pushItems() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(config.delivery().concurrency(), task -> {
            Thread thread = new Thread(task, "push-items-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void close(@Disposes @Named("pushItems") ExecutorService pushItems) {
        pushItems.shutdown();
    }

    @Produces
    @Singleton
    DeadLetterStore deadLetterStore() {
        return new DeadLetterStore(Path.of(config.dataDir(), "deadletter"));
    }

    @Produces
    @Singleton
    @Named("pushQueue")
    PushQueue pushQueue(DeliveryStore store, Clock clock, MeterRegistry registry) {
        PushQueue queue = new PushQueue(Path.of(config.dataDir(), "queue"), store, clock);
        io.micrometer.core.instrument.Gauge.builder("ogsm.push.queue.depth", queue, PushQueue::depth)
                .description("Measurements pushed over HTTP and not yet settled").register(registry);
        return queue;
    }

    @Produces
    @Singleton
    @Named("kafkaMeasurements")
    KafkaMeasurements kafkaMeasurements() {
        return new KafkaMeasurements(config.kafka());
    }

    @Produces
    @Singleton
    @Named("csvDrop")
    CsvDrop csvDrop(TitleResolver titles, DeliveryStore store, Clock clock, ProducerTemplate producer) {
        OgsmConfig.Csv csv = config.csv();
        CsvOptions options = new CsvOptions(csv.dateFormats(), CsvOptions.Delimiter.parse(csv.delimiter()),
                CsvOptions.DecimalSeparator.parse(csv.decimalSeparator()), null,
                (int) csv.maxLineLength().asLongValue());
        return new CsvDrop(new CsvDropFolder(Path.of(config.dataDir())), options, csv.maxFileSize().asLongValue(),
                csv.dryRun(), titles, store, clock, producer, config.delivery().concurrency());
    }

    @Produces
    @Singleton
    FailureClassifier classifier(Clock clock) {
        return new FailureClassifier(clock);
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
    Delivery delivery(OgsmClient client, TitleResolver titles, DeliveryStore store, FailureClassifier classifier,
            RetryPolicy policy, ApiAccess access, DeliveryMetrics metrics, Clock clock) {
        return new Delivery(client, titles, store, classifier, policy, access, metrics, clock);
    }

    @Produces
    @Singleton
    @Named("deadLetters")
    DeadLetters deadLetters(DeadLetterStore store, DeliveryStore deliveryStore, FailureClassifier classifier,
            DeliveryMetrics metrics, Clock clock, ProducerTemplate producer, KafkaSetup kafka) {
        DeadLetters deadLetters = new DeadLetters(store, deliveryStore, classifier, metrics,
                new DeadLetterTopic(kafka, producer), clock);
        deadLetters.useProducer(producer);
        return deadLetters;
    }
}
