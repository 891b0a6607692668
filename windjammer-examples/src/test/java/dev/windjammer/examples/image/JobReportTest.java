package dev.windjammer.examples.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.windjammer.examples.image.job.ImageOutcome;
import dev.windjammer.examples.image.job.JobSnapshot;
import dev.windjammer.examples.image.job.LayerTimes;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobReportTest {

    @Test
    void rendersEveryOutcomeWithOnlyItsOwnFields() throws Exception {
        JobSnapshot job = new JobSnapshot("j1", JobSnapshot.Status.PROCESSING, List.of(
                new JobSnapshot.Image(URI.create("https://a.example/0.png"), new ImageOutcome.Stored("jobs/j1/0.jpg", 42)),
                new JobSnapshot.Image(URI.create("https://a.example/1.html"),
                        new ImageOutcome.Failed("not_an_image", "not a PNG, JPEG, GIF or BMP image")),
                new JobSnapshot.Image(URI.create("https://a.example/2.jpg"), ImageOutcome.PENDING)),
                new LayerTimes(41_249_999, 63_950_000, 12_000));

        String json = JsonMapper.builder().build().writeValueAsString(JobReport.of(job, key -> "s3://images/" + key));

        assertThat(json).isEqualTo("{\"id\":\"j1\",\"status\":\"processing\",\"stored\":1,\"failed\":1,\"pending\":1,"
                + "\"layers\":{\"asyncDownloadMillis\":41.2,\"computeMillis\":64.0,\"threadUploadMillis\":0.0},"
                + "\"images\":["
                + "{\"url\":\"https://a.example/0.png\",\"status\":\"stored\",\"key\":\"jobs/j1/0.jpg\",\"bytes\":42,"
                + "\"location\":\"s3://images/jobs/j1/0.jpg\"},"
                + "{\"url\":\"https://a.example/1.html\",\"status\":\"failed\",\"error\":\"not_an_image\","
                + "\"message\":\"not a PNG, JPEG, GIF or BMP image\"},"
                + "{\"url\":\"https://a.example/2.jpg\",\"status\":\"pending\"}]}");
    }

    @Test
    void aDoneJobSaysDone() {
        JobSnapshot job = new JobSnapshot("j2", JobSnapshot.Status.DONE, List.of(
                new JobSnapshot.Image(URI.create("https://a.example/0.png"), new ImageOutcome.Stored("k", 1))));

        assertThat(JobReport.of(job, key -> key).status()).isEqualTo("done");
    }
}
