package dev.windjammer.io.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into a byte array, failing with {@link ResponseTooLargeException} as
 * soon as more than {@code limit} bytes have arrived.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    /*
     * Implementation notes
     *
     * Overview. The JDK's BodySubscribers.ofByteArray() buffers the whole body before anyone can
     * look at its size. This subscriber counts bytes as the buffers arrive and cancels the
     * subscription the moment the count passes the limit; cancelling makes the JDK client abort
     * the exchange and close the connection instead of reading the rest. When Content-Length
     * already announces more than the limit, it cancels in onSubscribe, before any body byte is
     * read.
     *
     * Concurrency. The JDK client signals a subscriber serially (Reactive Streams rule 1.3), so
     * the fields need no synchronisation; the CompletableFuture publishes the result to the
     * thread awaiting the response.
     *
     * Memory. The buffers handed to onNext belong to the subscriber from then on (HttpResponse
     * BodySubscriber contract), so they are kept, not copied, until the body is complete.
     */

    private final long limit;
    private final String request;
    private final boolean announcedTooLarge;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> received = new ArrayList<>();
    private Flow.Subscription subscription;
    private long total;

    private LimitedBodySubscriber(long limit, String request, boolean announcedTooLarge) {
        this.limit = limit;
        this.request = request;
        this.announcedTooLarge = announcedTooLarge;
    }

    /** A body handler that gives every response a subscriber with this limit. */
    static HttpResponse.BodyHandler<byte[]> handler(long limit, String request) {
        return info -> {
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            return new LimitedBodySubscriber(limit, request, length.isPresent() && length.getAsLong() > limit);
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (announcedTooLarge) {
            tooLarge();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            total += buffer.remaining();
            if (total > limit) {
                tooLarge();
                return;
            }
            received.add(buffer);
        }
    }

    private void tooLarge() {
        received.clear();
        subscription.cancel();
        result.completeExceptionally(new ResponseTooLargeException(request, limit));
    }

    @Override
    public void onError(Throwable failure) {
        received.clear();
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            return;
        }
        byte[] body = new byte[(int) total];
        int offset = 0;
        for (ByteBuffer buffer : received) {
            int length = buffer.remaining();
            buffer.get(body, offset, length);
            offset += length;
        }
        received.clear();
        result.complete(body);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
