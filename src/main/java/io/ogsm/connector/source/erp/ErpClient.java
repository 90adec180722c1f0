package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ogsm.connector.http.HttpAnswer;
import io.ogsm.connector.http.PooledHttpClient;
import io.ogsm.connector.ogsm.OgsmJson;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * GETs pages from ERPs, in the style of the OGSM API client: Apache HttpClient 5 with a bounded pool, connect and
 * read timeouts, no automatic retries or redirects (a failed poll is retried on the next schedule), and answers
 * read by {@link HttpAnswer}, bounded to {@code ogsm.erp.max-response-size}.
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
            HttpAnswer answer = new HttpAnswer(response);
            if (!answer.ok()) {
                throw new ErpHttpException(source, answer.status(), answer.header(HttpHeaders.RETRY_AFTER));
            }
            JsonNode json;
            try (InputStream in = answer.body(maxResponseSize, "ogsm.erp.max-response-size")) {
                json = mapper.readTree(in);
            } catch (JsonProcessingException e) {
                throw new IOException("the answer is not JSON: " + e.getMessage(), e);
            }
            return new Page(uri, json, answer.headers("Link"));
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
