package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The example objects of the vendor's API page, kept verbatim under {@code src/test/resources/ogsm-api/}. The page
 * writes them as JavaScript object literals (unquoted keys), so they are read with unquoted names allowed; the rest
 * of the mapping is the production one.
 */
final class PageExamples {

    static final ObjectMapper LITERAL_READER = OgsmJson.mapper().copy()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES.mappedFeature());

    private PageExamples() {
    }

    static String text(String name) {
        try (InputStream in = PageExamples.class.getResourceAsStream("/ogsm-api/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String name, Class<T> type) {
        try {
            return LITERAL_READER.readValue(text(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
