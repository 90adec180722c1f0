package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ogsm.connector.http.HttpAnswer;
import io.ogsm.connector.http.PooledHttpClient;
import io.ogsm.connector.http.UnusableAnswerException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The OGSM API v2 over HTTP: the seven lists ({@link #list}, shortcuts for those the connector reads by type) and
 * the two creates.
 * <p>
 * Built on Apache HttpClient 5 (the client under Camel's http component), with a bounded connection pool,
 * connect and read timeouts, and its own automatic retries switched off: retrying is the delivery route's job, and
 * a silent retry of a POST would store a measurement twice. Non-2xx answers become {@link OgsmApiException}, missing
 * answers {@link OgsmTransportException}. Answers are read by {@link HttpAnswer}: bodies size-bounded, error bodies
 * cut short.
 */
public class OgsmClient implements AutoCloseable {

    private final URI baseUrl;
    private final Map<String, URI> uris = new ConcurrentHashMap<>();
    private final String authorization;
    private final ObjectMapper mapper;
    private final long maxResponseSize;
    private final CloseableHttpClient http;

    /**
     * @param baseUrl         e.g. {@code https://acme.ogsm.online}; the API paths are appended to it
     * @param credentials     HTTP Basic credentials, or null for none
     * @param connectTimeout  to open a connection
     * @param readTimeout     between bytes of an answer
     * @param maxConnections  the pool's bound, in total (there is one host)
     * @param maxResponseSize the largest response body read, in bytes
     */
    public OgsmClient(URI baseUrl, ApiCredentials credentials, Duration connectTimeout, Duration readTimeout,
            int maxConnections, long maxResponseSize) {
        this.baseUrl = stripTrailingSlash(baseUrl);
        this.authorization = credentials == null ? null : credentials.basicAuthorization();
        this.mapper = OgsmJson.mapper();
        this.maxResponseSize = maxResponseSize;
        this.http = PooledHttpClient.create(connectTimeout, readTimeout, maxConnections);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Every entry of one list, e.g. {@code list(OgsmResource.GOALS, Goal.class)}. */
    public <T> List<T> list(OgsmResource resource, Class<T> type) {
        if (!resource.type().equals(type)) {
            throw new IllegalArgumentException(resource + " holds " + resource.type().getSimpleName());
        }
        JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, type);
        return get(resource.path(), listType);
    }

    /**
     * Reads one list entry by entry, without holding the whole answer: for large workspaces. Answers how many entries
     * were read. A list cut short or malformed fails with {@link OgsmMalformedResponseException}, never as a shorter
     * list.
     */
    public int forEachEntry(OgsmResource resource, Consumer<JsonNode> entry) {
        return send(new HttpGet(uri(resource.path())), null, in -> {
            try (JsonParser parser = mapper.createParser(in)) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new JsonParseException(parser, "the answer is not a JSON array");
                }
                int count = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    entry.accept(mapper.readTree(parser));
                    count++;
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw new JsonParseException(parser, "unexpected " + parser.currentToken() + " in the list");
                }
                return count;
            }
        });
    }

    public List<Objective> objectives() {
        return list(OgsmResource.OBJECTIVES, Objective.class);
    }

    public List<Goal> goals() {
        return list(OgsmResource.GOALS, Goal.class);
    }

    public List<Kpi> kpis() {
        return list(OgsmResource.KPIS, Kpi.class);
    }

    public List<GoalMeasurement> goalMeasurements() {
        return list(OgsmResource.GOAL_MEASUREMENTS, GoalMeasurement.class);
    }

    public List<KpiMeasurement> kpiMeasurements() {
        return list(OgsmResource.KPI_MEASUREMENTS, KpiMeasurement.class);
    }

    /**
     * Creates a goal or KPI measurement and answers only its new id, the answer's top-level {@code "id"} (null when it
     * has none), read without building the whole object: the delivery route needs nothing else. An answer that is not
     * a complete JSON object, or whose id is not a whole number, is malformed, as for the lists. The request is
     * written by the API mapping, e.g. a {@link GoalReportRequest} or a {@link KpiReportRequest}.
     */
    public Long createMeasurement(OgsmResource resource, Object request) {
        String path = measurementList(resource);
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the body for POST " + path, e);
        }
        return send(new HttpPost(uri(path)), json, this::topLevelId);
    }

    private Long topLevelId(InputStream in) throws IOException {
        try (JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "the answer is not a JSON object");
            }
            Long id = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("id".equals(name) && value != JsonToken.VALUE_NULL) {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw new JsonParseException(parser, "the answer's id is not a whole number");
                    }
                    id = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
            return id;
        }
    }

    /** The path a measurement is created at; the API creates nothing else. */
    private static String measurementList(OgsmResource resource) {
        if (!resource.isMeasurement()) {
            throw new IllegalArgumentException("the API creates only measurements, not " + resource.apiName());
        }
        return resource.path();
    }

    private <T> T get(String path, JavaType type) {
        return send(new HttpGet(uri(path)), null, in -> mapper.readValue(in, type));
    }

    /** The API's few paths, parsed once each rather than on every request. */
    private URI uri(String path) {
        return uris.computeIfAbsent(path, p -> URI.create(baseUrl + p));
    }

    /** Reads a 2xx answer's body. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(InputStream in) throws IOException;
    }

    private <T> T send(HttpUriRequestBase request, byte[] body, BodyReader<T> reader) {
        String method = request.getMethod();
        String path = request.getRequestUri();
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (authorization != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        }
        try {
            return http.execute(request, response -> read(method, path, response, reader));
        } catch (IOException e) {
            throw new OgsmTransportException(method, path, e, maybeSent(e));
        }
    }

    private <T> T read(String method, String path, ClassicHttpResponse response, BodyReader<T> reader)
            throws IOException {
        HttpAnswer answer = new HttpAnswer(response);
        if (!answer.ok()) {
            throw new OgsmApiException(method, path, answer.status(), answer.errorBody(),
                    answer.header(HttpHeaders.RETRY_AFTER));
        }
        try (InputStream in = answer.body(maxResponseSize, "ogsm.api.max-response-size")) {
            return reader.read(in);
        } catch (JsonProcessingException | UnusableAnswerException e) {
            throw new OgsmMalformedResponseException(method, path, answer.status(), e);
        }
    }

    /** Whether the request may have reached the server before the failure. Only a failed connect is sure not to. */
    static boolean maybeSent(IOException e) {
        return !(e instanceof ConnectException
                || e instanceof ConnectTimeoutException
                || e instanceof HttpHostConnectException
                || e instanceof UnknownHostException
                || e instanceof ConnectionRequestTimeoutException);
    }

    private static URI stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
