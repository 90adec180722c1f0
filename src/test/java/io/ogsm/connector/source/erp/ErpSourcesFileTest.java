package io.ogsm.connector.source.erp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The sources file: read as written in the issue, and every rule broken named by source and field in one line. */
class ErpSourcesFileTest {

    private static final Map<String, String> ENV = Map.of("ERP_TOKEN", "s3cret-token", "ERP_HOST", "erp.example.com");

    private static final String ISSUE_EXAMPLE = """
            sources:
              - name: finance-erp
                url: https://erp.example.com/odata/Kpis
                schedule: 15m                 # an interval, or a Quartz cron such as "0 0/15 * * * ?"
                auth: {type: bearer, token: "${ERP_TOKEN}"}   # none | basic (username, password) | bearer (token) | header (name, value)
                items: "$.d.results[*]"
                paging: {next: "$.d.__next"}  # or {link-header: true}, or {page-param: page, size-param: size, size: 100}
                incremental: {param: modified_since, field: "$.ModifiedAt"}
                map:
                  type: kpi                   # a constant, or a JSONPath when it starts with $
                  title: "$.KpiName"          # or id:
                  at: "$.Period"
                  at-format: yyyyMMdd
                  value: "$.Amount"
                  target: "$.Budget"
            """;

    static List<ErpSource> parse(String yaml) {
        return ErpSourcesFile.parse("erp-sources.yaml", yaml, name -> Optional.ofNullable(ENV.get(name)), 100);
    }

    static String problem(String yaml) {
        InvalidErpSourcesException e = assertThrows(InvalidErpSourcesException.class, () -> parse(yaml));
        assertFalse(e.getMessage().contains("\n"), "one line");
        return e.getMessage();
    }

    @Test
    void readsTheIssuesExampleAsWritten() {
        ErpSource source = parse(ISSUE_EXAMPLE).get(0);
        assertEquals("finance-erp", source.name());
        assertEquals("erp-finance-erp", source.routeId());
        assertEquals("https://erp.example.com/odata/Kpis", source.url().toString());
        assertEquals(Duration.ofMinutes(15), source.schedule().interval());
        assertEquals(new ErpAuth.Bearer("s3cret-token"), source.auth());
        assertEquals("Bearer s3cret-token", source.auth().headerValue());
        assertFalse(source.auth().toString().contains("s3cret"), "secrets never in toString");
        assertEquals("$.d.results[*]", source.items().expression());
        assertEquals(ErpPaging.Style.NEXT_LINK, source.paging().style());
        assertEquals(100, source.paging().maxPages());
        assertEquals("modified_since", source.incremental().orElseThrow().param());
        assertEquals("yyyyMMdd", source.mapping().atPattern());
    }

    @Test
    void readsEveryPagingStyleAuthTypeAndACron() {
        List<ErpSource> sources = parse("""
                sources:
                  - name: a
                    url: "https://${ERP_HOST}/a"
                    schedule: "0 0/15 * * * ?"
                    auth: {type: basic, username: erp, password: "${ERP_TOKEN}"}
                    items: "$[*]"
                    paging: {link-header: true, max-pages: 5}
                    map: {type: goal, id: "$.id", at: "$.at", value: "$.v"}
                  - name: b
                    url: https://erp.example.com/b
                    schedule: 30s
                    auth: {type: header, name: X-Api-Key, value: "${ERP_TOKEN}"}
                    items: "$.items"
                    paging: {page-param: page, size-param: size, size: 100}
                    map: {type: kpi, id: 31, at: "$.at", value: "$.v"}
                  - name: c
                    url: https://erp.example.com/c
                    schedule: 1h
                    items: "$.rows[*]"
                    paging: {offset-param: offset, size-param: limit, size: 50}
                    map: {type: "$.kind", title: "$.name", at: "$.at", value: "$.v"}
                """);
        assertEquals("https://erp.example.com/a", sources.get(0).url().toString());
        assertEquals("0 0/15 * * * ?", sources.get(0).schedule().cron());
        assertEquals("quartz:erp/a?cron=0+0/15+*+*+*+?&stateful=true",
                sources.get(0).schedule().endpointUri("a", Duration.ofSeconds(2)));
        assertEquals(ErpPaging.Style.LINK_HEADER, sources.get(0).paging().style());
        assertEquals(5, sources.get(0).paging().maxPages());
        assertInstanceOf(ErpAuth.Basic.class, sources.get(0).auth());
        assertEquals(new ErpAuth.Header("X-Api-Key", "s3cret-token"), sources.get(1).auth());
        assertEquals(ErpPaging.Style.PAGE, sources.get(1).paging().style());
        assertEquals(1, sources.get(1).paging().firstPage());
        assertEquals(ErpPaging.Style.OFFSET, sources.get(2).paging().style());
        assertInstanceOf(ErpAuth.None.class, sources.get(2).auth());
    }

