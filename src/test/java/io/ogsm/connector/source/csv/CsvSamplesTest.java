package io.ogsm.connector.source.csv;

import io.ogsm.connector.measurement.MeasurementType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample files users copy from: every one reads without a reject. */
class CsvSamplesTest {

    private static final Path SAMPLES = Path.of("config", "samples");

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList().stream();
        }
    }

    /** As if dropped in the inbox subfolder its name starts with: {@code kpis-...} in {@code kpis/}. */
    private static CsvOptions optionsFor(Path file) {
        String name = file.getFileName().toString();
        return CsvOptions.defaults().withDefaultType(MeasurementType.parse(name.substring(0, name.indexOf('-')))
                .orElse(null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("samples")
    void readsEverySampleWithoutRejects(Path file) throws Exception {
        List<CsvResult> results = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                CsvMeasurements csv = CsvMeasurements.open(in, file.getFileName().toString(), optionsFor(file))) {
            csv.forEach(results::add);
        }

        assertFalse(results.isEmpty(), file + " has no rows");
        results.forEach(r -> assertTrue(r instanceof CsvResult.Row, () -> file + ": " + r));
    }

    @Test
    void theSamplesAreThere() throws Exception {
        assertEquals(List.of("goals-by-title.csv", "kpis-excel-export.csv"),
                samples().map(p -> p.getFileName().toString()).toList());
    }
}
