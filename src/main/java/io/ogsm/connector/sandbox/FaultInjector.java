package io.ogsm.connector.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides which requests fail. With a seed the decision depends only on the seed, the request (method, path, body)
 * and how many times that same request was seen before, not on timing or thread order: a test run with concurrency
 * sees the same faults every time.
 */
public class FaultInjector {

    /** Attempts are counted per distinct request; past this many distinct requests the counts start over. */
    static final int MAX_TRACKED_REQUESTS = 1_000_000;

    private volatile FaultSettings settings;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    public FaultInjector(FaultSettings settings) {
        this.settings = settings;
    }

    public FaultSettings settings() {
        return settings;
    }

    public void update(FaultSettings newSettings) {
        this.settings = newSettings;
        attempts.clear();
    }

    /** Forgets how often each request was seen. */
    public void reset() {
        attempts.clear();
    }

    public Fault decide(String method, String path, byte[] body) {
        FaultSettings s = settings;
        if (!s.methods().contains(method)) {
            return Fault.NONE;
        }
        double draw;
        if (s.seed() == null) {
            draw = ThreadLocalRandom.current().nextDouble();
        } else {
            if (attempts.size() > MAX_TRACKED_REQUESTS) {
                attempts.clear();
            }
            long requestHash = hash(method, path, body);
            int attempt = attempts.merge(Long.toHexString(requestHash), 1, Integer::sum);
            draw = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L ^ requestHash ^ (attempt * 0xBF58476D1CE4E5B9L))
                    .nextDouble();
        }
        return pick(s, method, draw);
    }

    /** Maps a uniform draw in [0, 1) onto the fault shares, in a fixed order. */
    static Fault pick(FaultSettings s, String method, double draw) {
        double edge = s.serverErrorRate();
        if (draw < edge) {
            return Fault.SERVER_ERROR;
        }
        edge += s.rateLimitRate();
        if (draw < edge) {
            return Fault.RATE_LIMIT;
        }
        edge += s.dropAfterCommitRate();
        if (draw < edge && "POST".equals(method)) {
            return Fault.DROP_AFTER_COMMIT;
        }
        return Fault.NONE;
    }

    private static long hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(method.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ' ');
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            if (body != null) {
                digest.update(body);
            }
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
