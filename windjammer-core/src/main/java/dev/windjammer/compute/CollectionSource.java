package dev.windjammer.compute;

import java.util.Arrays;
import java.util.Collection;

/**
 * A collection without random access (a {@code LinkedList}, a set): copied into an array when
 * a terminal operation opens it, since it cannot be split otherwise.
 */
final class CollectionSource extends DeferredSource {

    private final Collection<?> collection;

    CollectionSource(Collection<?> collection) {
        this.collection = collection;
    }

    @Override
    Source open() {
        return new ListSource(Arrays.asList(collection.toArray()));
    }
}
