/**
 * The seed's image-processing service: {@code POST /process} with a JSON list of image URLs
 * answers {@code 202} at once; the images are downloaded concurrently (async layer), decoded,
 * resized to 800×600, toned sepia and JPEG-compressed in parallel (compute layer) and uploaded
 * to an object store in the background (thread layer); {@code GET /jobs/{id}} reports each
 * image's outcome.
 *
 * <p>Building blocks, one package each, all usable and tested on their own:
 * <ul>
 *   <li>{@link dev.windjammer.examples.image.request} — validation of the {@code /process} body;</li>
 *   <li>{@link dev.windjammer.examples.image.fetch} — downloads under a policy against
 *       server-side request forgery;</li>
 *   <li>{@link dev.windjammer.examples.image.imaging} — decode, resize, sepia, JPEG, as pure
 *       functions over bytes and pixels;</li>
 *   <li>{@link dev.windjammer.examples.image.store} — the object store (filesystem or S3);</li>
 *   <li>{@link dev.windjammer.examples.image.job} — the bounded, concurrent job table.</li>
 * </ul>
 */
package dev.windjammer.examples.image;
