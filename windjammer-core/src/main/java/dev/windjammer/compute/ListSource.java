package dev.windjammer.compute;

import java.util.List;

/** The elements of a random-access list, read in place with {@code get}. */
final class ListSource extends Source {

    private final List<?> list;

    ListSource(List<?> list) {
        this.list = list;
    }

    @Override
    long size() {
        return list.size();
    }

    @Override
    void push(long lo, long hi, Sink sink) {
        List<?> list = this.list;
        for (int i = (int) lo, end = (int) hi; i < end; i++) {
            sink.accept(list.get(i));
        }
    }


    /** The list itself, for operations that can use it directly. */
    List<?> list() {
        return list;
    }
}