    @Test
    void anEmptyFileOrOneWithoutSourcesHasNoSources() {
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse("sources: []\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key|pagin: {next: \"$.n\"}|source 'x': unknown key 'pagin'",
            "unknown map key|map: {type: kpi, id: 1, at: \"$.a\", value: \"$.v\", valeu: 1}|source 'x': map: unknown key 'valeu'",
            "unknown auth key|auth: {type: bearer, token: t, user: u}|source 'x': auth: unknown key 'user'",
            "bad cron|schedule: \"0 0/15 * * * * * *\"|source 'x': schedule '0 0/15 * * * * * *' is not a valid Quartz cron",
            "bad interval|schedule: 15 minutes|source 'x': schedule '15 minutes' is neither an interval",
            "bad items JSONPath|items: \"$.d.results[\"|source 'x': items '$.d.results[' is not a valid JSONPath",
            "bad map JSONPath|map: {type: kpi, id: 1, at: \"$.Period[\", value: \"$.v\"}|source 'x': map.at '$.Period[' is not a valid JSONPath",
            "unset variable|auth: {type: bearer, token: \"${ERP_MISSING}\"}|source 'x': auth.token refers to ${ERP_MISSING}, which is not set",
            "bad auth type|auth: {type: oauth}|source 'x': auth.type must be none, basic, bearer or header",
            "two paging styles|paging: {next: \"$.n\", link-header: true}|source 'x': paging: say one of",
            "page size missing|paging: {page-param: page}|source 'x': paging.size is missing",
            "bad at-format|map: {type: kpi, id: 1, at: \"$.a\", at-format: \"yyyy-MM-dd{\", value: \"$.v\"}|source 'x': map.at-format 'yyyy-MM-dd{' is not a date pattern",
            "bad type constant|map: {type: budget, id: 1, at: \"$.a\", value: \"$.v\"}|source 'x': map.type must be goal, kpi or a JSONPath",
            "no id or title|map: {type: kpi, at: \"$.a\", value: \"$.v\"}|source 'x': map.id or map.title is missing",
            "url credentials|url: https://u:p@erp.example.com/|source 'x': url must not hold credentials",
            "url scheme|url: ftp://erp.example.com/|source 'x': url must start with https:// or http://",
    })
    void anInvalidEntryStopsTheStartNamingTheSourceAndTheField(String rule, String override, String expected) {
        String key = override.substring(0, override.indexOf(':'));
        Map<String, String> entry = new java.util.LinkedHashMap<>();
        entry.put("name", "x");
        entry.put("url", "https://erp.example.com/api");
        entry.put("schedule", "15m");
        entry.put("items", "\"$[*]\"");
        entry.put("map", "{type: kpi, id: 31, at: \"$.at\", value: \"$.value\"}");
        entry.put(key, override.substring(override.indexOf(':') + 1).trim());
        StringBuilder yaml = new StringBuilder("sources:\n  - ");
        entry.forEach((k, v) -> yaml.append(k).append(": ").append(v).append("\n    "));
        String message = problem(yaml.toString());
        assertTrue(message.contains("erp-sources.yaml: " + expected), rule + ": " + message);
    }

    @Test
    void aMissingUrlIsNamed() {
        assertTrue(problem("""
                sources:
                  - name: finance-erp
                    schedule: 15m
                    items: "$[*]"
                    map: {type: kpi, id: 31, at: "$.at", value: "$.value"}
                """).contains("erp-sources.yaml: source 'finance-erp': url is missing (string (an http(s) URL"));
    }

    @Test
    void aSecretIsNeverEchoedInAProblem() {
        String message = problem("""
                sources:
                  - name: x
                    url: https://erp.example.com/
                    schedule: 15m
                    auth: {type: header, name: "bad header", value: "${ERP_TOKEN}"}
                    items: "$[*]"
                    map: {type: kpi, id: 31, at: "$.at", value: "$.value"}
                """);
        assertTrue(message.contains("auth.name is not an HTTP header name"), message);
        assertFalse(message.contains("s3cret"), message);
    }

    @Test
    void duplicateNamesAndUnknownTopLevelKeysAreRefused() {
        String message = problem("""
                source: []
                sources:
                  - {name: x, url: "https://e.example/", schedule: 1m, items: "$[*]", map: {type: kpi, id: 1, at: "$.a", value: "$.v"}}
                  - {name: x, url: "https://e.example/", schedule: 1m, items: "$[*]", map: {type: kpi, id: 1, at: "$.a", value: "$.v"}}
                """);
        assertTrue(message.contains("erp-sources.yaml: unknown key 'source'"), message);
        assertTrue(message.contains("source 'x': name is used by another source too"), message);
    }

    @Test
    void theSchemaOfTheSchemasFolderIsTheOneTheAppReads() throws Exception {
        try (var in = ErpSourcesFile.class.getResourceAsStream(ErpSourcesFile.SCHEMA)) {
            assertEquals(Files.readString(Path.of("schemas/erp-sources.schema.json")),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        // rules only the schema holds, worded from its description and message
        String message = problem("""
                sources:
                  - {name: x, url: "https://e.example/", schedule: 1m, items: "$[*]", auth: {type: bearer},
                     paging: {next: "$.n", max-pages: 0}, map: {type: kpi, id: one, at: "$.a", value: "$.v"}}
                  - 7
                """);
        assertTrue(message.contains("erp-sources.yaml: source 'x': auth.token is missing (string, a secret: sent as "
                + "Authorization: Bearer <token>"), message);
        assertTrue(message.contains("erp-sources.yaml: source 'x': paging.max-pages: must have a minimum value of 1, "
                + "was '0'"), message);
        assertTrue(message.contains("erp-sources.yaml: source 'x': map.id must be a number or a JSONPath, was 'one'"),
                message);
        assertTrue(message.contains("erp-sources.yaml: source #2: must be a map of keys"), message);
        assertTrue(problem("sources: {name: x}").contains("erp-sources.yaml: sources must be a list"));
    }

    @Test
    void theShippedExampleFileIsValid() {
        List<ErpSource> sources = ErpSourcesFile.read(Path.of("config/erp-sources.example.yaml"),
                name -> Optional.of("example-" + name), 100);
        assertTrue(sources.size() >= 3, "the example shows several sources");
    }
}
