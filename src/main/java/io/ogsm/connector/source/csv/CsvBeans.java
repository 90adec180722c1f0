package io.ogsm.connector.source.csv;

import io.ogsm.connector.files.DataFolder;
import io.ogsm.connector.config.OgsmConfig;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.Workers;
import io.ogsm.connector.measurement.TitleResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Processor;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** The CSV drop's beans: the file steps of its route, and the row steps as processors. */
@ApplicationScoped
public class CsvBeans {

    @Produces
    @Singleton
    @Named("csvDrop")
    CsvDrop csvDrop(OgsmConfig config, CsvOptions options, TitleResolver titles, DeliveryLedger store, Clock clock,
            DataFolder data, IntakeSetup intake) {
        OgsmConfig.Csv csv = config.csv();
        return new CsvDrop(new CsvDropFolder(data.root()), options, intake::profiles, csv.maxFileSize().asLongValue(),
                csv.dryRun(), titles, store, clock);
    }

    /** How a dropped file is read: {@code ogsm.csv.*}. */
    @Produces
    @Singleton
    CsvOptions csvOptions(OgsmConfig config) {
        OgsmConfig.Csv csv = config.csv();
        return new CsvOptions(csv.dateFormats(), csv.delimiter(), csv.decimalSeparator(), null,
                (int) csv.maxLineLength().asLongValue(), csv.encoding(), null);
    }

    @Produces
    @Singleton
    CsvCheck csvCheck(TitleResolver titles, DeliveryLedger store, Clock clock) {
        return new CsvCheck(titles, store, clock);
    }

    /**
     * The csv-drop route's file filter: nothing outside the inbox, no name it cannot handle, nothing while the intake
     * profiles are not read and valid.
     */
    @Produces
    @Singleton
    @Named("csvInbox")
    CsvInboxFilter csvInbox(OgsmConfig config, IntakeSetup intake) {
        return new CsvInboxFilter(config.dataDir().resolve("inbox"), intake::usable);
    }

    /** The csv-drop route's parallel split: ogsm.delivery.concurrency rows at once; the reader waits beyond that. */
    @Produces
    @Singleton
    @Named("csvRows")
    ExecutorService csvRows(OgsmConfig config) {
        return Workers.bounded("csv-rows", config.delivery().concurrency());
    }

    void close(@Disposes @Named("csvRows") ExecutorService csvRows) {
        csvRows.shutdown();
    }

    @Produces
    @Singleton
    @Named("csvDrop.row")
    Processor csvRow(@Named("csvDrop") CsvDrop csv) {
        return csv::row;
    }

    @Produces
    @Singleton
    @Named("csvDrop.settled")
    Processor csvSettled(@Named("csvDrop") CsvDrop csv) {
        return csv::settled;
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
