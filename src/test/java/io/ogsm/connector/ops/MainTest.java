package io.ogsm.connector.ops;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: no arguments starts, --help prints the product's usage, anything else is refused. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.arguments(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentsStartsTheService() {
        assertEquals(Main.START, run());
    }

    @Test
    void theTrainingRunIsTheOneArgumentThatStarts() {
        assertEquals(Main.TRAIN, run("--training-run"));
        assertEquals(Main.USAGE, run("--training-run", "--port=9090"));
    }

    @Test
    void helpPrintsHowToRunItAndTheMostUsedSettings() {
        for (String help : List.of("--help", "-h")) {
            out.reset();
            assertEquals(0, run(help));
            String usage = out.toString(StandardCharsets.UTF_8);
            assertTrue(usage.contains("java -jar quarkus-run.jar") && usage.contains("OGSM_API_BASE_URL")
                    && usage.contains("QUARKUS_HTTP_PORT") && usage.contains("README.md, section Configuration"), usage);
        }
    }

    @Test
    void anUnknownArgumentIsRefusedWithOneLine() {
        assertEquals(Main.USAGE, run("--port=9090"));
        assertEquals("ogsm-connector: unknown argument '--port=9090': it takes no arguments but --training-run and "
                + "check FILE; settings are environment variables (see --help)\n", err.toString(StandardCharsets.UTF_8));
    }
}
