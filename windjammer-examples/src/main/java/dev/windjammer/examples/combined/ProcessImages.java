package dev.windjammer.examples.combined;

import dev.windjammer.async.Async;
import dev.windjammer.compute.Compute;
import dev.windjammer.examples.image.imaging.ImageProcessor;
import dev.windjammer.examples.image.imaging.ProcessedImage;
import dev.windjammer.io.fs.Fs;
import dev.windjammer.io.http.Http;
import dev.windjammer.thread.JoinHandle;
import dev.windjammer.thread.Threads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * The seed's "Combining the Three", runnable:
 *
 * <pre>
 * async fn process_images(urls: Vec&lt;string&gt;) -&gt; Vec&lt;Image&gt; {
 *     // 1. Async: Download images concurrently
 *     let downloads = urls.map(|url| async { http::get(url).await })
 *     let raw_images = join_all(downloads).await
 *     // 2. Compute: Process images in parallel (CPU-bound)
 *     let processed = parallel(raw_images, |img| { apply_filters(img) })
 *     // 3. Thread: Save to disk in background
 *     thread::spawn(move || { for img in processed { fs::write_file(img.path, img.data) } })
 *     processed
 * }
 * </pre>
 *
 * <p>The three steps map one to one: {@link Async#joinAll} runs the downloads at once on virtual
 * threads; {@link Compute#parallel} runs the filters (decode, resize to 800 × 600, sepia, JPEG —
 * the image service's {@link ImageProcessor}) on the compute pool; {@link Threads#spawn} saves the
 * results on a thread of its own while the caller goes on. Where the seed drops the thread's
 * handle, this twin returns it with the images, so that a caller can know when, and whether, the
 * files are written ({@code saving().join()} rethrows a failed write).
 *
 * <p>This is the seed's shape, with the seed's lack of limits: every URL downloads at once,
 * without a size limit or a URL policy, and one failure fails the call. The seed's "Real-World
 * Example", the image-processing service built on the same three steps with those limits, is
 * {@link dev.windjammer.examples.image.ImageService}.
 */
public final class ProcessImages {

    private ProcessImages() {
    }

    /**
     * A processed image.
     *
     * @param path where the background thread saves it
     * @param jpeg the 800 × 600 sepia JPEG
     */
    public record Image(Path path, byte[] jpeg) {
        /** Checks the components. */
        public Image {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(jpeg, "jpeg");
        }
    }

    /**
     * What {@link #processImages} returns: the images, and the thread saving them.
     *
     * @param images the processed images, in the order of the URLs
     * @param saving the background thread writing them; its result is the number of files written
     */
    public record Processed(List<Image> images, JoinHandle<Integer> saving) {
        /** Copies the list. */
        public Processed {
            images = List.copyOf(images);
            Objects.requireNonNull(saving, "saving");
        }
    }

    /**
     * Downloads, processes and, in the background, saves the images at {@code urls}; returns
     * as soon as the images are processed, while they are being saved. Image {@code i} is saved
     * as {@code directory/i.jpg}.
     *
     * @param urls      http(s) URLs of PNG, JPEG, GIF or BMP images
     * @param directory where to save the JPEGs (created if missing)
     * @return the images and the saving thread
     * @throws dev.windjammer.io.http.UnexpectedStatusException if a download answers other than 2xx
     *         (the other downloads are cancelled)
     * @throws java.io.UncheckedIOException if a download fails to connect
     * @throws IllegalArgumentException if a body is not an image that can be processed, naming its URL
     * @throws dev.windjammer.UncheckedInterruptedException if interrupted while waiting
     */
    public static Processed processImages(List<String> urls, Path directory) {
        Objects.requireNonNull(directory, "directory");
        // 1. Async: download images concurrently
        List<Callable<byte[]>> downloads = new ArrayList<>(urls.size());
        for (String url : urls) {
            downloads.add(() -> Http.get(url).expectSuccess().body());
        }
        List<byte[]> rawImages = Async.joinAll(downloads);

        // 2. Compute: process images in parallel (CPU-bound)
        ImageProcessor filters = ImageProcessor.builder().build();
        List<Integer> indices = IntStream.range(0, rawImages.size()).boxed().toList();
        List<Image> processed = Compute.parallel(indices, i -> new Image(directory.resolve(i + ".jpg"),
                applyFilters(filters, urls.get(i), rawImages.get(i))));

        // 3. Thread: save to disk in the background
        JoinHandle<Integer> saving = Threads.spawn(() -> {
            for (Image image : processed) {
                Fs.write(image.path(), image.jpeg());
            }
            return processed.size();
        });
        return new Processed(processed, saving);
    }

    private static byte[] applyFilters(ImageProcessor filters, String url, byte[] raw) {
        return switch (filters.process(raw)) {
            case ProcessedImage.Encoded encoded -> encoded.jpeg();
            case ProcessedImage.Rejected rejected -> throw new IllegalArgumentException(url + ": " + rejected.message());
        };
    }
}
