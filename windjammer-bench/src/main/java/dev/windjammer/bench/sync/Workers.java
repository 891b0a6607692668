package dev.windjammer.bench.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts the threads of one benchmark invocation, platform or virtual ({@code @Param threads}),
 * and joins them; the first failure of a worker fails the invocation.
 */
final class Workers {

    /** A worker body. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final Thread.Builder builder;
    private final List<Thread> started = new ArrayList<>();
    private volatile Throwable failure;

    Workers(String kind) {
        this.builder = switch (kind) {
            case "platform" -> Thread.ofPlatform();
            case "virtual" -> Thread.ofVirtual();
            default -> throw new IllegalArgumentException("threads must be platform or virtual, was " + kind);
        };
    }

    void start(Body body) {
        started.add(builder.start(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure = t;
            }
        }));
    }

    void joinAll() throws InterruptedException {
        for (Thread thread : started) {
            thread.join();
        }
        started.clear();
        if (failure != null) {
            throw new IllegalStateException("a worker failed", failure);
        }
    }
}
