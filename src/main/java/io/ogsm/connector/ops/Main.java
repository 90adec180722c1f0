package io.ogsm.connector.ops;

import io.quarkus.runtime.Quarkus;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The command line: the service takes no arguments (its settings are environment variables or properties), so
 * {@code --help} prints how to run it and exits 0, {@code --training-run} starts it for {@link TrainingRun} (the build's
 * class archive), {@code check FILE} has a running connector check a file ({@link CheckCommand}), and anything else
 * exits 2 with one line, instead of starting.
 * <p>
 * It is the package's entry point through {@code quarkus.package.main-class}, deliberately not a {@code @QuarkusMain}:
 * with one, Camel Quarkus would leave starting Camel to the main, which tests never run. Camel parses no arguments:
 * only an empty command line gets this far.
 */
public final class Main {

    static final int USAGE = 2;
    /** {@link #arguments}: start the service; start it for {@link TrainingRun}. */
    static final int START = -1;
    static final int TRAIN = -2;

    private Main() {
    }

    public static void main(String... args) throws IOException {
        int exit = arguments(List.of(args), System.out, System.err);
        if (exit >= 0) {
            System.exit(exit);
        }
        if (exit == START) {
            Quarkus.run(args);
            return;
        }
        TrainingRun training = TrainingRun.prepare();
        training.drive();
        Quarkus.run(null, (code, failure) -> {
            training.deleteData();
            String problem = failure != null ? rootCause(failure) : training.failure();
            if (problem != null) {
                System.err.println("ogsm-connector " + TrainingRun.ARGUMENT + " failed: " + problem);
            }
            System.exit(problem == null ? 0 : 1);
        });
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** The exit code for these arguments, or {@link #START} / {@link #TRAIN} to start the service. */
    static int arguments(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            return START;
        }
        if (args.equals(List.of(TrainingRun.ARGUMENT))) {
            return TRAIN;
        }
        if (args.get(0).equals(CheckCommand.NAME)) {
            return CheckCommand.run(args, System.getenv(), out, err);
        }
        if (args.size() == 1 && List.of("--help", "-h", "-help", "help").contains(args.get(0))) {
            out.print(usage());
            return 0;
        }
        err.println("ogsm-connector: unknown argument '" + args.get(0) + "': it takes no arguments but "
                + TrainingRun.ARGUMENT + " and check FILE; settings are environment variables (see --help)");
        return USAGE;
    }

    static String usage() {
        return """
                ogsm-connector: feeds KPI and goal measurements into an OGSM workspace (CSV drops, Kafka,
                ERP REST APIs, an HTTP push API) and publishes status changes to Kafka.

                Run:   java -jar quarkus-run.jar          (no arguments; stop with Ctrl-C or SIGTERM)
                Faster start, from the package folder (the build writes app-cds.jsa for the Java that built it):
                       java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar
                Archive again for another Java (starts on the sandbox, sends it a little work, stops):
                       java -XX:ArchiveClassesAtExit=app-cds.jsa -jar quarkus-run.jar --training-run
                With no settings it runs against its built-in sandbox at http://localhost:8080/sandbox.
                Check a file before it goes live, against a running connector (nothing is posted; exit 1 when a
                row is rejected; OGSM_ADMIN_USERNAME and OGSM_ADMIN_PASSWORD set):
                       java -jar quarkus-run.jar check october.csv [--name kpis/october.csv] [--url http://host:8080]

                Most used settings, as environment variables (each is also a property: OGSM_API_BASE_URL is
                ogsm.api.base-url, in config/application.properties or as -Dogsm.api.base-url=...):
                  OGSM_API_BASE_URL, OGSM_API_USERNAME, OGSM_API_PASSWORD   the workspace, e.g. https://acme.ogsm.online
                  OGSM_DATA_DIR                 inbox/, done/, failed/, dead letters, state (default ./data)
                  OGSM_PUSH_USERNAME, OGSM_PUSH_PASSWORD    who may push (required with a real workspace)
                  OGSM_ADMIN_USERNAME, OGSM_ADMIN_PASSWORD  the operator page /ops and the admin API
                  OGSM_KAFKA_BROKERS            Kafka in and out (off when unset)
                  OGSM_DELIVERY_CONCURRENCY     measurements in flight at once (default 8)
                  QUARKUS_HTTP_PORT, QUARKUS_HTTP_HOST      where it listens (default 0.0.0.0:8080)

                Every setting, with its type and default: README.md, section Configuration. Durations need a unit
                (30s, 500ms); a misspelt setting stops the start naming the one meant.
                """;
    }
}
