package io.ogsm.connector.source.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The erp-source template of routes/erp.yaml declares, typed and documented, exactly what ErpSetup passes it. */
class ErpSetupTest {

    @Test
    void theTemplateDeclaresEveryParameterASourceIsMadeWith() throws Exception {
        JsonNode template = new YAMLMapper().readTree(Path.of("src/main/resources/routes/erp.yaml").toFile()).get(0).path("routeTemplate");
        assertEquals(ErpSetup.TEMPLATE, template.path("id").asText());
        Set<String> declared = new HashSet<>();
        Set<String> required = new HashSet<>();
        for (JsonNode parameter : template.path("parameters")) {
            declared.add(parameter.path("name").asText());
            if (parameter.path("required").asBoolean(!parameter.has("defaultValue"))) {
                required.add(parameter.path("name").asText());
            }
            assertTrue(parameter.path("description").asText().matches("(string|integer)\\b.*: .+"),
                    parameter + ": the description starts with the type");
        }
        List<ErpSource> sources = ErpSourcesFile.read(Path.of("src/test/resources/erp/sources.yaml"),
                name -> Optional.of("https://erp.example.com"), 100);
        for (ErpSource source : sources) {
            Map<String, Object> parameters = ErpSetup.parameters(source, Duration.ofSeconds(2));
            assertTrue(declared.containsAll(parameters.keySet()), parameters.keySet() + " not all in " + declared);
            assertTrue(parameters.keySet().containsAll(required), source.name() + " lacks some of " + required);
        }
        Map<String, Object> odata = ErpSetup.parameters(sources.get(0), Duration.ofSeconds(2));
        assertEquals("timer:erp-odata?delay=2000&period=1000&synchronous=true", odata.get("trigger"));
        assertEquals("https://erp.example.com/odata/Kpis", odata.get("url"));
        assertEquals("next-link", odata.get("paging"));
        assertEquals("$.d.__next", odata.get("next"));
        assertEquals("$.ModifiedAt", odata.get("incremental-field"));
    }
}
