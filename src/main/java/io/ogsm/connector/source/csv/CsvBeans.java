package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.delivery.DeliveryStore;
import io.ogsm.connector.measurement.TitleResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

import java.time.Clock;

/** The CSV drop's beans: the file steps of its route, and the row steps as processors. */
@ApplicationScoped
public class CsvBeans {

    @Produces
    @Singleton
    @Named("csvDrop")
    CsvDrop csvDrop(OgsmConfig config, TitleResolver titles, DeliveryStore store, Clock clock,
            ProducerTemplate producer) {
        OgsmConfig.Csv csv = config.csv();
        CsvOptions options = new CsvOptions(csv.dateFormats(), csv.delimiter(),
                csv.decimalSeparator(), null,
                (int) csv.maxLineLength().asLongValue());
        return new CsvDrop(new CsvDropFolder(config.dataDir()), options, csv.maxFileSize().asLongValue(),
                csv.dryRun(), titles, store, clock, producer, config.delivery().concurrency());
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
}
