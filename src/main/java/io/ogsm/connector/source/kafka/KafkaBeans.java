package io.ogsm.connector.source.kafka;

import io.ogsm.connector.config.OgsmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Processor;

/** The Kafka source's beans: the steps its routes call per record and per item. */
@ApplicationScoped
public class KafkaBeans {

    @Produces
    @Singleton
    @Named("kafkaMeasurements")
    KafkaMeasurements kafkaMeasurements(OgsmConfig config) {
        return new KafkaMeasurements(config.kafka());
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
}
