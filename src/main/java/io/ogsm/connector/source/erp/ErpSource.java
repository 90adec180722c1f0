package io.ogsm.connector.source.erp;

import java.net.URI;
import java.util.Optional;

/**
 * One ERP source of {@code config/erp-sources.yaml}, checked and with its secrets resolved: where to poll, when, how
 * to authenticate, where the items are in an answer, how to page, what to poll incrementally, and how an item
 * becomes a measurement.
 *
 * @param recordId JSONPath of the record's own reference (for dead letters), or empty: page and index
 */
public record ErpSource(
        String name,
        URI url,
        ErpSchedule schedule,
        ErpAuth auth,
        ErpPath items,
        ErpPaging paging,
        Optional<ErpIncremental> incremental,
        ErpMapping mapping,
        Optional<ErpPath> recordId) {

    /** The Camel route of this source. */
    public String routeId() {
        return "erp-" + name;
    }
}
