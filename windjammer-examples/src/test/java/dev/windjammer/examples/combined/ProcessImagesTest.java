package dev.windjammer.examples.combined;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.windjammer.examples.image.TestImages;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.io.http.Response;
import dev.windjammer.io.http.UnexpectedStatusException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessImagesTest {

    private static final Map<String, Response> FILES = Map.of(
            "photo.jpg", Response.of(200, "image/jpeg", TestImages.picture(1600, 1200, "jpeg")),
            "drawing.png", Response.of(200, "image/png", TestImages.picture(1024, 768, "png")),
            "portrait.gif", Response.of(200, "image/gif", TestImages.picture(300, 500, "gif")),
            "page.html", Response.of(200, "text/html", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8)));

    private static HttpServer origin;

    @BeforeAll
    static void startOrigin() {
        origin = Http.server("127.0.0.1:0")
                .get("/{name}", request -> FILES.getOrDefault(request.pathParam("name"), Response.status(404)))
                .start();
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @Test
    void downloadsProcessesAndSavesEveryImageInTheBackground(@TempDir Path directory) throws Exception {
        List<String> urls = List.of(origin.url("/photo.jpg"), origin.url("/drawing.png"), origin.url("/portrait.gif"));

        ProcessImages.Processed processed = ProcessImages.processImages(urls, directory);

        assertThat(processed.images()).extracting(ProcessImages.Image::path)
                .containsExactly(directory.resolve("0.jpg"), directory.resolve("1.jpg"), directory.resolve("2.jpg"));
        for (ProcessImages.Image image : processed.images()) {
            TestImages.assertValidJpeg(image.jpeg(), 800, 600);
            double[] mean = TestImages.meanRgb(TestImages.decode(image.jpeg()));
            assertThat(mean[0]).isGreaterThan(mean[1]);
            assertThat(mean[1]).isGreaterThan(mean[2]);
        }
        assertThat(processed.saving().join()).isEqualTo(3);
        for (ProcessImages.Image image : processed.images()) {
            assertThat(Files.readAllBytes(image.path())).isEqualTo(image.jpeg());
        }
    }

    @Test
    void aBodyThatIsNotAnImageFailsTheCallNamingItsUrl(@TempDir Path directory) {
        String page = origin.url("/page.html");

        assertThatThrownBy(() -> ProcessImages.processImages(List.of(origin.url("/photo.jpg"), page), directory))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(page + ": ");
    }

    @Test
    void aFailedDownloadFailsTheCall(@TempDir Path directory) {
        assertThatThrownBy(() -> ProcessImages.processImages(List.of(origin.url("/missing.png")), directory))
                .isInstanceOf(UnexpectedStatusException.class);
    }

    @Test
    void aFailedSaveIsThrownByTheSavingThreadsJoin(@TempDir Path directory) throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("file"), "a file where a directory should be");

        ProcessImages.Processed processed = ProcessImages.processImages(List.of(origin.url("/drawing.png")), notADirectory);

        assertThat(processed.images()).hasSize(1);
        assertThatThrownBy(() -> processed.saving().join()).isInstanceOf(UncheckedIOException.class);
    }
}
