package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.ogsm.connector.ogsm.OgsmJson;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A compiled JSONPath expression (Jayway) read against Jackson trees, numbers kept exact. */
public final class ErpPath {

    private static final ObjectMapper MAPPER = OgsmJson.mapper();
    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final String expression;
    private final JsonPath path;

    private ErpPath(String expression, JsonPath path) {
        this.expression = expression;
        this.path = path;
    }

    /** Compiles an expression that starts with {@code $}; a bad one throws with the parser's reason. */
    public static ErpPath compile(String expression) {
        if (expression == null || !expression.trim().startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath starts with $");
        }
        String unbalanced = unbalanced(expression.trim());
        if (unbalanced != null) {
            throw new IllegalArgumentException(unbalanced);
        }
        try {
            return new ErpPath(expression.trim(), JsonPath.compile(expression.trim()));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // the parser fails on some malformed paths with e.g. StringIndexOutOfBoundsException
            throw new IllegalArgumentException("cannot be parsed", e);
        }
    }

    /** Jayway's parser reads {@code $.a[} as {@code $.a}; brackets, parentheses and quotes must pair up. */
    private static String unbalanced(String expression) {
        Deque<Character> open = new ArrayDeque<>();
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                open.push(c);
            } else if (c == ']' || c == ')') {
                char expected = c == ']' ? '[' : '(';
                if (open.isEmpty() || open.pop() != expected) {
                    return "'" + c + "' at position " + (i + 1) + " closes nothing";
                }
            }
        }
        if (quote != 0) {
            return "a quote is not closed";
        }
        return open.isEmpty() ? null : "'" + open.peek() + "' is not closed";
    }

    public String expression() {
        return expression;
    }

    /** The value at this path, or empty when the path finds nothing or JSON null. */
    public Optional<JsonNode> value(JsonNode document) {
        Object found = JsonPath.using(JSON).parse(document).read(path);
        JsonNode node = found == null ? null : found instanceof JsonNode n ? n : MAPPER.valueToTree(found);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!path.isDefinite() && node.isArray()) {
            // an indefinite path answers a list: its first match, if any
            return node.isEmpty() || node.get(0).isNull() ? Optional.empty() : Optional.of(node.get(0));
        }
        return Optional.of(node);
    }

    /** The items at this path: the elements of the array it finds (or the one object it finds). */
    public List<JsonNode> items(JsonNode document) {
        Object found = JsonPath.using(JSON).parse(document).read(path);
        JsonNode node = found == null ? null : found instanceof JsonNode n ? n : MAPPER.valueToTree(found);
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return items;
        }
        if (node.isArray()) {
            if (!path.isDefinite() && node.size() == 1 && node.get(0).isArray()) {
                node = node.get(0); // e.g. $.d.results[*] written as $..results
            }
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }

    @Override
    public String toString() {
        return expression;
    }
}
