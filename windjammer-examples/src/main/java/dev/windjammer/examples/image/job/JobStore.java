package dev.windjammer.examples.image.job;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The jobs of the service: id → per-image outcomes, with memory bounded by a cap on jobs kept.
 *
 * <h2>Lifetime of a job</h2>
 * <ul>
 *   <li>{@link #create(List)} admits a job with every image pending, or refuses it (empty)
 *       when the store is full of jobs still processing — the service's back-pressure.</li>
 *   <li>{@link #complete(String, int, ImageOutcome)} records one image's outcome; the job is
 *       done when every image has one.</li>
 *   <li>A done job is kept until {@code ttlAfterFetch} after the first {@link #fetch(String)}
 *       that saw it done (so a client whose response was lost can ask again), or
 *       {@code ttlAfterCompletion} after it finished if nobody fetches it.</li>
 *   <li>When the store is full, admitting a job evicts the oldest done job (already-fetched
 *       ones first); jobs still processing are never evicted.</li>
 * </ul>
 *
 * <h2>Concurrency</h2>
 * All methods are safe to call from any number of threads. A {@link #complete} that returned
 * happens-before every {@link #fetch} whose snapshot shows that outcome. Ids are random
 * (122 bits from {@link UUID#randomUUID()}), so one client cannot guess another's job.
 */
public final class JobStore {
    /*
     * Overview
     *   Lookups (fetch, complete, addTime) go through a ConcurrentHashMap without locking; each job's
     *   outcomes live in an AtomicReferenceArray and move from PENDING to a final outcome by
     *   compareAndSet, so two outcomes for one image are detected, and a snapshot is a plain
     *   read of each slot. A job's status is derived from the slots the snapshot read, so
     *   a snapshot is never "done" while showing a pending image.
     *
     *   The structural state — admission against the cap, and the two FIFO orders used for
     *   expiry and eviction — is guarded by one ReentrantLock:
     *     finished: done jobs in completion order (expiry by ttlAfterCompletion, eviction)
     *     fetched:  done jobs in first-fetch order (expiry by ttlAfterFetch, evicted first)
     *   Timestamps are taken under the lock from a monotonic clock, so each order is also an
     *   order of its timestamps and expiry pops heads: O(1) amortised per call. The lock is
     *   taken once per job admission, once per job completion, once per first fetch of a
     *   done job, and per removal; never per image. Every job in the map counts against the
     *   cap, so memory is bounded by capacity x (images per job) whatever the expiry state.
     *
     *   Comparable designs: Caffeine's expireAfterWrite/expireAfterAccess keep access-order
     *   and write-order deques under an eviction lock while reads stay lock-free; this is
     *   that design reduced to two fixed TTL queues and no frequency sketch (jobs are read
     *   a handful of times, so recency is all that matters).
     *
     * Memory ordering
     *   complete(): the CAS on the slot publishes the outcome; a fetch that reads the slot
     *   sees the outcome object fully constructed (records are immutable, final fields).
     *   addTime() is a volatile add on the job's AtomicLongArray; snapshot() reads the times
     *   after the outcomes, so time added before a complete() is visible to any snapshot that
     *   saw that outcome (the CAS and the volatile reads order them).
     *   Job timestamps are written and read under the lock only.
     */

    /** Default cap on jobs kept. */
    public static final int DEFAULT_CAPACITY = 10_000;
    /** Default time a done job is kept when nobody fetches it. */
    public static final Duration DEFAULT_TTL_AFTER_COMPLETION = Duration.ofMinutes(30);
    /** Default time a done job is kept after it was first fetched. */
    public static final Duration DEFAULT_TTL_AFTER_FETCH = Duration.ofMinutes(2);

    private static final long NOT_YET = Long.MIN_VALUE;

    private final int capacity;
    private final long ttlAfterCompletion;
    private final long ttlAfterFetch;
    private final LongSupplier nanoTime;

    private final ConcurrentHashMap<String, Job> jobs = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashSet<Job> finished = new LinkedHashSet<>();
    private final LinkedHashSet<Job> fetched = new LinkedHashSet<>();

    private JobStore(Builder builder) {
        this.capacity = builder.capacity;
        this.ttlAfterCompletion = builder.ttlAfterCompletion.toNanos();
        this.ttlAfterFetch = builder.ttlAfterFetch.toNanos();
        this.nanoTime = builder.nanoTime;
    }

    /**
     * Returns a builder with the defaults: 10 000 jobs, 30 minutes after completion, 2 minutes
     * after the first fetch.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Admits a job for {@code urls}, every image pending.
     *
     * @param urls the images, at least one
     * @return the new job's id, or empty if the store is full of jobs still processing
     * @throws IllegalArgumentException if {@code urls} is empty
     * @throws NullPointerException     if {@code urls} or an element is null
     */
    public Optional<String> create(List<URI> urls) {
        List<URI> copy = List.copyOf(urls);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one URL");
        }
        Job job = new Job(UUID.randomUUID().toString(), copy);
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            expire(now);
            if (jobs.size() >= capacity && !evictOne()) {
                return Optional.empty();
            }
            jobs.put(job.id, job);
        } finally {
            lock.unlock();
        }
        return Optional.of(job.id);
    }

    /**
     * Records the outcome of image {@code index} of job {@code id}.
     *
     * @param id      the job id
     * @param index   the image's position in the submitted list
     * @param outcome {@link ImageOutcome.Stored} or {@link ImageOutcome.Failed}
     * @return {@code true} if recorded; {@code false} if the job no longer exists (expired or
     *         evicted), in which case the outcome is dropped
     * @throws IllegalArgumentException  if {@code outcome} is pending
     * @throws IndexOutOfBoundsException if {@code index} is not an image of the job
     * @throws IllegalStateException     if the image already has an outcome
     * @throws NullPointerException      if an argument is null
     */
    public boolean complete(String id, int index, ImageOutcome outcome) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome instanceof ImageOutcome.Pending) {
            throw new IllegalArgumentException("an outcome to record must be Stored or Failed");
        }
        Job job = jobs.get(id);
        if (job == null) {
            return false;
        }
        Objects.checkIndex(index, job.urls.size());
        if (!job.outcomes.compareAndSet(index, ImageOutcome.PENDING, outcome)) {
            throw new IllegalStateException("image " + index + " of job " + id + " already has an outcome: "
                    + job.outcomes.get(index));
        }
        if (job.pending.decrementAndGet() == 0) {
            lock.lock();
            try {
                if (jobs.get(id) == job) {
                    job.completedAt = nanoTime.getAsLong();
                    finished.add(job);
                }
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    /**
     * Adds {@code nanos} to the time job {@code id} spent in {@code layer}. Time added before
     * the {@link #complete} that finishes the job is in every snapshot that shows it done.
     *
     * @param id    the job id
     * @param layer the layer
     * @param nanos the time spent, not negative
     * @return {@code true} if added; {@code false} if the job no longer exists
     * @throws IllegalArgumentException if {@code nanos} is negative
     * @throws NullPointerException     if {@code id} or {@code layer} is null
     */
    public boolean addTime(String id, LayerTimes.Layer layer, long nanos) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        if (nanos < 0) {
            throw new IllegalArgumentException("nanos must not be negative, got " + nanos);
        }
        Job job = jobs.get(id);
        if (job == null) {
            return false;
        }
        job.nanos.addAndGet(layer.ordinal(), nanos);
        return true;
    }

    /**
     * Returns job {@code id} as it stands. The first fetch that sees the job done starts its
     * {@code ttlAfterFetch}.
     *
     * @param id the job id
     * @return the snapshot, or empty if there is no such job (never was, expired or evicted)
     * @throws NullPointerException if {@code id} is null
     */
    public Optional<JobSnapshot> fetch(String id) {
        Objects.requireNonNull(id, "id");
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        JobSnapshot snapshot = job.snapshot();
        if (snapshot.status() == JobSnapshot.Status.DONE) {
            lock.lock();
            try {
                long now = nanoTime.getAsLong();
                expire(now);
                if (jobs.get(id) != job) {
                    return Optional.empty();
                }
                if (job.fetchedAt == NOT_YET && job.completedAt != NOT_YET) {
                    job.fetchedAt = now;
                    fetched.add(job);
                }
            } finally {
                lock.unlock();
            }
        }
        return Optional.of(snapshot);
    }

    /**
     * Returns the number of jobs kept (processing and done, not yet expired or evicted).
     *
     * @return at most the capacity
     */
    public int size() {
        return jobs.size();
    }

    /**
     * Returns the cap on jobs kept.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    /** Removes the expired heads of both orders. Lock held. */
    private void expire(long now) {
        removeWhileExpired(fetched, now, ttlAfterFetch, true);
        removeWhileExpired(finished, now, ttlAfterCompletion, false);
    }

    private void removeWhileExpired(LinkedHashSet<Job> order, long now, long ttl, boolean byFetch) {
        Iterator<Job> oldest = order.iterator();
        while (oldest.hasNext()) {
            Job job = oldest.next();
            long since = byFetch ? job.fetchedAt : job.completedAt;
            if (now - since <= ttl) {
                return;
            }
            oldest.remove();
            remove(job);
        }
    }

    /** Evicts the oldest fetched job, else the oldest finished one. Lock held. */
    private boolean evictOne() {
        for (LinkedHashSet<Job> order : List.of(fetched, finished)) {
            Iterator<Job> oldest = order.iterator();
            if (oldest.hasNext()) {
                Job job = oldest.next();
                oldest.remove();
                remove(job);
                return true;
            }
        }
        return false;
    }

    /** Drops {@code job} from the map and from both orders. Lock held. */
    private void remove(Job job) {
        jobs.remove(job.id, job);
        finished.remove(job);
        fetched.remove(job);
    }

    @Override
    public String toString() {
        return "JobStore[" + jobs.size() + "/" + capacity + " jobs]";
    }

    /** One job. Identity equality: the orders are sets of these objects. */
    private static final class Job {
        final String id;
        final List<URI> urls;
        final AtomicReferenceArray<ImageOutcome> outcomes;
        final AtomicInteger pending;
        /** Time per layer, indexed by {@link LayerTimes.Layer#ordinal()}. */
        final AtomicLongArray nanos = new AtomicLongArray(LayerTimes.Layer.values().length);
        /** Guarded by the store's lock. */
        long completedAt = NOT_YET;
        /** Guarded by the store's lock. */
        long fetchedAt = NOT_YET;

        Job(String id, List<URI> urls) {
            this.id = id;
            this.urls = urls;
            this.outcomes = new AtomicReferenceArray<>(urls.size());
            for (int i = 0; i < urls.size(); i++) {
                outcomes.setPlain(i, ImageOutcome.PENDING);
            }
            this.pending = new AtomicInteger(urls.size());
        }

        JobSnapshot snapshot() {
            List<JobSnapshot.Image> images = new ArrayList<>(urls.size());
            boolean done = true;
            for (int i = 0; i < urls.size(); i++) {
                ImageOutcome outcome = outcomes.get(i);
                done &= !(outcome instanceof ImageOutcome.Pending);
                images.add(new JobSnapshot.Image(urls.get(i), outcome));
            }
            // read after the outcomes: time added before the last complete() is seen with it
            LayerTimes times = new LayerTimes(nanos.get(0), nanos.get(1), nanos.get(2));
            return new JobSnapshot(id, done ? JobSnapshot.Status.DONE : JobSnapshot.Status.PROCESSING, images, times);
        }
    }

    /** Configures a {@link JobStore}. Not thread-safe. */
    public static final class Builder {
        private int capacity = DEFAULT_CAPACITY;
        private Duration ttlAfterCompletion = DEFAULT_TTL_AFTER_COMPLETION;
        private Duration ttlAfterFetch = DEFAULT_TTL_AFTER_FETCH;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /**
         * Sets the cap on jobs kept.
         *
         * @param capacity at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code capacity} is less than 1
         */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * Sets how long a done job is kept when nobody fetches it.
         *
         * @param ttl a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code ttl} is not positive
         */
        public Builder ttlAfterCompletion(Duration ttl) {
            this.ttlAfterCompletion = positive(ttl, "ttlAfterCompletion");
            return this;
        }

        /**
         * Sets how long a done job is kept after the first fetch that saw it done.
         *
         * @param ttl a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code ttl} is not positive
         */
        public Builder ttlAfterFetch(Duration ttl) {
            this.ttlAfterFetch = positive(ttl, "ttlAfterFetch");
            return this;
        }

        /**
         * Sets the monotonic clock in nanoseconds ({@link System#nanoTime()} by default); for
         * tests, which move time by hand instead of waiting.
         *
         * @param nanoTime the clock
         * @return this builder
         * @throws NullPointerException if {@code nanoTime} is null
         */
        public Builder clock(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * Creates the store.
         *
         * @return an empty store
         */
        public JobStore build() {
            return new JobStore(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
