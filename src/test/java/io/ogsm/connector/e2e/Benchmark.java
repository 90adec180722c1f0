package io.ogsm.connector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * The project's benchmark ({@code bench/run}): the packaged connector against its sandbox in a separate process,
 * each rate reported next to a baseline measured in the same run (a plain JDK HttpClient posting the same bodies
 * with the same concurrency to the same sandbox: the limit for any client on this machine). Prints a Markdown table
 * and writes it to {@code bench/results.md}. Not a test: no assertions on time anywhere.
 */
public final class Benchmark {

    static final int CONCURRENCY = 8;
    /** BENCH_LATENCIES=0 runs the rates at 0 ms only, e.g. while profiling. */
    static final int[] LATENCIES = java.util.Arrays.stream(System.getenv().getOrDefault("BENCH_LATENCIES", "0,20")
            .split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    /** BENCH_RATES_ONLY=true skips start-up, first POST, status and memory, e.g. while profiling. */
    static final boolean RATES_ONLY = Boolean.parseBoolean(System.getenv("BENCH_RATES_ONLY"))
            || Boolean.parseBoolean(System.getenv("BENCH_WORKBOOK_ONLY"));
    /** Only the workbook row: a 100,000-row workbook against the same rows as CSV (results.md untouched). */
    static final boolean WORKBOOK_ONLY = Boolean.parseBoolean(System.getenv("BENCH_WORKBOOK_ONLY"));
    static final int WORKBOOK_ROWS = 100_000;
    /**
     * The Kafka and push rates send as many measurements as the baseline posts in this many seconds (at least the
     * count asked for): at 0 ms a count of 20,000 took two seconds, too short to measure a rate steadily.
     */
    static final int RATE_SECONDS = 10;
    /**
     * The CSV rate's file has as many rows as the baseline posts in this many seconds (at least the rate's count): a
     * big drop, so that the fixed wait before its first row (ogsm.csv.min-age, the poll; reported on its own row)
     * does not swamp the rate.
     */
    static final int CSV_SECONDS = 60;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String DEMO = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));

    private final List<String[]> rows = new ArrayList<>();
    private final int count;
    /** Items per rate in the current pass: {@link #count}, or fewer while warming up. */
    private int items;
    private boolean warmingUp;
    /** The last CSV file's rows/s from its first POST to its last. */
    private double csvSteady;
    /** The sandbox's CPU time per POST in the last baseline. */
    private double sandboxCpuPerPost;
    private final int csvRows;

    private Benchmark(int count, int csvRows) {
        this.count = count;
        this.csvRows = csvRows;
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int csvRows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        new Benchmark(count, csvRows).run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (PackagedApp api = PackagedApp.start(Map.of(), Files.createTempDirectory("bench-api"), List.of("-Xmx2g"))) {
            awaitReady(api, Duration.ofSeconds(90));
            String brokers = KafkaBroker.bootstrapServers();
            String topic = "bench-" + System.nanoTime();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
                admin.createTopics(List.of(new NewTopic(topic, CONCURRENCY, (short) 1))).all().get();
            }
            Map<String, String> env = new HashMap<>();
            env.put("OGSM_API_BASE_URL", "http://localhost:" + api.port + "/sandbox");
            env.put("OGSM_API_USERNAME", "demo");
            env.put("OGSM_API_PASSWORD", "demo");
            env.put("OGSM_PUSH_ANONYMOUS", "true"); // the rates measure delivery, as in earlier runs
            env.put("OGSM_KAFKA_BROKERS", brokers);
            env.put("OGSM_KAFKA_MEASUREMENTS_TOPIC", topic);
            env.put("OGSM_KAFKA_CONSUMERS", Integer.toString(CONCURRENCY));
            env.put("OGSM_DELIVERY_CONCURRENCY", Integer.toString(CONCURRENCY));
            env.put("OGSM_STATUS_ENABLED", "false");
            long started = System.nanoTime();
            List<String> connectorJvm = System.getenv().getOrDefault("BENCH_CONNECTOR_JVM", "").isBlank() ? List.of()
                    : List.of(System.getenv("BENCH_CONNECTOR_JVM").trim().split("\\s+"));
            try (PackagedApp connector = PackagedApp.startAsTheImageDoes(env, Files.createTempDirectory("bench-connector"),
                    connectorJvm)) {
                awaitReady(connector, Duration.ofSeconds(90));
                double startup = seconds(System.nanoTime() - started);
                // warm-up rounds, not reported: the first tens of thousands of items run while the JIT compiles
                if (WORKBOOK_ONLY) {
                    setLatency(api, 0);
                    warmingUp = true;
                    warmUp(() -> csv(api, connector, 0, 20_000));
                    warmingUp = false;
                    workbookAgainstCsv(api, connector);
                    report();
                    return;
                }
                warmingUp = true;
                items = Math.max(500, count / 2);
                setLatency(api, 0);
                // twice round: the deliver route's code, shared by all sources, is compiled again as it meets each
                for (int cycle = 0; cycle < 2; cycle++) {
                    warmUp(() -> baseline(api, 0));
                    warmUp(() -> kafka(api, brokers, topic, 0));
                    warmUp(() -> push(api, connector, 0));
                    warmUp(() -> csv(api, connector, 0, items));
                }
                warmingUp = false;
                items = count;
                for (int latency : LATENCIES) {
                    setLatency(api, latency);
                    // sized by a short baseline run, then measured: RATE_SECONDS of the baseline, at least count
                    items = 2000;
                    double sizing = baseline(api, latency);
                    items = (int) Math.max(count, Math.round(sizing * RATE_SECONDS));
                    double before = baseline(api, latency);
                    double sandboxCpuBefore = sandboxCpuPerPost;
                    Duration cpu0 = cpu(connector);
                    double kafka = kafka(api, brokers, topic, latency);
                    Duration cpu1 = cpu(connector);
                    double push = push(api, connector, latency);
                    Duration cpu2 = cpu(connector);
                    // a file the baseline needs CSV_SECONDS for: the fixed wait before its first row (min-age, poll)
                    // is reported on its own row, "File landing to its first POST"
                    int csvRows = (int) Math.max(count, Math.round(before * CSV_SECONDS));
                    double csv = csv(api, connector, latency, csvRows);
                    Duration cpu3 = cpu(connector);
                    double after = baseline(api, latency);
                    // the higher of the two baselines, measured before and after the connector's rates
                    double baseline = Math.max(before, after);
                    double sandboxCpu = (sandboxCpuBefore + sandboxCpuPerPost) / 2;
                    add("Baseline: plain JDK HttpClient posts/s, " + latency + " ms API latency", "", fmt(baseline),
                            String.format(Locale.ROOT, "the higher of %s before and %s after the rates below; "
                                    + "the sandbox's CPU: %.2f ms per POST", fmt(before), fmt(after), sandboxCpu));
                    row(String.format(Locale.ROOT, "Kafka messages/s (%,d messages), %d ms API latency", items,
                            latency), kafka, baseline, cpu1.minus(cpu0), items);
                    row(String.format(Locale.ROOT, "HTTP push measurements/s (%,d measurements), %d ms API latency",
                            items, latency), push, baseline, cpu2.minus(cpu1), items);
                    row(String.format(Locale.ROOT, "CSV rows/s (drop to API, a %,d-row file), %d ms API latency",
                            csvRows, latency), csv, baseline, cpu3.minus(cpu2), csvRows);
                    add("CSV rows/s from the file's first POST to its last, " + latency
                            + " ms API latency", fmt(csvSteady), fmt(baseline), String.format(Locale.ROOT,
                            "%.2f (the same file, without the wait for ogsm.csv.min-age and the poll)",
                            csvSteady / baseline));
                }
                setLatency(api, 0);
                if (RATES_ONLY) {
                    report();
                    return;
                }
                add("Start-up with Kafka on (8 consumers) and a workspace, as the image runs it", fmt(startup) + " s",
                        "", "process start to ready, once");
                add("File landing to its first POST", fmt(firstPost(api, connector)) + " s",
                        "", "includes ogsm.csv.min-age");
                workbookAgainstCsv(api, connector);
            }
            statusDiff(api, brokers);
        }
        startups();
        memory();
        report();
    }

    static final int STARTS = 5;

    /**
     * Process start to ready in the default configuration (sandbox, CSV inbox, push), {@value #STARTS} times each: as
     * the image runs it (from the package folder with the build's class archive) against the baseline of the same
     * jar started from another folder, where the archive cannot apply. Medians, alternating, on a quiet machine.
     */
    private void startups() throws Exception {
        List<Double> image = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            image.add(startup(true));
            plain.add(startup(false));
        }
        System.err.println("start-ups as the image runs it: " + image + "; from another folder: " + plain);
        double median = median(image);
        double baseline = median(plain);
        add("Start-up, default configuration, as the image runs it (median of " + STARTS + ")", fmt(median) + " s",
                fmt(baseline) + " s", String.format(Locale.ROOT, "%.2f of the jar started from another folder "
                        + "(no class archive); fastest %s s", median / baseline, fmt(image.stream()
                        .mapToDouble(d -> d).min().orElse(0))));
    }

    private static double startup(boolean asTheImageDoes) throws Exception {
        Path data = Files.createTempDirectory("bench-start");
        long started = System.nanoTime();
        try (PackagedApp app = asTheImageDoes ? PackagedApp.startAsTheImageDoes(Map.of(), data, List.of())
                : PackagedApp.start(Map.of(), data, List.of())) {
            awaitReady(app, Duration.ofSeconds(90));
            return seconds(System.nanoTime() - started);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** A rate as soon as it is measured, on stderr: a run cut short still shows what it measured. */
    private double progress(String what, int latency, double rate) {
        System.err.printf(Locale.ROOT, "%s%s at %d ms: %s/s%n", warmingUp ? "(warm-up) " : "", what, latency, fmt(rate));
        return rate;
    }

    /** A row of the table, printed at once, so a run cut short still shows what it measured. */
    private void add(String... row) {
        System.out.println("| " + String.join(" | ", row) + " |");
        rows.add(row);
    }

    /** A rate next to its baseline, with the connector's CPU time per measurement. */
    private void row(String name, double rate, double baseline, Duration cpu, int measurements) {
        add(name, fmt(rate), fmt(baseline), String.format(Locale.ROOT,
                "%.2f (connector CPU %.2f ms each)", rate / baseline, cpu.toNanos() / 1e6 / measurements));
    }

    /** CPU time the process has used so far, user and system. */
    private static Duration cpu(PackagedApp app) {
        return ProcessHandle.of(app.pid()).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    // --- the baseline: a plain JDK client, same bodies, same concurrency, same sandbox ---

    private double baseline(PackagedApp api, int latency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            String tag = "base-" + latency + "-" + System.nanoTime();
            Duration apiCpu = cpu(api);
            long start = System.nanoTime();
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                String body = "{\"indicator_report\":{\"indicator\":{\"id\":31},\"at\":\"2026-10-01\",\"current_value\":"
                        + i + ",\"description\":\"" + tag + "\"}}";
                sent.add(pool.submit(() -> HTTP.send(HttpRequest.newBuilder(URI.create(api.url("/sandbox/api/v2/indicator_reports.json")))
                        .header("Authorization", DEMO).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            for (Future<Integer> f : sent) {
                if (f.get() != 201) {
                    throw new IllegalStateException("baseline POST answered " + f.get());
                }
            }
            double rate = items / seconds(System.nanoTime() - start);
            sandboxCpuPerPost = cpu(api).minus(apiCpu).toNanos() / 1e6 / items;
            progress("baseline", latency, rate);
            return rate;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One measured rate, in items per second. */
    private interface Rate {
        double measure() throws Exception;
    }

    /**
     * The bare client, the sandbox and the connector each take tens of thousands of items to reach their speed (the
     * JIT compiles meanwhile): at least three rounds, until one is within 10% of the one before (at most eight).
     */
    private static void warmUp(Rate rate) throws Exception {
        double last = rate.measure();
        for (int round = 1; round < 8; round++) {
            double now = rate.measure();
            if (round >= 2 && Math.abs(now - last) <= 0.1 * last) {
                return;
            }
            last = now;
        }
    }

    // --- the connector's sources ---

    private double kafka(PackagedApp api, String brokers, String topic, int latency) throws Exception {
        long before = created(api);
        String tag = "kafka-" + latency + "-" + System.nanoTime();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < items; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, measurement(i, tag)));
            }
        }
        awaitCreated(api, before + items);
        return progress("kafka", latency, items / seconds(System.nanoTime() - start));
    }

    private double push(PackagedApp api, PackagedApp connector, int latency) throws Exception {
        long before = created(api);
        String tag = "push-" + latency + "-" + System.nanoTime();
        long start = System.nanoTime();
        for (int from = 0; from < items; from += 1000) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = from; i < Math.min(items, from + 1000); i++) {
                batch.append(i == from ? "" : ",").append(measurement(i, tag));
            }
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(connector.url("/api/measurements")))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch + "]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("push answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        awaitCreated(api, before + items);
        return progress("push", latency, items / seconds(System.nanoTime() - start));
    }

    private double csv(PackagedApp api, PackagedApp connector, int latency, int rows) throws Exception {
        long before = created(api);
        String tag = "csv-" + latency + "-" + System.nanoTime();
        Path staged = connector.dataDir.resolve(tag + ".csv.part");
        try (BufferedWriter out = Files.newBufferedWriter(staged)) {
            out.write("type,id,at,value,description\n");
            for (int i = 0; i < rows; i++) {
                out.write("kpi,31,2026-10-01," + i + "," + tag + "\n");
            }
        }
        Path inbox = connector.dataDir.resolve("inbox");
        Files.createDirectories(inbox);
        long start = System.nanoTime();
        Files.move(staged, inbox.resolve(tag + ".csv"));
        awaitCreated(api, before + 1);
        long firstPost = System.nanoTime();
        awaitCreated(api, before + rows);
        long end = System.nanoTime();
        csvSteady = (rows - 1) / seconds(end - firstPost);
        return progress("csv", latency, rows / seconds(end - start));
    }

    /** The same 100,000 rows as a CSV file and as an .xlsx workbook, one after the other, drop to last POST. */
    private void workbookAgainstCsv(PackagedApp api, PackagedApp connector) throws Exception {
        double csv = csv(api, connector, 0, WORKBOOK_ROWS);
        long before = created(api);
        String tag = "xlsx-" + System.nanoTime();
        Path staged = connector.dataDir.resolve(tag + ".xlsx.part");
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook book = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
                java.io.OutputStream out = Files.newOutputStream(staged)) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Rows");
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            String[] names = {"type", "id", "at", "value", "description"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            org.apache.poi.ss.usermodel.CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            for (int i = 0; i < WORKBOOK_ROWS; i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue("kpi");
                row.createCell(1).setCellValue(31);
                row.createCell(2).setCellValue(java.time.LocalDate.of(2026, 10, 1));
                row.getCell(2).setCellStyle(date);
                row.createCell(3).setCellValue(i);
                row.createCell(4).setCellValue(tag);
            }
            book.write(out);
            book.dispose();
        }
        Path inbox = connector.dataDir.resolve("inbox");
        Files.createDirectories(inbox);
        long start = System.nanoTime();
        Files.move(staged, inbox.resolve(tag + ".xlsx"));
        awaitCreated(api, before + WORKBOOK_ROWS);
        double workbook = progress("xlsx", 0, WORKBOOK_ROWS / seconds(System.nanoTime() - start));
        add(String.format(Locale.ROOT, "Workbook rows/s (drop to API, a %,d-row .xlsx), 0 ms API latency",
                WORKBOOK_ROWS), fmt(workbook), fmt(csv), String.format(Locale.ROOT,
                "%.2f of the same rows as CSV (baseline column: the CSV file's rows/s, in the same run)",
                workbook / csv));
    }

    private double firstPost(PackagedApp api, PackagedApp connector) throws Exception {
        long before = created(api);
        Path staged = connector.dataDir.resolve("first.csv.part");
        Files.writeString(staged, "type,id,at,value,description\nkpi,32,2026-10-02,1.5,first-" + System.nanoTime() + "\n");
        Path inbox = connector.dataDir.resolve("inbox");
        Files.createDirectories(inbox);
        long start = System.nanoTime();
        Files.move(staged, inbox.resolve("first-" + System.nanoTime() + ".csv"));
        awaitCreated(api, before + 1);
        return seconds(System.nanoTime() - start);
    }

    private void statusDiff(PackagedApp api, String brokers) throws Exception {
        // a fresh workspace: the rates above left hundreds of thousands of measurements in the sandbox's lists
        HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(URI.create(api.url("/sandbox/_control/reset")))
                .header("Authorization", DEMO).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reset.statusCode() != 200) {
            throw new IllegalStateException("reset answered " + reset.statusCode());
        }
        HttpResponse<String> generated = HTTP.send(HttpRequest.newBuilder(URI.create(api.url("/sandbox/_control/generate")))
                .header("Authorization", DEMO).POST(HttpRequest.BodyPublishers.ofString("{\"goals\": 50000}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (generated.statusCode() != 200) {
            throw new IllegalStateException("generate answered " + generated.statusCode());
        }
        Map<String, String> env = new HashMap<>();
        env.put("OGSM_API_BASE_URL", "http://localhost:" + api.port + "/sandbox");
        env.put("OGSM_API_USERNAME", "demo");
        env.put("OGSM_API_PASSWORD", "demo");
        env.put("OGSM_KAFKA_BROKERS", brokers);
        env.put("OGSM_KAFKA_MEASUREMENTS_TOPIC", "bench-unused");
        env.put("OGSM_STATUS_TOPIC", "bench-status-" + System.nanoTime());
        env.put("OGSM_STATUS_INTERVAL", "1s");
        try (PackagedApp status = PackagedApp.start(env, Files.createTempDirectory("bench-status"), List.of())) {
            awaitReady(status, Duration.ofSeconds(90));
            // the first poll takes the snapshot; the second diffs all 50,000 goals against it
            awaitHealth(status, "\"goals\"\\s*:\\s*\"ok", Duration.ofSeconds(300));
            long start = System.nanoTime();
            HTTP.send(HttpRequest.newBuilder(URI.create(api.url("/sandbox/_control/goals/40000")))
                    .header("Authorization", DEMO).header("content-type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"traffic_light\":\"red\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            awaitHealth(status, "\"goals\"\\s*:\\s*\"ok: 1 event", Duration.ofSeconds(300));
            add("Status: change in a 50,000-goal workspace to its event (1 s interval, all 7 lists)",
                    fmt(seconds(System.nanoTime() - start)) + " s", "", "at -Xmx256m");
        }
    }

    private void memory() throws Exception {
        Path data = Files.createTempDirectory("bench-million");
        Path inbox = data.resolve("inbox");
        Files.createDirectories(inbox);
        Path staged = data.resolve("million.csv.part");
        try (BufferedWriter out = Files.newBufferedWriter(staged)) {
            out.write("type,id,at,value,description\n");
            for (int i = 0; i < csvRows; i++) {
                out.write("kpi,31,2026-10-01," + i + ",row " + i + "\n");
            }
        }
        try (PackagedApp app = PackagedApp.start(Map.of("OGSM_CSV_DRY_RUN", "true"), data, List.of())) {
            awaitReady(app, Duration.ofSeconds(90));
            long start = System.nanoTime();
            Files.move(staged, inbox.resolve("million.csv"));
            Path summary = data.resolve("done").resolve("million.csv.summary.json");
            java.util.concurrent.atomic.AtomicLong sampled = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong heap = new java.util.concurrent.atomic.AtomicLong();
            await(() -> {
                sampled.accumulateAndGet(rssKb(app.pid()), Math::max);
                heap.accumulateAndGet(heapUsedBytes(app), Math::max);
                if (!app.isAlive()) {
                    throw new IllegalStateException("the app ended before the million-row file was done");
                }
                return Files.exists(summary);
            }, Duration.ofMinutes(10), Duration.ofMillis(200));
            double took = seconds(System.nanoTime() - start);
            long peakRss = Math.max(sampled.get(), peakRssKb(app.pid()));
            add("1,000,000-row CSV, dry run, -Xmx256m: time / peak heap / peak RSS",
                    fmt(took) + " s / " + (heap.get() >> 20) + " MB / " + (peakRss / 1024) + " MB", "",
                    "target: completes, RSS < 400 MB; heap used sampled every 200 ms from /q/metrics");
        }
    }

    // --- helpers ---

    private static String measurement(int i, String tag) {
        return "{\"type\":\"kpi\",\"id\":31,\"at\":\"2026-10-01\",\"value\":" + i + ",\"description\":\"" + tag + "\"}";
    }

    private static void setLatency(PackagedApp api, int millis) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(api.url("/sandbox/_control/faults")))
                .header("Authorization", DEMO).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"latency_millis\": " + millis + ", \"methods\": [\"POST\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("faults answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static long created(PackagedApp api) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(api.url("/sandbox/_control/stats")))
                .header("Authorization", DEMO).build(), HttpResponse.BodyHandlers.ofString()).body();
        JsonNode stats = OgsmJson.mapper().readTree(body);
        return stats.path("created").asLong();
    }

    private static void awaitCreated(PackagedApp api, long target) throws Exception {
        await(() -> {
            try {
                return created(api) >= target;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofMinutes(10), Duration.ofMillis(20));
    }

    private static void awaitReady(PackagedApp app, Duration max) throws Exception {
        await(() -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }, max, Duration.ofMillis(20));
    }

    private static void awaitHealth(PackagedApp app, String pattern, Duration max) throws Exception {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern);
        await(() -> {
            try {
                return p.matcher(HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).find();
            } catch (Exception e) {
                return false;
            }
        }, max, Duration.ofMillis(50));
    }

    private static void await(BooleanSupplier condition, Duration max, Duration every) {
        org.awaitility.Awaitility.await().atMost(max).pollInterval(every).until(condition::getAsBoolean);
    }

    /** The app's heap in use now: the sum of its heap pools on /q/metrics (0 when it cannot be read). */
    private static long heapUsedBytes(PackagedApp app) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/q/metrics"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return (long) metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    private static long rssKb(long pid) {
        return statusKb(pid, "VmRSS:");
    }

    private static long peakRssKb(long pid) {
        return statusKb(pid, "VmHWM:");
    }

    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone, or this is not Linux
        }
        return 0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private void report() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Run ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append("; ").append(count)
                .append(" measurements per rate at least, as many as the baseline posts in ").append(RATE_SECONDS)
                .append(" s (the CSV file: in ").append(CSV_SECONDS).append(" s), concurrency ").append(CONCURRENCY)
                .append(", after unreported warm-up rounds of each until its rate settled (within 10%; all twice round).")
                .append(" Baseline: a")
                .append(" plain JDK HttpClient posting the same bodies with the same concurrency to the same sandbox,")
                .append(" measured in the same run before and after the connector's rates; the higher counts. Target")
                .append(" ratio: at least 0.8. \"Connector CPU\" is the connector process's CPU time (user + system) per")
                .append(" measurement during that rate; the sandbox, the Kafka broker and the load generator share the")
                .append(" same cores.\n\n");
        md.append("| measure | connector | baseline | ratio / note |\n|---|---|---|---|\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        System.out.println(md);
        if (RATES_ONLY) {
            return; // a partial run does not replace the results
        }
        Files.writeString(Path.of("bench", "results.md"), md.toString());
    }
}
