package io.ogsm.connector.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.ogsm.OgsmJson;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sandbox counted since the last reset: requests, measurements created, faults injected, and the most API
 * requests answered at once (to check a client's bound).
 */
final class SandboxStats {

    private final AtomicLong served = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong faulted = new AtomicLong();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();

    /** An API request is being answered until its response ends. */
    void answering(RoutingContext ctx) {
        maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
        ctx.addEndHandler(done -> concurrent.decrementAndGet());
    }

    void served() {
        served.incrementAndGet();
    }

    void created() {
        created.incrementAndGet();
    }

    void faulted() {
        faulted.incrementAndGet();
    }

    void reset() {
        created.set(0);
        faulted.set(0);
        maxConcurrent.set(0);
        served.set(0);
    }

    ObjectNode toJson() {
        return OgsmJson.mapper().createObjectNode()
                .put("requests", served.get())
                .put("created", created.get())
                .put("faults", faulted.get())
                .put("max_concurrent_requests", maxConcurrent.get());
    }
}
