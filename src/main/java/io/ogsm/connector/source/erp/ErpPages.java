package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A poll's paging as values: {@link #first} is the {@link Request} for a poll's first page, and {@link #page} turns a
 * page's answer into a {@link Page}: its items, the watermark once they are settled, and the request for the page
 * after it, if any. Nothing changes in place; each step answers a new value.
 */
public final class ErpPages {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL_NEXT = Pattern.compile(
            ";\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s,]+))", Pattern.CASE_INSENSITIVE);

    private ErpPages() {
    }

    /** One record of a page, with its source reference for the deliver route and dead letters. */
    public record Item(JsonNode json, Map<String, String> source) {
    }

    /**
     * The next page to fetch.
     *
     * @param base      the poll's URL: the source's, with the watermark parameter; page parameters are added to it
     * @param page      the page's number in this poll, 1 for the first
     * @param watermark the watermark so far, or null for none
     * @param items     the items of the pages before it in this poll
     */
    public record Request(URI uri, URI base, int page, String watermark, int items) {
    }

    /**
     * The answer to a request.
     *
     * @param next      the request for the page after it, carrying the watermark and the items once this page is
     *                  settled; empty after the last page or at the page limit
     * @param watermark the watermark once this page is settled: the later of the request's and the page's largest
     *                  incremental value
     * @param limited   another page follows, but the page limit ends this poll
     */
    public record Page(Request request, List<Item> items, Optional<Request> next, String watermark, boolean limited) {

        /** The items of this poll once this page is settled. */
        public int itemsSoFar() {
            return request.items() + items.size();
        }
    }

    /** The request for a poll's first page, from the source's watermark (null: none). */
    public static Request first(ErpSource source, String watermark) {
        URI base = watermark == null || source.incremental().isEmpty() ? source.url()
                : withParam(source.url(), source.incremental().get().param(), watermark);
        return new Request(pageParams(base, source.paging(), 0), base, 1, watermark, 0);
    }

    /** The page that {@code answer} is to {@code request}. */
    public static Page page(ErpSource source, Request request, ErpClient.Page answer) {
        List<JsonNode> records = source.items().items(answer.body());
        List<Item> items = new ArrayList<>(records.size());
        String watermark = request.watermark();
        for (JsonNode record : records) {
            Map<String, String> reference = new LinkedHashMap<>();
            reference.put("kind", "erp");
            reference.put("source", source.name());
            Optional<String> id = recordId(source, record);
            reference.put(id.isPresent() ? "record" : "position",
                    id.orElse("page " + request.page() + " item " + (items.size() + 1)));
            items.add(new Item(record, reference));
            Optional<JsonNode> value = source.incremental().flatMap(incremental -> incremental.field().value(record));
            if (value.isPresent() && value.get().isValueNode()) {
                watermark = ErpIncremental.later(watermark, value.get().asText());
            }
        }
        Optional<URI> next = nextUri(source.paging(), request, answer, items.size());
        boolean limited = next.isPresent() && request.page() >= source.paging().maxPages();
        String settled = watermark;
        return new Page(request, items, limited ? Optional.empty() : next.map(uri -> new Request(uri, request.base(),
                request.page() + 1, settled, request.items() + items.size())), watermark, limited);
    }

    /** The next page's URL after {@code answer}, which held {@code itemCount} items, or empty after the last one. */
    private static Optional<URI> nextUri(ErpPaging paging, Request request, ErpClient.Page answer, int itemCount) {
        Optional<URI> next = switch (paging.style()) {
            case NONE -> Optional.empty();
            case NEXT_LINK -> paging.next().value(answer.body()).map(JsonNode::asText).filter(s -> !s.isBlank())
                    .map(link -> answer.uri().resolve(link.trim()));
            case LINK_HEADER -> nextLink(answer.links().toArray(String[]::new)).map(link -> answer.uri().resolve(link));
            case PAGE, OFFSET -> itemCount < paging.size() || itemCount == 0 ? Optional.empty()
                    : Optional.of(pageParams(request.base(), paging, request.page()));
        };
        // a link back to the same page would loop until the page limit
        return next.filter(uri -> !uri.equals(answer.uri()));
    }

    /** The target of the {@code rel="next"} link among RFC 8288 {@code Link} header values. */
    static Optional<String> nextLink(String... headerValues) {
        for (String header : headerValues) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL_NEXT.matcher(link.group(2));
                while (rel.find()) {
                    String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
                    for (String r : rels.trim().split("\\s+")) {
                        if (r.equalsIgnoreCase("next")) {
                            return Optional.of(link.group(1).trim());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The URL of the page {@code index} (0 for the first) for page and offset parameters; else {@code uri}. */
    private static URI pageParams(URI uri, ErpPaging paging, int index) {
        if (paging.style() != ErpPaging.Style.PAGE && paging.style() != ErpPaging.Style.OFFSET) {
            return uri;
        }
        long position = paging.style() == ErpPaging.Style.PAGE ? paging.firstPage() + (long) index
                : (long) index * paging.size();
        URI result = withParam(uri, paging.pageParam(), Long.toString(position));
        if (paging.sizeParam() != null) {
            result = withParam(result, paging.sizeParam(), Integer.toString(paging.size()));
        }
        return result;
    }

    /** The URI with {@code name=value} appended to its query (both encoded). */
    static URI withParam(URI uri, String name, String value) {
        String text = uri.toString();
        String fragment = "";
        int hash = text.indexOf('#');
        if (hash >= 0) {
            fragment = text.substring(hash);
            text = text.substring(0, hash);
        }
        String pair = URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return URI.create(text + (text.contains("?") ? "&" : "?") + pair + fragment);
    }

    /** The record's id where the source sets {@code record-id} (at most 200 characters). */
    private static Optional<String> recordId(ErpSource source, JsonNode record) {
        return source.recordId().flatMap(id -> id.value(record)).filter(JsonNode::isValueNode).map(JsonNode::asText)
                .map(id -> id.length() > 200 ? id.substring(0, 200) + "…" : id);
    }
}
