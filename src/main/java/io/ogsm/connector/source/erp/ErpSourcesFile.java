package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ogsm.connector.measurement.MeasurementType;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code config/erp-sources.yaml} into checked {@link ErpSource}s. Every rule broken is reported as one line that
 * names the file, the source and the field; an unknown key is an error, so a misspelt one cannot silently do
 * nothing. {@code ${NAME}} in {@code url} and in the {@code auth} values is replaced by the environment variable
 * (or configuration value) {@code NAME}; an unset one is an error, and secret values never appear in a message.
 */
public final class ErpSourcesFile {

    public static final String DEFAULT_PATH = "config/erp-sources.yaml";

    static final Set<String> SOURCE_KEYS = keys("name", "url", "schedule", "auth", "items", "paging", "incremental",
            "map", "record-id");
    static final Set<String> MAP_KEYS = keys("type", "id", "title", "at", "at-format", "value", "target",
            "description");
    static final Set<String> PAGING_KEYS = keys("next", "link-header", "page-param", "offset-param", "size-param",
            "size", "first-page", "max-pages");
    static final Set<String> INCREMENTAL_KEYS = keys("param", "field", "initial");
    static final Set<String> AUTH_TYPES = keys("none", "basic", "bearer", "header");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");
    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());
    /** A sources file this large is surely not one. */
    private static final long MAX_FILE_SIZE = 1024 * 1024;

    private final String file;
    private final Function<String, Optional<String>> environment;
    private final int defaultMaxPages;
    private final List<String> problems = new ArrayList<>();

    private ErpSourcesFile(String file, Function<String, Optional<String>> environment, int defaultMaxPages) {
        this.file = file;
        this.environment = environment;
        this.defaultMaxPages = defaultMaxPages;
    }

    /** Reads and checks the file; throws {@link InvalidErpSourcesException} naming every problem. */
    public static List<ErpSource> read(Path path, Function<String, Optional<String>> environment, int defaultMaxPages) {
        String name = path.toString();
        String text;
        try {
            if (Files.size(path) > MAX_FILE_SIZE) {
                throw new InvalidErpSourcesException(List.of(name + ": larger than 1 MB, surely not a sources file"));
            }
            text = Files.readString(path);
        } catch (IOException e) {
            throw new InvalidErpSourcesException(List.of(name + ": cannot be read (" + e.getMessage() + ")"));
        }
        return parse(name, text, environment, defaultMaxPages);
    }

    /** Parses and checks the text of a sources file named {@code file} (for messages). */
    public static List<ErpSource> parse(String file, String text, Function<String, Optional<String>> environment,
            int defaultMaxPages) {
        ErpSourcesFile reader = new ErpSourcesFile(file, environment, defaultMaxPages);
        List<ErpSource> sources = reader.sources(text);
        if (!reader.problems.isEmpty()) {
            throw new InvalidErpSourcesException(reader.problems);
        }
        return sources;
    }

    private List<ErpSource> sources(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(file + ": not valid YAML (" + e.getOriginalMessage() + ", line "
                    + e.getLocation().getLineNr() + ")");
            return List.of();
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (!root.isObject()) {
            problems.add(file + ": must be a map with the key 'sources'");
            return List.of();
        }
        unknownKeys(root, keys("sources"), file + ":");
        JsonNode list = root.path("sources");
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            problems.add(file + ": 'sources' must be a list");
            return List.of();
        }
        List<ErpSource> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String name = entry.path("name").isTextual() ? entry.path("name").asText().trim() : null;
            String where = file + ": source " + (name != null && !name.isEmpty() ? "'" + name + "'" : "#" + (i + 1));
            if (!entry.isObject()) {
                problems.add(where + ": must be a map of keys");
                continue;
            }
            int before = problems.size();
            if (name == null || name.isEmpty()) {
                problems.add(where + ": name is missing");
            } else if (!NAME.matcher(name).matches()) {
                problems.add(where + ": name may hold only letters, digits, '-' and '_' (at most 63)");
            } else if (!names.add(name)) {
                problems.add(where + ": name is used by another source too");
            }
            ErpSource source = source(entry, name, where);
            if (problems.size() == before && source != null) {
                sources.add(source);
            }
        }
        return sources;
    }

    private ErpSource source(JsonNode entry, String name, String where) {
        unknownKeys(entry, SOURCE_KEYS, where + ":");
        URI url = url(entry.path("url"), where);
        ErpSchedule schedule = null;
        String scheduleText = scalar(entry, "schedule", where, true);
        if (scheduleText != null) {
            try {
                schedule = ErpSchedule.parse(scheduleText);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": schedule " + e.getMessage());
            }
        }
        ErpAuth auth = auth(entry.path("auth"), where);
        ErpPath items = path(entry, "items", where, true);
        ErpPaging paging = paging(entry.path("paging"), where);
        Optional<ErpIncremental> incremental = incremental(entry.path("incremental"), where);
        ErpMapping mapping = mapping(entry.path("map"), where);
        Optional<ErpPath> recordId = Optional.ofNullable(path(entry, "record-id", where, false));
        if (name == null || url == null || schedule == null || auth == null || items == null || paging == null
                || mapping == null) {
            return null;
        }
        return new ErpSource(name, url, schedule, auth, items, paging, incremental, mapping, recordId);
    }

    private URI url(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            problems.add(where + ": url is missing");
            return null;
        }
        if (!node.isValueNode()) {
            problems.add(where + ": url must be a text");
            return null;
        }
        String text = resolve(node.asText().trim(), where, "url");
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problems.add(where + ": url must start with https:// or http://");
                return null;
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                problems.add(where + ": url has no host name");
                return null;
            }
            if (uri.getRawUserInfo() != null) {
                problems.add(where + ": url must not hold credentials; use auth");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(where + ": url is not a valid URL (" + e.getReason() + ")");
            return null;
        }
    }

    private ErpAuth auth(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return new ErpAuth.None();
        }
        if (!node.isObject()) {
            problems.add(where + ": auth must be a map such as {type: bearer, token: \"${ERP_TOKEN}\"}");
            return null;
        }
        String type = scalar(node, "type", where, "auth.type", true);
        if (type == null) {
            return null;
        }
        type = type.trim().toLowerCase(Locale.ROOT);
        int before = problems.size();
        ErpAuth auth = switch (type) {
            case "none" -> {
                unknownKeys(node, keys("type"), where + ": auth:");
                yield new ErpAuth.None();
            }
            case "basic" -> {
                unknownKeys(node, keys("type", "username", "password"), where + ": auth:");
                yield new ErpAuth.Basic(secret(node, "username", where), secret(node, "password", where));
            }
            case "bearer" -> {
                unknownKeys(node, keys("type", "token"), where + ": auth:");
                yield new ErpAuth.Bearer(secret(node, "token", where));
            }
            case "header" -> {
                unknownKeys(node, keys("type", "name", "value"), where + ": auth:");
                String header = scalar(node, "name", where, "auth.name", true);
                if (header != null && !header.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                    problems.add(where + ": auth.name is not an HTTP header name");
                }
                yield new ErpAuth.Header(header, secret(node, "value", where));
            }
            default -> {
                problems.add(where + ": auth.type must be none, basic, bearer or header, was '" + type + "'");
                yield null;
            }
        };
        return problems.size() == before ? auth : null;
    }

    /** An auth value: {@code ${NAME}} resolved; never echoed in a message. */
    private String secret(JsonNode auth, String key, String where) {
        String text = scalar(auth, key, where, "auth." + key, true);
        return text == null ? null : resolve(text, where, "auth." + key);
    }

    private String resolve(String text, String where, String field) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        boolean ok = true;
        while (reference.find()) {
            String variable = reference.group(1);
            Optional<String> value = environment.apply(variable);
            if (value.isEmpty()) {
                problems.add(where + ": " + field + " refers to ${" + variable + "}, which is not set");
                ok = false;
                continue;
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(value.get()));
        }
        reference.appendTail(resolved);
        return ok ? resolved.toString() : null;
    }

    private ErpPaging paging(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return ErpPaging.none(defaultMaxPages);
        }
        if (!node.isObject()) {
            problems.add(where + ": paging must be a map such as {next: \"$.d.__next\"}");
            return null;
        }
        int before = problems.size();
        unknownKeys(node, PAGING_KEYS, where + ": paging:");
        int maxPages = number(node, "max-pages", where, defaultMaxPages, 1);
        List<String> styles = new ArrayList<>();
        for (String style : List.of("next", "link-header", "page-param", "offset-param")) {
            if (node.has(style)) {
                styles.add(style);
            }
        }
        if (styles.size() > 1) {
            problems.add(where + ": paging: say one of next, link-header, page-param or offset-param, not "
                    + String.join(" and ", styles));
            return null;
        }
        ErpPaging paging;
        if (styles.isEmpty()) {
            if (node.has("size") || node.has("size-param") || node.has("first-page")) {
                problems.add(where + ": paging.size-param and paging.size need page-param or offset-param");
            }
            paging = ErpPaging.none(maxPages);
        } else if (styles.get(0).equals("next")) {
            paging = new ErpPaging(ErpPaging.Style.NEXT_LINK, path(node, "next", where, "paging.next", true), null,
                    null, 0, 0, maxPages);
        } else if (styles.get(0).equals("link-header")) {
            if (!node.path("link-header").isBoolean()) {
                problems.add(where + ": paging.link-header must be true or false");
            }
            paging = node.path("link-header").asBoolean() ? new ErpPaging(ErpPaging.Style.LINK_HEADER, null, null,
                    null, 0, 0, maxPages) : ErpPaging.none(maxPages);
        } else {
            boolean page = styles.get(0).equals("page-param");
            String param = scalar(node, styles.get(0), where, "paging." + styles.get(0), true);
            String sizeParam = scalar(node, "size-param", where, "paging.size-param", false);
            int size = number(node, "size", where, 0, 1);
            if (!node.has("size")) {
                problems.add(where + ": paging.size is missing (items per page; a shorter page is the last)");
            }
            if (!page && node.has("first-page")) {
                problems.add(where + ": paging.first-page goes with page-param, not offset-param");
            }
            int firstPage = number(node, "first-page", where, 1, 0);
            paging = new ErpPaging(page ? ErpPaging.Style.PAGE : ErpPaging.Style.OFFSET, null, param, sizeParam,
                    size, firstPage, maxPages);
        }
        return problems.size() == before ? paging : null;
    }

    private Optional<ErpIncremental> incremental(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add(where + ": incremental must be a map such as {param: modified_since, field: \"$.ModifiedAt\"}");
            return Optional.empty();
        }
        unknownKeys(node, INCREMENTAL_KEYS, where + ": incremental:");
        String param = scalar(node, "param", where, "incremental.param", true);
        ErpPath field = path(node, "field", where, "incremental.field", true);
        String initial = scalar(node, "initial", where, "incremental.initial", false);
        if (param == null || field == null) {
            return Optional.empty();
        }
        return Optional.of(new ErpIncremental(param, field, Optional.ofNullable(initial)));
    }

    private ErpMapping mapping(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            problems.add(where + ": map is missing (type, id or title, at, value)");
            return null;
        }
        if (!node.isObject()) {
            problems.add(where + ": map must be a map of measurement fields");
            return null;
        }
        int before = problems.size();
        unknownKeys(node, MAP_KEYS, where + ": map:");
        ErpValue type = value(node, "type", where, true);
        if (type != null && type.path() == null && MeasurementType.parse(type.constant()).isEmpty()) {
            problems.add(where + ": map.type must be goal, kpi or a JSONPath, was '" + type.constant() + "'");
        }
        ErpValue id = value(node, "id", where, false);
        ErpValue title = value(node, "title", where, false);
        if (id == null && title == null && !node.has("id") && !node.has("title")) {
            problems.add(where + ": map.id or map.title is missing");
        } else if (node.has("id") && node.has("title")) {
            problems.add(where + ": map says both id and title; say one");
        }
        ErpValue at = value(node, "at", where, true);
        String atPattern = scalar(node, "at-format", where, "map.at-format", false);
        DateTimeFormatter atFormat = null;
        if (atPattern != null) {
            try {
                // strict, so 20260231 is an error, not 28 February; 'u' is the proleptic year STRICT needs
                atFormat = DateTimeFormatter.ofPattern(atPattern.replace('y', 'u'), Locale.ROOT)
                        .withResolverStyle(ResolverStyle.STRICT);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": map.at-format '" + atPattern + "' is not a date pattern (" + e.getMessage()
                        + ")");
            }
        }
        ErpValue value = value(node, "value", where, true);
        ErpValue target = value(node, "target", where, false);
        ErpValue description = value(node, "description", where, false);
        for (String number : List.of("id", "value", "target")) {
            JsonNode constant = node.path(number);
            if (constant.isValueNode() && !constant.asText().trim().startsWith("$")) {
                try {
                    new BigDecimal(constant.asText().trim());
                } catch (NumberFormatException e) {
                    problems.add(where + ": map." + number + " must be a number or a JSONPath, was '"
                            + constant.asText() + "'");
                }
            }
        }
        if (problems.size() != before) {
            return null;
        }
        return new ErpMapping(type, id, title, at, atFormat, atPattern, value, target, description);
    }

    private ErpValue value(JsonNode map, String key, String where, boolean required) {
        return compiled(map, key, where, "map." + key, required, ErpValue::of);
    }

    private ErpPath path(JsonNode node, String key, String where, boolean required) {
        return path(node, key, where, key, required);
    }

    private ErpPath path(JsonNode node, String key, String where, String field, boolean required) {
        return compiled(node, key, where, field, required, ErpPath::compile);
    }

    /** A JSONPath field compiled by {@code compile}; a problem, and null, when it is missing (if required) or invalid. */
    private <T> T compiled(JsonNode node, String key, String where, String field, boolean required,
            Function<String, T> compile) {
        String text = scalar(node, key, where, field, required);
        if (text == null) {
            return null;
        }
        try {
            return compile.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + field + " '" + text + "' is not a valid JSONPath (" + e.getMessage() + ")");
            return null;
        }
    }

    private String scalar(JsonNode node, String key, String where, boolean required) {
        return scalar(node, key, where, key, required);
    }

    private String scalar(JsonNode node, String key, String where, String field, boolean required) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull() || (value.isValueNode() && value.asText().isBlank())) {
            if (required) {
                problems.add(where + ": " + field + " is missing");
            }
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(where + ": " + field + " must be a single value, not a " + value.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
            return null;
        }
        return value.asText();
    }

    private int number(JsonNode node, String key, String where, int fallback, int min) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min) {
            problems.add(where + ": paging." + key + " must be a whole number of at least " + min + ", was '"
                    + value.asText() + "'");
            return fallback;
        }
        return value.asInt();
    }

    private void unknownKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!known.contains(key)) {
                problems.add(where + " unknown key '" + key + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private static Set<String> keys(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }
}
