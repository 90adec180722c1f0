package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ogsm.connector.config.SchemaCheckedYaml;
import io.ogsm.connector.measurement.MeasurementType;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Reads {@code config/erp-sources.yaml} into checked {@link ErpSource}s. The file is first checked against the JSON
 * Schema {@code schemas/erp-sources.schema.json} (types, required and unknown keys, patterns, ranges; by
 * {@link SchemaCheckedYaml}, which words the schema's faults), then each source
 * is bound into the records below and checked for what a schema cannot say: unique names, the URL once
 * {@code ${NAME}} is resolved, the schedule, JSONPaths, the date pattern, {@code map.type}, id or title, one paging
 * style. Every rule broken is one line naming the file, the source (by name, or #n) and the field. {@code ${NAME}} in
 * {@code url} and in the {@code auth} values is replaced by the environment variable (or configuration value)
 * {@code NAME}; an unset one is an error, and secret values never appear in a message.
 */
public final class ErpSourcesFile {

    public static final String DEFAULT_PATH = "config/erp-sources.yaml";
    /** The schema, on the class path from the project's {@code schemas/} folder (a resource folder of the pom). */
    static final String SCHEMA = "/schemas/erp-sources.schema.json";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");
    private static final ObjectMapper YAML = SchemaCheckedYaml.yaml();
    /** The schema's check of the list under {@code sources}; values under {@code auth} are never echoed. */
    private static final SchemaCheckedYaml CHECKED = SchemaCheckedYaml.of(SCHEMA, "sources", Set.of("auth"));
    /** A sources file this large is surely not one. */
    private static final long MAX_FILE_SIZE = 1024 * 1024;

    /** One source as written in the file, once it matches the schema. */
    record Entry(String name, String url, String schedule, Auth auth, String items, Paging paging,
            Incremental incremental, Fields map, String recordId) {
    }

    record Auth(String type, String username, String password, String token, String name, String value) {
    }

    record Paging(String next, Boolean linkHeader, String pageParam, String offsetParam, String sizeParam,
            Integer size, Integer firstPage, Integer maxPages) {
    }

    record Incremental(String param, String field, String initial) {
    }

    record Fields(String type, String id, String title, String at, String atFormat, String value, String target,
            String description) {
    }

    private final String file;
    private final Function<String, Optional<String>> environment;
    private final int defaultMaxPages;
    private final List<String> problems = new ArrayList<>();
    /** The file and the source being checked, for messages. */
    private String where;

    private ErpSourcesFile(String file, Function<String, Optional<String>> environment, int defaultMaxPages) {
        this.file = file;
        this.environment = environment;
        this.defaultMaxPages = defaultMaxPages;
    }

    /** Reads and checks the file; throws {@link InvalidErpSourcesException} naming every problem. */
    public static List<ErpSource> read(Path path, Function<String, Optional<String>> environment, int defaultMaxPages) {
        String text = SchemaCheckedYaml.readBounded(path, MAX_FILE_SIZE, "a sources file",
                InvalidErpSourcesException::new);
        return parse(path.toString(), text, environment, defaultMaxPages);
    }

    /** Parses and checks the text of a sources file named {@code file} (for messages). */
    public static List<ErpSource> parse(String file, String text, Function<String, Optional<String>> environment,
            int defaultMaxPages) {
        JsonNode root = SchemaCheckedYaml.parse(file, text, InvalidErpSourcesException::new);
        if (root == null) {
            return List.of();
        }
        ErpSourcesFile reader = new ErpSourcesFile(file, environment, defaultMaxPages);
        List<ErpSource> sources = reader.sources(root);
        if (!reader.problems.isEmpty()) {
            throw new InvalidErpSourcesException(reader.problems);
        }
        return sources;
    }

    private List<ErpSource> sources(JsonNode root) {
        Map<Integer, List<String>> broken = CHECKED.faults(root); // what the schema says, by source; -1: the file
        where = file;
        broken.getOrDefault(-1, List.of()).forEach(this::problem);
        JsonNode list = root.path("sources");
        List<ErpSource> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            String name = list.get(i).path("name").isTextual() ? list.get(i).path("name").asText() : "";
            where = file + ": source " + (name.isBlank() ? "#" + (i + 1) : "'" + name + "'");
            int before = problems.size();
            broken.getOrDefault(i, List.of()).forEach(this::problem);
            if (!name.isBlank() && !names.add(name)) {
                problem("name is used by another source too");
            }
            if (problems.size() == before) {
                ErpSource source = source(bind(list.get(i)));
                if (problems.size() == before) {
                    sources.add(source);
                }
            }
        }
        return sources;
    }

    private static Entry bind(JsonNode entry) {
        try {
            return YAML.treeToValue(entry, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a source the schema accepts does not bind: " + e.getOriginalMessage(), e);
        }
    }

    private ErpSource source(Entry entry) {
        URI url = url(entry.url());
        ErpSchedule schedule = checked(() -> ErpSchedule.parse(entry.schedule()), why -> "schedule " + why);
        ErpAuth auth = auth(entry.auth());
        ErpPath items = path("items", entry.items());
        ErpPaging paging = paging(entry.paging());
        Optional<ErpIncremental> incremental = Optional.ofNullable(entry.incremental()).map(i -> new ErpIncremental(
                i.param(), path("incremental.field", i.field()), Optional.ofNullable(i.initial())));
        ErpMapping mapping = mapping(entry.map());
        Optional<ErpPath> recordId = Optional.ofNullable(path("record-id", entry.recordId()));
        return new ErpSource(entry.name(), url, schedule, auth, items, paging, incremental, mapping, recordId);
    }

    private URI url(String text) {
        String resolved = resolve("url", text.trim());
        if (resolved == null) {
            return null;
        }
        try {
            URI uri = new URI(resolved);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problem("url must start with https:// or http://");
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                problem("url has no host name");
            } else if (uri.getRawUserInfo() != null) {
                problem("url must not hold credentials; use auth");
            } else {
                return uri;
            }
        } catch (URISyntaxException e) {
            problem("url is not a valid URL (" + e.getReason() + ")");
        }
        return null;
    }

    /** The schema holds which keys each type needs; the values are resolved here, never echoed. */
    private ErpAuth auth(Auth auth) {
        return switch (auth == null ? "none" : auth.type()) {
            case "basic" -> new ErpAuth.Basic(resolve("auth.username", auth.username()),
                    resolve("auth.password", auth.password()));
            case "bearer" -> new ErpAuth.Bearer(resolve("auth.token", auth.token()));
            case "header" -> new ErpAuth.Header(auth.name(), resolve("auth.value", auth.value()));
            default -> new ErpAuth.None();
        };
    }

    private String resolve(String field, String text) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        boolean ok = true;
        while (reference.find()) {
            Optional<String> value = environment.apply(reference.group(1));
            if (value.isEmpty()) {
                problem(field + " refers to ${" + reference.group(1) + "}, which is not set");
                ok = false;
                continue;
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(value.get()));
        }
        reference.appendTail(resolved);
        return ok ? resolved.toString() : null;
    }

    private ErpPaging paging(Paging paging) {
        if (paging == null) {
            return ErpPaging.none(defaultMaxPages);
        }
        int maxPages = paging.maxPages() == null ? defaultMaxPages : paging.maxPages();
        String[] keys = {"next", "link-header", "page-param", "offset-param"};
        Object[] given = {paging.next(), paging.linkHeader(), paging.pageParam(), paging.offsetParam()};
        List<String> styles = IntStream.range(0, keys.length).filter(i -> given[i] != null).mapToObj(i -> keys[i])
                .toList();
        String style = styles.isEmpty() ? "" : styles.get(0);
        if (styles.size() > 1) {
            problem("paging: say one of next, link-header, page-param or offset-param, not "
                    + String.join(" and ", styles));
        } else if (style.isEmpty() && (paging.size() != null || paging.sizeParam() != null
                || paging.firstPage() != null)) {
            problem("paging.size-param and paging.size need page-param or offset-param");
        } else if (style.equals("offset-param") && paging.firstPage() != null) {
            problem("paging.first-page goes with page-param, not offset-param");
        }
        int size = paging.size() == null ? 0 : paging.size();
        int firstPage = paging.firstPage() == null ? 1 : paging.firstPage();
        return switch (style) {
            case "next" -> new ErpPaging(ErpPaging.Style.NEXT_LINK, path("paging.next", paging.next()), null, null, 0,
                    0, maxPages);
            case "link-header" -> paging.linkHeader()
                    ? new ErpPaging(ErpPaging.Style.LINK_HEADER, null, null, null, 0, 0, maxPages)
                    : ErpPaging.none(maxPages);
            case "page-param" -> new ErpPaging(ErpPaging.Style.PAGE, null, paging.pageParam(), paging.sizeParam(),
                    size, firstPage, maxPages);
            case "offset-param" -> new ErpPaging(ErpPaging.Style.OFFSET, null, paging.offsetParam(),
                    paging.sizeParam(), size, firstPage, maxPages);
            default -> ErpPaging.none(maxPages);
        };
    }

    private ErpMapping mapping(Fields map) {
        ErpValue type = value("type", map.type());
        if (type != null && type.path() == null && MeasurementType.parse(type.constant()).isEmpty()) {
            problem("map.type must be goal, kpi or a JSONPath, was '" + type.constant() + "'");
        }
        if (map.id() == null && map.title() == null) {
            problem("map.id or map.title is missing");
        } else if (map.id() != null && map.title() != null) {
            problem("map says both id and title; say one");
        }
        // strict, so 20260231 is an error, not 28 February; 'u' is the proleptic year STRICT needs
        DateTimeFormatter atFormat = map.atFormat() == null ? null : checked(() -> DateTimeFormatter.ofPattern(
                        map.atFormat().replace('y', 'u'), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
                why -> "map.at-format '" + map.atFormat() + "' is not a date pattern (" + why + ")");
        return new ErpMapping(type, value("id", map.id()), value("title", map.title()), value("at", map.at()),
                atFormat, map.atFormat(), value("value", map.value()), value("target", map.target()),
                value("description", map.description()));
    }

    private ErpValue value(String key, String text) {
        return text == null || text.isBlank() ? null : checked(() -> ErpValue.of(text),
                why -> "map." + key + " '" + text + "' is not a valid JSONPath (" + why + ")");
    }

    private ErpPath path(String field, String text) {
        return text == null ? null : checked(() -> ErpPath.compile(text),
                why -> field + " '" + text + "' is not a valid JSONPath (" + why + ")");
    }

    /** What {@code make} answers, or null and a problem worded by {@code problem} from its reason. */
    private <T> T checked(Supplier<T> make, Function<String, String> problem) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            problem(problem.apply(e.getMessage()));
            return null;
        }
    }

    private void problem(String text) {
        problems.add(where + ": " + text);
    }
}
