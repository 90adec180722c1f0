package io.ogsm.connector.http;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One answer of Apache HttpClient 5, read the one way both API clients (OGSM, ERP) read answers: its status, a 2xx
 * body bounded to a size limit (refused by its {@code Content-Length} before reading, and cut off while reading when
 * it has none or lies), and the head of a non-2xx body, at most {@value #ERROR_BODY_LIMIT} bytes.
 */
public final class HttpAnswer {

    public static final int ERROR_BODY_LIMIT = 4096;

    private final ClassicHttpResponse response;

    public HttpAnswer(ClassicHttpResponse response) {
        this.response = response;
    }

    public int status() {
        return response.getCode();
    }

    /** Whether the status is 2xx. */
    public boolean ok() {
        return status() >= 200 && status() <= 299;
    }

    /** The first value of the header, or null. */
    public String header(String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /** Every value of the header, in the order sent. */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : response.getHeaders(name)) {
            values.add(header.getValue());
        }
        return values;
    }

    /** The head of the body as text, with {@code …} when there was more; empty without a body. */
    public String errorBody() throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            String text = new String(in.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
            return in.read() == -1 ? text : text + "…";
        }
    }

    /**
     * The body, to be read at most {@code maxSize} bytes far: a longer one fails with {@link UnusableAnswerException}
     * before reading (by its {@code Content-Length}) or as soon as the limit is passed.
     *
     * @param limitKey the configuration key of the limit, named in the message
     */
    public InputStream body(long maxSize, String limitKey) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw new UnusableAnswerException("the answer has no body");
        }
        if (entity.getContentLength() > maxSize) {
            throw new UnusableAnswerException("the answer's " + entity.getContentLength() + " bytes exceed "
                    + limitKey + " (" + maxSize + ")");
        }
        return new Bounded(entity.getContent(), maxSize, limitKey);
    }

    /** Fails once more than {@code max} bytes were read. */
    private static final class Bounded extends FilterInputStream {

        private final long max;
        private final String limitKey;
        private long read;

        Bounded(InputStream in, long max, String limitKey) {
            super(in);
            this.max = max;
            this.limitKey = limitKey;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws UnusableAnswerException {
            read += n;
            if (read > max) {
                throw new UnusableAnswerException("the answer exceeds " + limitKey + " (" + max + " bytes)");
            }
        }
    }
}
