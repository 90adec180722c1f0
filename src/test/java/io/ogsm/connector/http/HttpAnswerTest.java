package io.ogsm.connector.http;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpAnswerTest {

    private static HttpAnswer answer(int status, byte[] body, boolean withLength) {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(status);
        if (body != null) {
            response.setEntity(new InputStreamEntity(new ByteArrayInputStream(body), withLength ? body.length : -1,
                    ContentType.APPLICATION_JSON));
        }
        return new HttpAnswer(response);
    }

    @Test
    void readsABodyWithinTheLimit() throws Exception {
        byte[] body = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        HttpAnswer answer = answer(200, body, false);

        assertTrue(answer.ok());
        try (InputStream in = answer.body(7, "ogsm.test.max")) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }

    @Test
    void refusesABodyWhoseLengthExceedsTheLimitBeforeReading() {
        UnusableAnswerException e = assertThrows(UnusableAnswerException.class,
                () -> answer(200, new byte[100], true).body(99, "ogsm.test.max"));
        assertEquals("the answer's 100 bytes exceed ogsm.test.max (99)", e.getMessage());
    }

    @Test
    void cutsOffABodyWithoutLengthOnceItPassesTheLimit() throws Exception {
        try (InputStream in = answer(200, new byte[100], false).body(99, "ogsm.test.max")) {
            UnusableAnswerException e = assertThrows(UnusableAnswerException.class, in::readAllBytes);
            assertEquals("the answer exceeds ogsm.test.max (99 bytes)", e.getMessage());
        }
    }

    @Test
    void aSuccessWithoutBodyIsUnusable() {
        assertThrows(UnusableAnswerException.class, () -> answer(201, null, false).body(10, "ogsm.test.max"));
    }

    @Test
    void anErrorBodyIsCutToItsHead() throws Exception {
        byte[] big = "x".repeat(HttpAnswer.ERROR_BODY_LIMIT + 10).getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = answer(503, big, false);

        assertFalse(answer.ok());
        assertEquals(503, answer.status());
        assertEquals("x".repeat(HttpAnswer.ERROR_BODY_LIMIT) + "…", answer.errorBody());
        assertEquals("", answer(404, null, false).errorBody());
    }

    @Test
    void readsHeaders() {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(429);
        response.addHeader("Retry-After", "7");
        response.addHeader("Link", "<a>; rel=next");
        response.addHeader("Link", "<b>; rel=last");
        response.setEntity(new StringEntity("{}"));
        HttpAnswer answer = new HttpAnswer(response);

        assertEquals("7", answer.header("Retry-After"));
        assertEquals(null, answer.header("X-None"));
        assertEquals(List.of("<a>; rel=next", "<b>; rel=last"), answer.headers("Link"));
    }
}
