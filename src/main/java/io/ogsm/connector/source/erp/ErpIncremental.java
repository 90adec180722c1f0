package io.ogsm.connector.source.erp;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Incremental polling: the request carries {@code param=<watermark>}; the watermark is the largest value of
 * {@code field} among the items already settled, persisted per source.
 *
 * @param initial the watermark of the very first poll, or empty: the first poll asks for everything
 */
public record ErpIncremental(String param, ErpPath field, Optional<String> initial) {

    /**
     * The later of two watermark values: numerically when both are numbers, else as text (ISO-8601 dates and
     * timestamps of one format sort as text). Null counts as earliest.
     */
    public static String later(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        try {
            return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim())) >= 0 ? a : b;
        } catch (NumberFormatException notNumbers) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
