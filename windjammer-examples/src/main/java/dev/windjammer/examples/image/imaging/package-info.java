/**
 * Image operations of the service as pure functions over bytes and pixels, safe to run from
 * many threads at once (no shared mutable state): {@link
 * dev.windjammer.examples.image.imaging.ImageProcessor} decodes with a pixel limit checked from
 * the header, resizes to cover the target and crops (docs/adr/0050), applies {@link
 * dev.windjammer.examples.image.imaging.Sepia} and encodes JPEG.
 */
package dev.windjammer.examples.image.imaging;
