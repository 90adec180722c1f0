package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ogsm.connector.http.PooledHttpClient;
import io.ogsm.connector.ogsm.OgsmJson;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * GETs pages from ERPs, in the style of the OGSM API client: Apache HttpClient 5 with a bounded pool, connect and
 * read timeouts, no automatic retries or redirects (a failed poll is retried on the next schedule), and answers
 * bounded to {@code ogsm.erp.max-response-size}.
 */
public class ErpClient implements AutoCloseable {

    /** One page as the ERP sent it: the JSON body and the {@code Link} headers (RFC 8288). */
    public record Page(URI uri, JsonNode body, List<String> links) {
    }

    private final ObjectMapper mapper = OgsmJson.mapper();
    private final long maxResponseSize;
    private final CloseableHttpClient http;

    public ErpClient(Duration connectTimeout, Duration readTimeout, long maxResponseSize, int maxConnections) {
        this.maxResponseSize = maxResponseSize;
        this.http = PooledHttpClient.create(connectTimeout, readTimeout, maxConnections);
    }

    /**
     * GETs one page. Throws {@link ErpHttpException} for a non-2xx answer, {@link IOException} when there is no
     * answer, a body over the size limit, or a body that is not JSON.
     */
    public Page get(String source, URI uri, ErpAuth auth) throws IOException {
        HttpGet request = new HttpGet(uri);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (auth.headerName() != null) {
            request.setHeader(auth.headerName(), auth.headerValue());
        }
        return http.execute(request, response -> {
            int status = response.getCode();
            HttpEntity entity = response.getEntity();
            if (status < 200 || status > 299) {
                throw new ErpHttpException(source, status);
            }
            if (entity == null) {
                throw new IOException("the answer has no body");
            }
            if (entity.getContentLength() > maxResponseSize) {
                throw new IOException("the answer's " + entity.getContentLength()
                        + " bytes exceed ogsm.erp.max-response-size (" + maxResponseSize + ")");
            }
            byte[] body;
            try (InputStream in = entity.getContent()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseSize + 1));
            }
            if (body.length > maxResponseSize) {
                throw new IOException("the answer exceeds ogsm.erp.max-response-size (" + maxResponseSize + " bytes)");
            }
            JsonNode json;
            try {
                json = mapper.readTree(body);
            } catch (IOException e) {
                throw new IOException("the answer is not JSON: " + e.getMessage(), e);
            }
            List<String> links = new ArrayList<>();
            for (Header link : response.getHeaders("Link")) {
                links.add(link.getValue());
            }
            return new Page(uri, json, links);
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
