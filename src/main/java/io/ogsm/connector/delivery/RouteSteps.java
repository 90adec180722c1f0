package io.ogsm.connector.delivery;

import io.ogsm.connector.source.csv.CsvDrop;
import io.ogsm.connector.source.kafka.KafkaMeasurements;
import io.ogsm.connector.source.push.PushQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Processor;

/**
 * The steps the routes take for every measurement, as processors named {@code <bean>.<method>}: a route's
 * {@code process: {ref: delivery.post}} calls the method directly, where a {@code bean} step looks the method up and
 * binds its argument by reflection on every exchange (a few percent of the CPU per measurement at thousands a
 * second). Steps taken once per file, poll or dead letter stay {@code bean} steps.
 */
@ApplicationScoped
public class RouteSteps {

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

    @Produces
    @Singleton
    @Named("csvDrop.row")
    Processor csvRow(@Named("csvDrop") CsvDrop csv) {
        return csv::row;
    }

    @Produces
    @Singleton
    @Named("csvDrop.deliver")
    Processor csvDeliver(@Named("csvDrop") CsvDrop csv) {
        return csv::deliver;
    }

    @Produces
    @Singleton
    @Named("csvDrop.rejected")
    Processor csvRejected(@Named("csvDrop") CsvDrop csv) {
        return csv::rejected;
    }

    @Produces
    @Singleton
    @Named("csvDrop.check")
    Processor csvCheck(@Named("csvDrop") CsvDrop csv) {
        return csv::check;
    }

    @Produces
    @Singleton
    @Named("kafkaMeasurements.read")
    Processor kafkaRead(@Named("kafkaMeasurements") KafkaMeasurements kafka) {
        return kafka::read;
    }

    @Produces
    @Singleton
    @Named("kafkaMeasurements.item")
    Processor kafkaItem(@Named("kafkaMeasurements") KafkaMeasurements kafka) {
        return kafka::item;
    }

    @Produces
    @Singleton
    @Named("pushQueue.item")
    Processor pushItem(@Named("pushQueue") PushQueue queue) {
        return queue::item;
    }
}
