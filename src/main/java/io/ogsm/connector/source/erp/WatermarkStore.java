package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.files.DurableFiles;
import io.ogsm.connector.ogsm.OgsmJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The incremental watermark of each ERP source, one small JSON file per source ({@code <data-dir>/state/erp/<name>.json}),
 * written durably ({@link DurableFiles}), so a crash leaves the old watermark or the new one, never half.
 */
public class WatermarkStore {

    private final Path dir;
    private final Clock clock;
    private final ObjectMapper mapper = OgsmJson.mapper();

    public WatermarkStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The source's watermark, or empty before its first settled page. */
    public Optional<String> read(String source) {
        try {
            JsonNode json = mapper.readTree(Files.readAllBytes(file(source)));
            JsonNode watermark = json.path("watermark");
            return watermark.isMissingNode() || watermark.isNull() ? Optional.empty() : Optional.of(watermark.asText());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("the watermark of ERP source '" + source + "' in " + file(source)
                    + " cannot be read; fix or delete the file", e);
        }
    }

    /** Persists the source's new watermark. */
    public void write(String source, String param, String watermark) {
        ObjectNode json = mapper.createObjectNode();
        json.put("source", source);
        json.put("param", param);
        json.put("watermark", watermark);
        json.put("updated", clock.instant().toString());
        try {
            DurableFiles.createFolders(dir);
            DurableFiles.write(file(source), mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException("the watermark of ERP source '" + source + "' cannot be written to "
                    + file(source), e);
        }
    }

    Path file(String source) {
        return dir.resolve(source + ".json");
    }
}
