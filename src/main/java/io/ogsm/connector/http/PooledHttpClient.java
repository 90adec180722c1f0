package io.ogsm.connector.http;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;

/**
 * The one way the connector builds an Apache HttpClient 5 (the client under Camel's http component): a connection
 * pool bounded to {@code maxConnections}, connect and read timeouts, a bounded wait for a pooled connection, and no
 * automatic retries, redirects or cookies. Retrying is the caller's decision: a silent retry of a POST would store a
 * measurement twice. No content compression either: the answer's size limit then bounds what is read, not a
 * compressed size that could unpack to far more (and each request skips the decompression step). Credentials are a
 * header the callers set, so no authentication or connection state is kept. Closing the client closes its pool.
 */
public final class PooledHttpClient {

    private PooledHttpClient() {
    }

    public static CloseableHttpClient create(Duration connectTimeout, Duration readTimeout, int maxConnections) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .disableConnectionState()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(readTimeout))
                        // waiting for a free pooled connection is bounded too
                        .setConnectionRequestTimeout(Timeout.of(readTimeout.plus(connectTimeout)))
                        .build())
                .build();
    }
}
