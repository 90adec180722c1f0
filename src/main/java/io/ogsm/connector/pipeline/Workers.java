package io.ogsm.connector.pipeline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The executors a source names in its route's parallel split. */
public final class Workers {

    private Workers() {
    }

    /**
     * {@code threads} daemon threads named {@code <name>-N} and a queue of as many tasks again; when that is full the
     * caller runs the task itself, so a split reads no further ahead than that (memory stays flat).
     */
    public static ExecutorService bounded(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(threads),
                task -> {
                    Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
