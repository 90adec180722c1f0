package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which URL a source polls first and which one next, for each paging style. */
public final class ErpPages {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL_NEXT = Pattern.compile(
            ";\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s,]+))", Pattern.CASE_INSENSITIVE);

    private ErpPages() {
    }

    /** The URL of a poll: the source's URL with the watermark parameter, when there is a watermark. */
    public static URI base(ErpSource source, String watermark) {
        URI uri = source.url();
        if (watermark != null && source.incremental().isPresent()) {
            uri = withParam(uri, source.incremental().get().param(), watermark);
        }
        return uri;
    }

    /** The first page's URL: the poll's URL with the first page's parameters. */
    public static URI first(ErpSource source, URI base) {
        return pageParams(base, source.paging(), 0);
    }

    /**
     * The next page's URL after the page {@code index} (0 for the first) that held {@code itemCount} items, or empty
     * when that page was the last. {@code base} is the poll's URL (see {@link #base}).
     */
    public static Optional<URI> next(ErpSource source, URI base, ErpClient.Page page, int index, int itemCount) {
        ErpPaging paging = source.paging();
        Optional<URI> next = switch (paging.style()) {
            case NONE -> Optional.empty();
            case NEXT_LINK -> paging.next().value(page.body()).map(JsonNode::asText).filter(s -> !s.isBlank())
                    .map(link -> page.uri().resolve(link.trim()));
            case LINK_HEADER -> nextLink(page.links().toArray(String[]::new)).map(link -> page.uri().resolve(link));
            case PAGE, OFFSET -> itemCount < paging.size() || itemCount == 0 ? Optional.empty()
                    : Optional.of(pageParams(base, paging, index + 1));
        };
        // a link back to the same page would loop until the page limit
        return next.filter(uri -> !uri.equals(page.uri()));
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
}
