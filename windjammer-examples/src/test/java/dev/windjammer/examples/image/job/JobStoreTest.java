package dev.windjammer.examples.image.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.windjammer.examples.image.job.JobSnapshot.Status;
import dev.windjammer.testkit.TestThreads;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JobStoreTest {

    private static final List<URI> TWO = List.of(URI.create("https://a.example/1.png"), URI.create("https://a.example/2.png"));
    private static final ImageOutcome STORED = new ImageOutcome.Stored("jobs/x/0.jpg", 1234);
    private static final ImageOutcome FAILED = new ImageOutcome.Failed("not_an_image", "not a PNG, JPEG, GIF or BMP image");

    /** Time moves only when a test says so: expiry is tested without waiting. */
    private final AtomicLong now = new AtomicLong();
    private final JobStore store = JobStore.builder().capacity(3)
            .ttlAfterCompletion(Duration.ofMinutes(30)).ttlAfterFetch(Duration.ofMinutes(2))
            .clock(now::get).build();

    @Test
    void aNewJobHasEveryImagePending() {
        String id = store.create(TWO).orElseThrow();

        JobSnapshot job = store.fetch(id).orElseThrow();

        assertThat(job.id()).isEqualTo(id);
        assertThat(job.status()).isEqualTo(Status.PROCESSING);
        assertThat(job.images()).extracting(JobSnapshot.Image::url).containsExactlyElementsOf(TWO);
        assertThat(job.images()).extracting(JobSnapshot.Image::outcome).containsOnly(ImageOutcome.PENDING);
    }

    @Test
    void aJobIsDoneWhenEveryImageHasAnOutcome() {
        String id = store.create(TWO).orElseThrow();

        assertThat(store.complete(id, 1, FAILED)).isTrue();
        assertThat(store.fetch(id).orElseThrow().status()).isEqualTo(Status.PROCESSING);
        assertThat(store.complete(id, 0, STORED)).isTrue();

        JobSnapshot job = store.fetch(id).orElseThrow();
        assertThat(job.status()).isEqualTo(Status.DONE);
        assertThat(job.images()).extracting(JobSnapshot.Image::outcome).containsExactly(STORED, FAILED);
        assertThat(job.count(ImageOutcome.Stored.class)).isEqualTo(1);
        assertThat(job.count(ImageOutcome.Failed.class)).isEqualTo(1);
    }

    @Test
    void idsAreRandomUuids() {
        String first = store.create(TWO).orElseThrow();
        String second = store.create(TWO).orElseThrow();

        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void timeSpentInEachLayerAddsUpPerJob() {
        String id = store.create(TWO).orElseThrow();
        String other = store.create(TWO).orElseThrow();

        assertThat(store.addTime(id, LayerTimes.Layer.ASYNC_DOWNLOAD, 5)).isTrue();
        store.addTime(id, LayerTimes.Layer.COMPUTE, 7);
        store.addTime(id, LayerTimes.Layer.THREAD_UPLOAD, 2);
        store.addTime(id, LayerTimes.Layer.THREAD_UPLOAD, 3);

        assertThat(store.fetch(id).orElseThrow().times()).isEqualTo(new LayerTimes(5, 7, 5));
        assertThat(store.fetch(other).orElseThrow().times()).isEqualTo(LayerTimes.ZERO);
    }

    @Test
    void timeForAnUnknownJobIsDroppedAndNegativeTimeRefused() {
        String id = store.create(TWO).orElseThrow();

        assertThat(store.addTime("no-such-job", LayerTimes.Layer.COMPUTE, 1)).isFalse();
        assertThatThrownBy(() -> store.addTime(id, LayerTimes.Layer.COMPUTE, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void anUnknownJobIsEmptyAndItsOutcomesAreDropped() {
        assertThat(store.fetch("no-such-job")).isEmpty();
        assertThat(store.complete("no-such-job", 0, STORED)).isFalse();
    }

    @Test
    void aSecondOutcomeForOneImageIsAnError() {
        String id = store.create(TWO).orElseThrow();
        store.complete(id, 0, STORED);

        assertThatThrownBy(() -> store.complete(id, 0, FAILED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has an outcome");
        assertThat(store.fetch(id).orElseThrow().images().get(0).outcome()).isEqualTo(STORED);
    }

    @Test
    void anIndexOutsideTheJobIsAnError() {
        String id = store.create(TWO).orElseThrow();

        assertThatThrownBy(() -> store.complete(id, 2, STORED)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void pendingIsNotAnOutcomeToRecord() {
        String id = store.create(TWO).orElseThrow();

        assertThatThrownBy(() -> store.complete(id, 0, ImageOutcome.PENDING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJobNeedsAtLeastOneUrl() {
        assertThatThrownBy(() -> store.create(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNewJobsWhenFullOfJobsStillProcessing() {
        for (int i = 0; i < 3; i++) {
            assertThat(store.create(TWO)).isPresent();
        }

        assertThat(store.create(TWO)).isEmpty();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void whenFullEvictsTheOldestDoneJobAndNeverAProcessingOne() {
        String processing = store.create(TWO).orElseThrow();
        String doneFirst = done(store.create(TWO).orElseThrow());
        String doneSecond = done(store.create(TWO).orElseThrow());

        String admitted = store.create(TWO).orElseThrow();

        assertThat(store.fetch(doneFirst)).isEmpty();
        assertThat(store.fetch(doneSecond)).isPresent();
        assertThat(store.fetch(processing)).isPresent();
        assertThat(store.fetch(admitted)).isPresent();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void whenFullEvictsAFetchedJobBeforeAnUnfetchedOne() {
        store.create(TWO).orElseThrow();
        String unfetched = done(store.create(TWO).orElseThrow());
        String fetched = done(store.create(TWO).orElseThrow());
        store.fetch(fetched);

        store.create(TWO).orElseThrow();

        assertThat(store.fetch(unfetched)).isPresent();
        assertThat(store.fetch(fetched)).isEmpty();
    }

    @Test
    void aDoneJobNobodyFetchesExpiresAfterItsTtl() {
        String id = done(store.create(TWO).orElseThrow());

        now.addAndGet(Duration.ofMinutes(30).toNanos());
        store.create(List.of(URI.create("https://a.example/x.png")));
        assertThat(store.size()).isEqualTo(2);

        now.addAndGet(1);
        assertThat(store.fetch(id)).isEmpty();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aFetchedDoneJobStaysForItsShortTtlForRepeatedFetches() {
        String id = done(store.create(TWO).orElseThrow());
        assertThat(store.fetch(id)).isPresent();

        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(store.fetch(id)).isPresent();

        now.addAndGet(1);
        assertThat(store.fetch(id)).isEmpty();
    }

    @Test
    void fetchingWhileProcessingDoesNotStartTheFetchTtl() {
        String id = store.create(TWO).orElseThrow();
        store.fetch(id);
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        done(id);

        assertThat(store.fetch(id)).isPresent();
    }

    @Test
    void processingJobsDoNotExpire() {
        String id = store.create(TWO).orElseThrow();

        now.addAndGet(Duration.ofDays(7).toNanos());
        store.create(TWO);

        assertThat(store.fetch(id)).isPresent();
    }

    @Test
    void sizeNeverExceedsTheCapacityUnderChurn() {
        for (int i = 0; i < 1000; i++) {
            done(store.create(TWO).orElseThrow());
            assertThat(store.size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void concurrentOutcomesAndFetchesEndInExactlyTheRecordedOutcomes() {
        JobStore big = JobStore.builder().capacity(1000).build();
        int jobs = 200;
        int imagesPerJob = 8;
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < imagesPerJob; i++) {
            urls.add(URI.create("https://a.example/" + i + ".png"));
        }
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            ids.add(big.create(urls).orElseThrow());
        }
        ConcurrentLinkedQueue<String> inconsistencies = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch writersDone = new CountDownLatch(4);
        try (TestThreads threads = new TestThreads()) {
            for (int w = 0; w < 4; w++) {
                int writer = w;
                threads.start(() -> {
                    try {
                        // writer w records images w and w + 4 of every job
                        for (String id : ids) {
                            for (int image = writer; image < imagesPerJob; image += 4) {
                                big.complete(id, image, new ImageOutcome.Stored(id + "/" + image, image));
                            }
                        }
                    } finally {
                        writersDone.countDown();
                    }
                });
            }
            threads.start(() -> {
                while (writing.get()) {
                    for (String id : ids) {
                        JobSnapshot job = big.fetch(id).orElseThrow();
                        boolean anyPending = job.images().stream()
                                .anyMatch(image -> image.outcome() instanceof ImageOutcome.Pending);
                        if ((job.status() == Status.DONE) == anyPending) {
                            inconsistencies.add(id + " " + job.status() + " pending=" + anyPending);
                        }
                    }
                }
            });
            threads.start(() -> {
                writersDone.await();
                writing.set(false);
            });
        }
        assertThat(inconsistencies).isEmpty();
        for (String id : ids) {
            JobSnapshot job = big.fetch(id).orElseThrow();
            assertThat(job.status()).isEqualTo(Status.DONE);
            for (int image = 0; image < imagesPerJob; image++) {
                assertThat(job.images().get(image).outcome()).isEqualTo(new ImageOutcome.Stored(id + "/" + image, image));
            }
        }
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> JobStore.builder().capacity(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
        assertThatThrownBy(() -> JobStore.builder().ttlAfterCompletion(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttlAfterCompletion");
        assertThatThrownBy(() -> JobStore.builder().ttlAfterFetch(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttlAfterFetch");
        assertThatThrownBy(() -> JobStore.builder().clock(null)).hasMessageContaining("nanoTime");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> store.create(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.fetch(null)).hasMessageContaining("id");
        assertThatThrownBy(() -> store.complete(null, 0, STORED)).hasMessageContaining("id");
        assertThatThrownBy(() -> store.complete("x", 0, null)).hasMessageContaining("outcome");
        assertThatThrownBy(() -> store.addTime(null, LayerTimes.Layer.COMPUTE, 1)).hasMessageContaining("id");
        assertThatThrownBy(() -> store.addTime("x", null, 1)).hasMessageContaining("layer");
    }

    private String done(String id) {
        store.complete(id, 0, STORED);
        store.complete(id, 1, FAILED);
        return id;
    }
}
