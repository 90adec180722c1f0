package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.pipeline.FailureClassifier;
import io.ogsm.connector.source.erp.ErpPages.Page;
import io.ogsm.connector.source.erp.ErpPages.Request;
import io.ogsm.connector.testing.MutableClock;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A poll's paging as values: the first request, the page each answer is, and the request after it. */
class ErpPagesTest {

    private static ErpSource source(String url, String items, String paging, String incremental) {
        return ErpSourcesFileTest.parse("""
                sources:
                  - name: x
                    url: "%s"
                    schedule: 15m
                    items: "%s"
                    paging: %s
                    incremental: %s
                    record-id: "$.id"
                    map: {type: kpi, id: 31, at: "$.at", value: "$.v"}
                """.formatted(url, items, paging, incremental)).get(0);
    }

    private static ErpClient.Page answer(String uri, String body, String... links) throws Exception {
        return new ErpClient.Page(URI.create(uri), OgsmJson.mapper().readTree(body), List.of(links));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no paging|null|null|https://erp.example.com/kpis",
            "next link|{next: \"$.n\"}|null|https://erp.example.com/kpis",
            "page parameters|{page-param: page, size-param: size, size: 2}|null|https://erp.example.com/kpis?page=1&size=2",
            "page parameters from 0|{page-param: p, size: 2, first-page: 0}|null|https://erp.example.com/kpis?p=0",
            "offset parameters|{offset-param: offset, size-param: limit, size: 50}|null|https://erp.example.com/kpis?offset=0&limit=50",
            "watermark before page parameters|{page-param: page, size: 2}|2026-11-01T08:00:00+01:00|https://erp.example.com/kpis?since=2026-11-01T08%3A00%3A00%2B01%3A00&page=1",
            "no watermark yet|{page-param: page, size: 2}|null|https://erp.example.com/kpis?page=1",
    })
    void theFirstRequest(String rule, String paging, String watermark, String uri) {
        ErpSource s = source("https://erp.example.com/kpis", "$[*]", paging, "{param: since, field: \"$.m\"}");
        Request first = ErpPages.first(s, "null".equals(watermark) ? null : watermark);
        assertEquals(URI.create(uri), first.uri(), rule);
        assertEquals(1, first.page());
        assertEquals(0, first.items());
        assertEquals("null".equals(watermark) ? null : watermark, first.watermark());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // rule | paging | page URI | body | Link header | the next request's URI, or none
            "next link, relative|{next: \"$.d.__next\"}|https://erp.example.com/odata/Kpis|{\"d\":{\"results\":[{},{}],\"__next\":\"Kpis?$skiptoken=2\"}}||https://erp.example.com/odata/Kpis?$skiptoken=2",
            "next link, absolute|{next: \"$.d.__next\"}|https://erp.example.com/odata/Kpis|{\"d\":{\"results\":[{}],\"__next\":\"https://other.example.com/p2\"}}||https://other.example.com/p2",
            "next link, none: the last page|{next: \"$.d.__next\"}|https://erp.example.com/odata/Kpis?$skiptoken=2|{\"d\":{\"results\":[{}]}}||none",
            "next link to the same page ends the poll|{next: \"$.d.__next\"}|https://erp.example.com/odata/Kpis|{\"d\":{\"results\":[{}],\"__next\":\"https://erp.example.com/odata/Kpis\"}}||none",
            "Link header rel=next among others|{link-header: true}|https://erp.example.com/kpis|[{}]|<https://erp.example.com/kpis?page=1>; rel=\"first\", <https://erp.example.com/kpis?page=2>; rel=\"next\"|https://erp.example.com/kpis?page=2",
            "Link header without next: the last page|{link-header: true}|https://erp.example.com/kpis|[{}]|</kpis?page=1>; rel=\"prev\"|none",
            "full page: page + 1|{page-param: page, size-param: size, size: 2}|https://erp.example.com/kpis?page=1&size=2|[{},{}]||https://erp.example.com/kpis?page=2&size=2",
            "short page: the last|{page-param: page, size-param: size, size: 2}|https://erp.example.com/kpis?page=1&size=2|[{}]||none",
            "empty page: the last|{page-param: page, size-param: size, size: 2}|https://erp.example.com/kpis?page=1&size=2|[]||none",
            "full page: offset + size|{offset-param: offset, size-param: limit, size: 2}|https://erp.example.com/kpis?offset=0&limit=2|[{},{}]||https://erp.example.com/kpis?offset=2&limit=2",
            "no paging: one page|null|https://erp.example.com/kpis|[{},{}]||none",
    })
    void theNextRequestByPagingStyle(String rule, String paging, String uri, String body, String link, String next)
            throws Exception {
        ErpSource s = source("https://erp.example.com/kpis", "$[*]", paging, "null");
        if (uri.contains("odata")) {
            s = source("https://erp.example.com/odata/Kpis", "$.d.results[*]", paging, "null");
        }
        Request first = ErpPages.first(s, null);
        Page page = ErpPages.page(s, new Request(URI.create(uri), first.base(), 1, null, 0),
                link == null ? answer(uri, body) : answer(uri, body, link));
        assertEquals(next.equals("none") ? Optional.empty() : Optional.of(URI.create(next)),
                page.next().map(Request::uri), rule);
        page.next().ifPresent(request -> {
            assertEquals(2, request.page(), rule);
            assertEquals(page.items().size(), request.items(), rule);
        });
        assertFalse(page.limited(), rule);
    }

    @Test
    void thePageLimitEndsThePollAndSaysSo() throws Exception {
        ErpSource s = source("https://erp.example.com/kpis", "$[*]", "{page-param: page, size: 1, max-pages: 2}",
                "null");
        Request first = ErpPages.first(s, null);
        Page one = ErpPages.page(s, first, answer(first.uri().toString(), "[{}]"));
        Request second = one.next().orElseThrow();
        assertEquals(URI.create("https://erp.example.com/kpis?page=2"), second.uri());
        Page two = ErpPages.page(s, second, answer(second.uri().toString(), "[{}]"));
        assertEquals(Optional.empty(), two.next(), "page 2 of at most 2");
        assertTrue(two.limited());
        assertEquals(2, two.itemsSoFar());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // rule | watermark before | the page's values of the incremental field | the watermark after the page
            "the largest of the page|null|2026-11-01T08:00:00Z,2026-11-02T10:00:00Z,2026-11-01T09:00:00Z|2026-11-02T10:00:00Z",
            "never goes back|2026-12-01T00:00:00Z|2026-11-02T10:00:00Z|2026-12-01T00:00:00Z",
            "numbers as numbers|9|10,2|10",
            "an empty page keeps it|7||7",
    })
    void theWatermarkAdvancesToTheLargestValueSettled(String rule, String before, String values, String after)
            throws Exception {
        ErpSource s = source("https://erp.example.com/kpis", "$[*]", "{link-header: true}",
                "{param: since, field: \"$.m\"}");
        String body = values == null ? "[]" : "[" + String.join(",", Arrays.stream(values.split(","))
                .map(v -> "{\"m\":\"" + v + "\"}").toList()) + "]";
        Request first = ErpPages.first(s, "null".equals(before) ? null : before);
        Page page = ErpPages.page(s, first, answer(first.uri().toString(), body,
                "<https://erp.example.com/kpis?after=x>; rel=\"next\""));
        assertEquals(after, page.watermark(), rule);
        assertEquals(after, page.next().orElseThrow().watermark(), "the next request carries it");
        assertEquals("null".equals(before) ? null : before, page.request().watermark(), "the request is unchanged");
    }

    @Test
    void anItemIsReferencedByItsRecordIdOrItsPlace() throws Exception {
        ErpSource s = source("https://erp.example.com/kpis", "$[*]", "null", "null");
        Page page = ErpPages.page(s, ErpPages.first(s, null), answer("https://erp.example.com/kpis",
                "[{\"id\":\"K-1\"},{}]"));
        assertEquals("K-1", page.items().get(0).source().get("record"));
        assertEquals("page 1 item 2", page.items().get(1).source().get("position"));
        assertNull(page.items().get(1).source().get("record"), "a place is no record id");
    }

    @Test
    void aFailedPageEndsThePollAndKeepsTheWatermark(@TempDir Path state) throws Exception {
        try (FakeErp erp = new FakeErp();
             ErpClient client = new ErpClient(Duration.ofSeconds(2), Duration.ofSeconds(2), 1 << 20, 2);
             DefaultCamelContext camel = new DefaultCamelContext()) {
            erp.on("/kpis", request -> "2".equals(FakeErp.param(request, "page")) ? FakeErp.Answer.status(503)
                    : FakeErp.Answer.json("[{\"m\":5},{\"m\":6}]"));
            ErpSource s = source(erp.url() + "/kpis", "$[*]", "{page-param: page, size: 2}",
                    "{param: since, field: \"$.m\", initial: 4}");
            WatermarkStore watermarks = new WatermarkStore(state, new MutableClock());
            ErpPolls polls = new ErpPolls(s, client, watermarks, new FailureClassifier(new MutableClock()),
                    new MutableClock());
            Exchange exchange = new DefaultExchange(camel);
            polls.begin(exchange);
            assertEquals("4", exchange.getProperty(ErpPolls.REQUEST, Request.class).watermark(), "initial");
            polls.fetch(exchange);
            polls.settled(exchange);
            assertEquals(Optional.of("6"), watermarks.read("x"), "page 1 settled");
            assertEquals(2, exchange.getProperty(ErpPolls.REQUEST, Request.class).page());

            polls.fetch(exchange);
            assertEquals(List.of(), exchange.getIn().getBody(List.class), "no items");
            assertNull(exchange.getProperty(ErpPolls.REQUEST), "no next request: the loop ends");
            polls.settled(exchange);
            assertNull(exchange.getProperty(ErpPolls.REQUEST));
            assertEquals(Optional.of("6"), watermarks.read("x"), "page 2 failed: the watermark stays");
            assertEquals(ErpPolls.PollResult.State.FAILED, polls.lastResult().state());
            assertTrue(polls.lastResult().detail().startsWith("HTTP 503 on page 2"), polls.lastResult().detail());
        }
    }

    @Test
    void theLaterWatermarkIsNumericForNumbersAndTextualOtherwise() {
        assertEquals("10", ErpIncremental.later("9", "10"));
        assertEquals("2026-11-02T00:00:00Z", ErpIncremental.later("2026-11-02T00:00:00Z", "2026-11-01T23:59:59Z"));
        assertEquals("a", ErpIncremental.later(null, "a"));
    }

    @Test
    void linkHeaderValues() {
        assertEquals(Optional.of("/kpis?after=9"), ErpPages.nextLink("</kpis?after=9>; rel=\"prev next\""));
        assertEquals(Optional.of("/kpis?after=9"), ErpPages.nextLink("</kpis?after=9>;rel=next"));
        assertEquals(Optional.empty(), ErpPages.nextLink("</kpis?page=1>; rel=\"prev\""));
    }

    @Test
    void itemsOfAnArrayAnObjectOrNothing() throws Exception {
        JsonNode body = OgsmJson.mapper().readTree("{\"d\":{\"results\":[{\"a\":1},{\"a\":2}]},\"one\":{\"a\":3}}");
        assertEquals(2, ErpPath.compile("$.d.results[*]").items(body).size());
        assertEquals(2, ErpPath.compile("$.d.results").items(body).size());
        assertEquals(1, ErpPath.compile("$.one").items(body).size());
        assertEquals(0, ErpPath.compile("$.none[*]").items(body).size());
    }
}
