package io.ogsm.connector.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code check FILE [--profile NAME] [--name NAME] [--url URL]}: a file checked by a running connector before it goes live
 * ({@code POST /api/intake/check}, nothing posted), its verdicts printed as a table. Exit 0 when no row is rejected,
 * 1 when one is (or the file cannot be read), 2 for a wrong command line, 3 when no connector answers. The admin
 * credentials come from {@code OGSM_ADMIN_USERNAME} and {@code OGSM_ADMIN_PASSWORD}; the connector from
 * {@code --url} or {@code OGSM_CHECK_URL}, default {@code http://localhost:8080}.
 */
final class CheckCommand {

    static final String NAME = "check";
    static final int REJECTED = 1;
    static final int UNREACHABLE = 3;
    static final String USAGE = "check FILE [--profile NAME] [--name kpis/october.csv] [--url http://localhost:8080]";

    private CheckCommand() {
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Path file = null;
        String name = null;
        String profile = null;
        String url = env.getOrDefault("OGSM_CHECK_URL", "http://localhost:8080");
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--name") || arg.equals("--url") || arg.equals("--profile")) && i + 1 < args.size()) {
                switch (arg) {
                    case "--name" -> name = args.get(++i);
                    case "--profile" -> profile = args.get(++i);
                    default -> url = args.get(++i);
                }
            } else if (!arg.startsWith("--") && file == null) {
                file = Path.of(arg);
            } else {
                err.println("ogsm-connector check: unknown argument '" + arg + "'; usage: " + USAGE);
                return Main.USAGE;
            }
        }
        if (file == null) {
            err.println("ogsm-connector check: name the file to check; usage: " + USAGE);
            return Main.USAGE;
        }
        String user = env.get("OGSM_ADMIN_USERNAME");
        String password = env.get("OGSM_ADMIN_PASSWORD");
        if (user == null || password == null) {
            err.println("ogsm-connector check: set OGSM_ADMIN_USERNAME and OGSM_ADMIN_PASSWORD to the connector's "
                    + "admin credentials");
            return Main.USAGE;
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("ogsm-connector check: cannot read " + file + ": " + e.getMessage());
            return REJECTED;
        }
        String shown = name != null ? name : file.getFileName().toString();
        HttpResponse<String> answer;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/intake/check?name="
                    + java.net.URLEncoder.encode(shown, StandardCharsets.UTF_8) + (profile == null ? ""
                    : "&profile=" + java.net.URLEncoder.encode(profile, StandardCharsets.UTF_8))))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("X-Requested-By", "ogsm-connector check")
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            err.println("ogsm-connector check: no connector answers at " + url + " (" + e.getMessage()
                    + "): start it, or give --url");
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
        JsonNode json;
        try {
            json = OgsmJson.mapper().readTree(answer.body());
        } catch (IOException e) {
            err.println("ogsm-connector check: " + url + " answered HTTP " + answer.statusCode() + ", not a check");
            return UNREACHABLE;
        }
        if (answer.statusCode() != 200) {
            err.println("ogsm-connector check: " + json.path("error").asText("HTTP " + answer.statusCode()));
            return answer.statusCode() == 401 || answer.statusCode() == 404 ? UNREACHABLE : REJECTED;
        }
        print(json, out);
        return json.path("rejected").asLong() > 0 ? REJECTED : 0;
    }

    /** The verdicts as a table: line, verdict, type, id, title, date, value, reason; then the counts. */
    static void print(JsonNode report, PrintStream out) {
        String format = "%-6s %-9s %-4s %-6s %-32s %-10s %-12s %s%n";
        out.printf(format, "line", "verdict", "type", "id", "title", "date", "value", "reason");
        for (JsonNode row : report.path("verdicts")) {
            out.printf(format, row.path("line").asText(), row.path("verdict").asText(), text(row, "type"),
                    text(row, "id"), cut(text(row, "title"), 32), text(row, "at"), text(row, "value"),
                    text(row, "reason"));
        }
        if (report.path("truncated").asBoolean()) {
            out.println("… only the first " + report.path("verdicts").size() + " rows are listed");
        }
        out.printf("%s: %d rows: %d valid, %d duplicate%s, %d rejected (read as %s; nothing was posted)%n",
                report.path("file").asText(), report.path("rows").asLong(), report.path("valid").asLong(),
                report.path("duplicates").asLong(), report.path("duplicates").asLong() == 1 ? "" : "s",
                report.path("rejected").asLong(), report.path("encoding").asText()
                        + (report.path("profile").isTextual() ? " with intake profile '"
                        + report.path("profile").asText() + "'" : ""));
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
