package dev.windjammer.io.http;

/**
 * Handles one HTTP request on the {@link HttpServer}: the Java twin of a Windjammer
 * {@code async |req| { ... }} route closure. Runs on its own virtual thread, so it may block on
 * I/O (HTTP calls, database queries, files, {@code Task.await()}) without holding up other
 * requests.
 *
 * <p>Outcomes: the returned {@link Response} is sent as it is; an {@link HttpException} is sent
 * as {@code {"error": message, "status": N}}; any other exception is the server's own fault and
 * becomes {@code 500} with an error id, the exception being logged with the same id. A handler
 * may be called by many threads at once.
 */
@FunctionalInterface
public interface Handler {

    /**
     * Answers a request.
     *
     * @param request the request, with its path parameters bound
     * @return the response to send; must not be {@code null}
     * @throws Exception anything; see the interface comment for what the client gets
     */
    Response handle(Request request) throws Exception;
}
