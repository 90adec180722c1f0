package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** First and next page URLs for every paging style, and the items of a page. */
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
                    map: {type: kpi, id: 31, at: "$.at", value: "$.v"}
                """.formatted(url, items, paging, incremental)).get(0);
    }

    private static ErpClient.Page page(String uri, String body, String... links) throws Exception {
        return new ErpClient.Page(URI.create(uri), OgsmJson.mapper().readTree(body), List.of(links));
    }

    @Test
    void nextLinkInTheBodyAbsoluteOrRelative() throws Exception {
        ErpSource s = source("https://erp.example.com/odata/Kpis", "$.d.results[*]", "{next: \"$.d.__next\"}", "null");
        URI base = ErpPages.base(s, null);
        assertEquals(URI.create("https://erp.example.com/odata/Kpis"), ErpPages.first(s, base));
        ErpClient.Page first = page("https://erp.example.com/odata/Kpis",
                "{\"d\":{\"results\":[{},{}],\"__next\":\"Kpis?$skiptoken=2\"}}");
        assertEquals(2, s.items().items(first.body()).size());
        assertEquals(Optional.of(URI.create("https://erp.example.com/odata/Kpis?$skiptoken=2")),
                ErpPages.next(s, base, first, 0, 2));
        assertEquals(Optional.empty(), ErpPages.next(s, base,
                page("https://erp.example.com/odata/Kpis?$skiptoken=2", "{\"d\":{\"results\":[{}]}}"), 1, 1));
        assertEquals(Optional.empty(), ErpPages.next(s, base,
                page("https://erp.example.com/odata/Kpis", "{\"d\":{\"results\":[{}],\"__next\":\"https://erp.example.com/odata/Kpis\"}}"),
                0, 1), "a link to the same page ends the poll");
    }

    @Test
    void linkHeaderRelNextAmongOthers() throws Exception {
        ErpSource s = source("https://erp.example.com/kpis", "$[*]", "{link-header: true}", "null");
        ErpClient.Page first = page("https://erp.example.com/kpis", "[{}]",
                "<https://erp.example.com/kpis?page=1>; rel=\"first\", <https://erp.example.com/kpis?page=2>; rel=\"next\"");
        assertEquals(Optional.of(URI.create("https://erp.example.com/kpis?page=2")),
                ErpPages.next(s, ErpPages.base(s, null), first, 0, 1));
        assertEquals(Optional.of("/kpis?after=9"), ErpPages.nextLink("</kpis?after=9>; rel=\"prefetch next\""));
        assertEquals(Optional.of("/kpis?after=9"), ErpPages.nextLink("</kpis?after=9>;rel=next"));
        assertEquals(Optional.empty(), ErpPages.nextLink("</kpis?page=1>; rel=\"prev\""));
    }

    @Test
    void pageParametersWithTheWatermarkUntilAShortPage() throws Exception {
        ErpSource s = source("https://erp.example.com/goals?company=acme", "$.items[*]",
                "{page-param: page, size-param: size, size: 2}", "{param: modified_since, field: \"$.m\"}");
        URI base = ErpPages.base(s, "2026-11-01T08:00:00+01:00");
        assertEquals(URI.create("https://erp.example.com/goals?company=acme&modified_since=2026-11-01T08%3A00%3A00%2B01%3A00"
                + "&page=1&size=2"), ErpPages.first(s, base));
        ErpClient.Page full = page(ErpPages.first(s, base).toString(), "{\"items\":[{},{}]}");
        assertEquals(URI.create(base + "&page=2&size=2"), ErpPages.next(s, base, full, 0, 2).orElseThrow());
        assertEquals(Optional.empty(), ErpPages.next(s, base, full, 1, 1), "a short page is the last");
        assertEquals(Optional.empty(), ErpPages.next(s, base, full, 1, 0));
    }

    @Test
    void offsetParameters() throws Exception {
        ErpSource s = source("https://erp.example.com/rows", "$.rows[*]",
                "{offset-param: offset, size-param: limit, size: 50}", "null");
        URI base = ErpPages.base(s, null);
        assertEquals(URI.create("https://erp.example.com/rows?offset=0&limit=50"), ErpPages.first(s, base));
        ErpClient.Page page = page("https://erp.example.com/rows?offset=0&limit=50", "{\"rows\":[]}");
        assertEquals(URI.create("https://erp.example.com/rows?offset=100&limit=50"),
                ErpPages.next(s, base, page, 1, 50).orElseThrow());
    }

    @Test
    void theLaterWatermarkIsNumericForNumbersAndTextualOtherwise() {
        assertEquals("10", ErpIncremental.later("9", "10"));
        assertEquals("2026-11-02T00:00:00Z", ErpIncremental.later("2026-11-02T00:00:00Z", "2026-11-01T23:59:59Z"));
        assertEquals("a", ErpIncremental.later(null, "a"));
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
