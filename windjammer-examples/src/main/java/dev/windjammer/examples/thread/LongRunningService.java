package dev.windjammer.examples.thread;

import dev.windjammer.sync.Channel;
import dev.windjammer.sync.Closed;
import dev.windjammer.sync.Select;
import dev.windjammer.thread.JoinHandle;
import dev.windjammer.thread.Threads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seed's best practice 3, "use {@code std::thread} for long-running services": an explicit,
 * named thread that runs a service loop for the life of the application.
 *
 * <pre>{@code
 * // Windjammer                                   // Java
 * let server = thread::spawn(|| {                 JoinHandle<Long> service = Threads.builder()
 *     run_web_server()                                    .name("session-reaper")
 * })                                                      .spawn(() -> reapExpiredSessions(..));
 * }</pre>
 *
 * The service here evicts expired sessions from a map every {@code interval}. It waits with a
 * {@link Select} over its stop channel with a timeout, so {@link #stop()} ends it at once instead
 * of after the next tick, and the thread's whole lifecycle is explicit: started by the
 * constructor, ended and joined by {@code stop()}.
 */
public final class LongRunningService {

    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final Channel<Void> stop = Channel.rendezvous();
    private final JoinHandle<Long> service;
    private final Clock clock;

    /**
     * Starts the service thread.
     *
     * @param interval how often to look for expired sessions
     * @param clock    the clock sessions expire by
     */
    public LongRunningService(Duration interval, Clock clock) {
        this.clock = clock;
        this.service = Threads.builder().name("session-reaper").daemon(false)
                .spawn(() -> reapExpiredSessions(interval));
    }

    /**
     * Opens a session that expires at {@code expiry}.
     *
     * @param id     the session id
     * @param expiry when it expires
     */
    public void open(String id, Instant expiry) {
        sessions.put(id, expiry);
    }

    /** Returns whether session {@code id} is open. */
    public boolean isOpen(String id) {
        return sessions.containsKey(id);
    }

    private long reapExpiredSessions(Duration interval) {
        long rounds = 0;
        Select<Boolean> tick = new Select<Boolean>()
                .onReceiveOrClosed(stop, closed -> false)
                .onTimeout(interval, () -> true);
        while (tick.select()) {
            Instant now = clock.instant();
            sessions.values().removeIf(expiry -> !expiry.isAfter(now));
            rounds++;
        }
        return rounds;
    }

    /**
     * Stops the service and waits for its thread to end.
     *
     * @return how many rounds the service ran
     */
    public long stop() {
        stop.close();
        return service.join();
    }

    /**
     * Runs the example for half a second with sessions that expire along the way.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        LongRunningService service = new LongRunningService(Duration.ofMillis(50), Clock.systemUTC());
        Instant now = Instant.now();
        service.open("short", now.plusMillis(100));
        service.open("long", now.plusSeconds(60));
        Threads.sleep(Duration.ofMillis(500));
        System.out.println("short open: " + service.isOpen("short") + ", long open: " + service.isOpen("long"));
        System.out.println("rounds: " + service.stop());
    }
}
