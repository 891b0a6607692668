package dev.windjammer.io;

import dev.windjammer.io.db.Database;
import dev.windjammer.io.fs.Fs;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpClient;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.testkit.TestThreads;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records JFR's {@code jdk.VirtualThreadPinned} with threshold 0 while virtual threads use every
 * I/O path of this module (HTTP server and client, database pool under contention, files) and
 * checks that no pinned event has a frame of ours.
 */
class VirtualThreadPinningTest {

    private static final int TASKS = 200;

    record Row(int id, String name) {
    }

    @TempDir
    Path dir;

    @Test
    void ioPathsDoNotPinCarrierThreads() throws IOException {
        // A first run loads classes and links call sites; while that happens a virtual thread
        // cannot unmount (JFR: "Freeze or preempt failed"), whatever the code around it does.
        exerciseEveryPath();
        List<RecordedEvent> pinned;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            exerciseEveryPath();
            recording.stop();
            Path file = dir.resolve("pinning.jfr");
            recording.dump(file);
            pinned = RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getEventType().getName().equals("jdk.VirtualThreadPinned"))
                    .toList();
        }
        List<String> ours = pinned.stream().filter(VirtualThreadPinningTest::inOurCode).map(RecordedEvent::toString).toList();
        assertThat(ours).as("pinned events with a dev.windjammer frame").isEmpty();
    }

    private static boolean inOurCode(RecordedEvent event) {
        return event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                .map(RecordedFrame::getMethod)
                .anyMatch(method -> method.getType().getName().startsWith("dev.windjammer."));
    }

    private void exerciseEveryPath() {
        Fs.list(dir, "f*").forEach(file -> Fs.write(file, new byte[0]));
        try (Database db = Database.builder("jdbc:h2:mem:pinning-" + System.nanoTime()).maxConnections(2).build();
             HttpServer server = Http.server("127.0.0.1:0")
                     .get("/rows/{id}", req -> Http.json(db.queryOptional("select id, name from rows where id = ?",
                             Row.class, req.pathParamAsLong("id")).orElseThrow()))
                     .post("/files/{name}", req -> {
                         Fs.write(dir.resolve(req.pathParam("name")), req.body());
                         return Http.json(201, Map.of("bytes", Fs.read(dir.resolve(req.pathParam("name"))).length));
                     })
                     .start();
             HttpClient client = HttpClient.builder().build()) {
            db.update("create table rows (id int primary key, name varchar(20))");
            for (int i = 0; i < 10; i++) {
                db.update("insert into rows values (?, ?)", i, "row " + i);
            }
            try (TestThreads threads = new TestThreads()) {
                for (int i = 0; i < TASKS; i++) {
                    int id = i % 10;
                    threads.startVirtual(() -> {
                        assertThat(client.get(server.url("/rows/" + id)).json(Row.class).id()).isEqualTo(id);
                        assertThat(client.request("POST", server.url("/files/f" + id))
                                .body("application/octet-stream", new byte[100]).send().status()).isEqualTo(201);
                        db.transaction(tx -> tx.update("update rows set name = ? where id = ?", "seen", id));
                    });
                }
            }
            assertThat(Fs.list(dir, "f*")).hasSize(10);
        }
    }
}
