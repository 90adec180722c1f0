package io.ogsm.connector.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A YAML configuration file whose top level is a map with one list of entries under {@link #listKey()} (such as
 * {@code sources:} of the ERP sources file), checked against a JSON Schema (draft 2020-12) on the class path. Each
 * rule the schema says is broken becomes one fault worded for the file's reader: the field in dots
 * ({@code paging.size}) and what is wrong, from the schema's own {@code description} (of a missing key) and
 * {@code message} (a map of keyword to wording, e.g. {@code "message": {"pattern": "is empty"}}), with the value at
 * fault quoted, except under the {@linkplain #secretKeys() secret keys}.
 * <p>
 * The rules only the file's own reader knows (unique names, references to resolve, ...) stay with that reader; this
 * class reads the text bounded, parses it, and answers the schema's faults by entry, for the reader to prefix with
 * the file and the entry it names. An instance is immutable and may be shared.
 */
public final class SchemaCheckedYaml {

    private static final ObjectMapper YAML = yaml();

    private final String schema;
    private final String listKey;
    private final Set<String> secretKeys;
    private final JsonNode tree;
    private final Schema check;

    private SchemaCheckedYaml(String schema, String listKey, Set<String> secretKeys) {
        this.schema = schema;
        this.listKey = listKey;
        this.secretKeys = Set.copyOf(secretKeys);
        this.tree = schemaTree(schema);
        this.check = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        registry -> registry.schemaRegistryConfig(
                                SchemaRegistryConfig.builder().errorMessageKeyword("message").build()))
                .getSchema(tree);
    }

    /**
     * The files checked by one schema.
     *
     * @param schema     the schema's class-path resource, e.g. {@code /schemas/erp-sources.schema.json}; read now, so
     *                   a missing one fails here ({@link IllegalStateException})
     * @param listKey    the top-level key whose list holds the entries, e.g. {@code sources}
     * @param secretKeys keys of an entry (e.g. {@code auth}) whose values, and everything under them, are never
     *                   quoted in a fault
     */
    public static SchemaCheckedYaml of(String schema, String listKey, Set<String> secretKeys) {
        return new SchemaCheckedYaml(schema, listKey, secretKeys);
    }

    /** The schema's class-path resource. */
    public String schema() {
        return schema;
    }

    /** The top-level key whose list holds the entries. */
    public String listKey() {
        return listKey;
    }

    /** The keys of an entry whose values are never quoted in a fault. */
    public Set<String> secretKeys() {
        return secretKeys;
    }

    /**
     * A new YAML mapper for binding an entry the schema accepts into records: keys in kebab-case
     * ({@code record-id} binds {@code recordId}), an unknown key an error. Keep one; it may be shared once made.
     */
    public static ObjectMapper yaml() {
        return YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * The text of a configuration file no larger than {@code maxBytes}. A larger file or one that cannot be read is
     * one problem naming it, {@code <path>: larger than 1 MB, surely not <what>} or
     * {@code <path>: cannot be read (<reason>)}, thrown as {@code failure} makes it of the problem's list.
     *
     * @param what the kind of file with its article, for the message, e.g. {@code a sources file}
     */
    public static String readBounded(Path path, long maxBytes, String what,
            Function<List<String>, ? extends RuntimeException> failure) {
        String name = path.toString();
        try {
            if (Files.size(path) > maxBytes) {
                throw failure.apply(List.of(name + ": larger than " + size(maxBytes) + ", surely not " + what));
            }
            return Files.readString(path);
        } catch (IOException e) {
            throw failure.apply(List.of(name + ": cannot be read (" + e.getMessage() + ")"));
        }
    }

    /**
     * The YAML tree of the text of a file named {@code file} (for messages), or null when the text holds no document
     * or just {@code null} (an empty file). Text that is not YAML is one problem,
     * {@code <file>: not valid YAML (<the parser's reason>, line <n>)}, thrown as {@code failure} makes it.
     */
    public static JsonNode parse(String file, String text, Function<List<String>, ? extends RuntimeException> failure) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw failure.apply(List.of(file + ": not valid YAML (" + e.getOriginalMessage() + ", line "
                    + e.getLocation().getLineNr() + ")"));
        }
        return root == null || root.isMissingNode() || root.isNull() ? null : root;
    }

    /**
     * What the schema finds wrong in a parsed file, by the index of the entry under {@link #listKey()} at fault
     * (0 for the first), -1 for faults of the file as a whole (an unknown top-level key, the list not a list); in
     * index order, each entry's faults in the schema's order. A fault names the field within its entry (within the
     * file for -1) and carries neither file nor entry, e.g. {@code paging.size is missing (<its description>)},
     * {@code map: unknown key 'valeu' (known: type, id, ...)}, {@code auth.type must be none, basic or bearer},
     * {@code paging.max-pages: must have a minimum value of 1, was '0'}. Empty when the file matches the schema.
     */
    public Map<Integer, List<String>> faults(JsonNode root) {
        Map<Integer, List<String>> faults = new TreeMap<>();
        for (Error error : check.validate(root)) {
            faults.computeIfAbsent(entryIndex(error.getInstanceLocation()), i -> new ArrayList<>())
                    .add(describe(error));
        }
        faults.replaceAll((index, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(faults);
    }

    /** The entry a location is in: its index under {@link #listKey()}, or -1 for the file as a whole. */
    private int entryIndex(NodePath at) {
        return at.getNameCount() > 1 && listKey.equals(at.getName(0)) && at.getElement(1) instanceof Integer index
                ? index : -1;
    }

    /**
     * A schema error in the file's words: the field and what is wrong with it, the value at fault quoted unless it is
     * empty, not a single value, or under a secret key.
     */
    private String describe(Error error) {
        NodePath at = error.getInstanceLocation();
        boolean inEntry = entryIndex(at) >= 0;
        List<String> names = new ArrayList<>();
        for (int i = inEntry ? 2 : 0; i < at.getNameCount(); i++) {
            names.add(at.getName(i));
        }
        String field = String.join(".", names);
        boolean secret = inEntry && !names.isEmpty() && secretKeys.contains(names.get(0));
        JsonNode rule = tree.at(error.getSchemaLocation().getFragment().getParent().toString());
        JsonNode value = error.getInstanceNode();
        String was = secret || !value.isValueNode() || value.asText().isBlank() ? "" : ", was '" + value.asText() + "'";
        return switch (error.getKeyword()) {
            case "required", "dependentRequired" -> {
                String missing = String.valueOf(error.getArguments()[0]);
                String description = description(rule.path("properties").path(missing));
                yield (field.isEmpty() ? "" : field + ".") + missing + " is missing"
                        + (description.isEmpty() ? "" : " (" + description + ")");
            }
            case "additionalProperties" -> (field.isEmpty() ? "" : field + ": ") + "unknown key '"
                    + error.getProperty() + "' (known: " + String.join(", ", texts(rule.path("properties"))) + ")";
            case "enum" -> field + " must be " + String.join(", ", texts(error.getSchemaNode()))
                    .replaceFirst(", ([^,]*)$", " or $1") + (secret ? "" : ", was '" + value.asText() + "'");
            default -> (field.isEmpty() ? "" : field + (error.isCustomMessage() ? " " : ": ")) + error.getMessage()
                    + was;
        };
    }

    /** A property's description in the schema, following its {@code $ref} when it has none of its own. */
    private String description(JsonNode property) {
        if (property.has("description") || !property.has("$ref")) {
            return property.path("description").asText();
        }
        return description(tree.at(property.path("$ref").asText().substring(1)));
    }

    /** The field names of an object node, or the texts of an array node. */
    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> texts.add(element.asText()));
        } else {
            node.fieldNames().forEachRemaining(texts::add);
        }
        return texts;
    }

    /** A byte count as the message says it: whole MB or KB where it is one, else bytes. */
    private static String size(long bytes) {
        long mb = 1024 * 1024;
        if (bytes > 0 && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        return bytes > 0 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private static JsonNode schemaTree(String schema) {
        try (InputStream in = SchemaCheckedYaml.class.getResourceAsStream(schema)) {
            if (in == null) {
                throw new IllegalStateException(schema + " is not on the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + schema, e);
        }
    }
}
