/**
 * Validation of the {@code POST /process} body as a pure function:
 * {@link dev.windjammer.examples.image.request.ProcessRequest#parse(String, int)}.
 */
package dev.windjammer.examples.image.request;
