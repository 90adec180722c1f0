package io.ogsm.connector.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Request bodies of the connector's own APIs read strictly: one JSON value and nothing after it, no key twice in an
 * object, at most {@value #MAX_DEPTH} levels deep, numbers of at most {@value #MAX_NUMBER_LENGTH} characters, decimals
 * kept exact. Anything else is a {@link Refused} whose message names the problem and where it is.
 */
public final class StrictJson {

    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 100;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** A body that is not one strict JSON value; the message says why and where, never echoing the body. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private StrictJson() {
    }

    public static JsonNode read(byte[] body) throws Refused {
        try {
            JsonNode json = READER.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new Refused("the body is empty; send JSON");
            }
            return json;
        } catch (StreamConstraintsException e) {
            throw new Refused(e.getMessage().contains("depth")
                    ? "JSON nested deeper than " + MAX_DEPTH + " levels"
                    : "a JSON number longer than " + MAX_NUMBER_LENGTH + " characters");
        } catch (JsonProcessingException e) {
            throw new Refused(reason(e) + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (IOException | NumberFormatException e) {
            throw new Refused("unreadable JSON");
        }
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return "a key appears twice in one object (" + message.substring(message.indexOf('\'')) + ")";
        }
        if (message.startsWith("Trailing token")) {
            return "content after the JSON value";
        }
        return "malformed JSON";
    }
}
