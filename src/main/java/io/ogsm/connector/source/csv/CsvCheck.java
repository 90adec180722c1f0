package io.ogsm.connector.source.csv;

import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.measurement.TitleResolver;
import io.ogsm.connector.measurement.UnresolvedTitleException;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.pipeline.SourceRef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A file checked before it goes live, row by row, without posting anything: each row's verdict, as the inbox would
 * settle it now. {@code valid} (with the goal or KPI its title resolves to), {@code duplicate} (already delivered: it
 * would not be posted again) or {@code rejected} with the reason. The dry run ({@link CsvDrop#check}) judges its rows
 * by the same {@link #judge}.
 */
public final class CsvCheck {

    /** How a row would settle. */
    public enum Verdict {
        VALID, DUPLICATE, REJECTED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One row's verdict: the measurement as resolved (valid or duplicate), or why it is rejected. */
    public record Row(long line, Verdict verdict, String type, Long id, String title, String at, BigDecimal value,
            String reason) {
    }

    /** A file's verdicts: counts of all rows, the first {@code listed} rows' verdicts; the profile read with, or null. */
    public record Report(String file, String encoding, String profile, long rows, long valid, long duplicates, long rejected,
            List<Row> verdicts, boolean truncated) {
    }

    /** A row's verdict with the measurement resolved, or the reason it is rejected. */
    record Judgement(Verdict verdict, Measurement resolved, String reason) {
    }

    private final TitleResolver titles;
    private final DeliveryLedger ledger;
    private final Clock clock;

    public CsvCheck(TitleResolver titles, DeliveryLedger ledger, Clock clock) {
        this.titles = titles;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * A row read as a measurement: rejected when its title does not resolve (or the list cannot be read), else a
     * duplicate when the key it would get was delivered, else valid.
     */
    Judgement judge(Measurement measurement, SourceRef source) {
        Measurement resolved;
        try {
            resolved = titles.resolve(measurement);
        } catch (UnresolvedTitleException e) {
            return new Judgement(Verdict.REJECTED, null, e.getMessage());
        } catch (RuntimeException e) {
            return new Judgement(Verdict.REJECTED, null, "cannot read the "
                    + (measurement.type() == MeasurementType.KPI ? "KPI" : "goal") + " list to resolve "
                    + measurement.subject() + ": " + e.getMessage());
        }
        String key = ledger.peek(resolved, source).key();
        return new Judgement(ledger.delivered(key).isPresent() ? Verdict.DUPLICATE : Verdict.VALID, resolved, null);
    }

    /**
     * Reads {@code in} as a file named {@code name} would be read in the inbox with {@code options}, and judges every
     * row; the verdicts of the first {@code listed} rows are kept. A file that cannot be read at all throws.
     */
    public Report check(InputStream in, String name, CsvOptions options, int listed) throws CsvFileException {
        if (CsvDropFolder.isWorkbook(name)) {
            // a workbook is a zip, read from a file: the body goes to a private temporary one first
            java.nio.file.Path copy = null;
            try {
                copy = java.nio.file.Files.createTempFile("ogsm-check-", name.substring(name.lastIndexOf('.')));
                java.nio.file.Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                try (DroppedRows rows = DroppedRows.open(copy, name, options)) {
                    return check(rows, name, listed);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep " + name + " to check it", e);
            } finally {
                if (copy != null) {
                    try {
                        java.nio.file.Files.deleteIfExists(copy);
                    } catch (IOException e) {
                        // a temporary file: the system cleans it
                    }
                }
            }
        }
        try (DroppedRows rows = CsvMeasurements.open(in, name, options)) {
            return check(rows, name, listed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name, e);
        }
    }

    private Report check(DroppedRows csv, String name, int listed) throws CsvFileException {
        Instant now = clock.instant();
        long rows = 0;
        long valid = 0;
        long duplicates = 0;
        long rejected = 0;
        List<Row> verdicts = new ArrayList<>();
        try {
            for (CsvResult result : csv) {
                rows++;
                SourceRef source = SourceRef.csv(name, now, result.line());
                if (result instanceof CsvResult.Row cell && cell.column() != null) {
                    source = source.with("column", cell.column());
                }
                Row row = row(result, source);
                switch (row.verdict()) {
                    case VALID -> valid++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> rejected++;
                }
                if (verdicts.size() < listed) {
                    verdicts.add(row);
                }
            }
        } catch (UncheckedCsvFileException e) {
            throw e.getCause();
        }
        return new Report(name, csv.readAs().getOrDefault("encoding",
                name.substring(name.lastIndexOf('.') + 1)), csv.readAs().get("profile"), rows, valid, duplicates, rejected,
                verdicts, rows > verdicts.size());
    }

    private Row row(CsvResult result, SourceRef source) {
        if (result instanceof CsvResult.Reject reject) {
            return new Row(reject.line(), Verdict.REJECTED, null, null, null, null, null, reject.reason());
        }
        Measurement m = ((CsvResult.Row) result).measurement();
        Judgement judgement = judge(m, source);
        Measurement shown = judgement.resolved() != null ? judgement.resolved() : m;
        return new Row(result.line(), judgement.verdict(), shown.type().key(), shown.id(),
                judgement.resolved() != null ? titles.title(judgement.resolved()).orElse(m.title()) : m.title(),
                shown.at().toString(), shown.value(), judgement.reason());
    }
}
