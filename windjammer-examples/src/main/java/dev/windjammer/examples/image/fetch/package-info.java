/**
 * Downloading images from URLs that strangers send, without letting them reach what the
 * service can reach: {@link dev.windjammer.examples.image.fetch.UrlPolicy} decides which
 * addresses may be contacted (public ones only, unless configured), and
 * {@link dev.windjammer.examples.image.fetch.Downloader} connects only to the addresses the
 * policy checked, re-checks every redirect, and enforces timeouts and a size limit
 * (docs/adr/0052).
 */
package dev.windjammer.examples.image.fetch;
