package dev.windjammer.compute;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The unmodifiable list returned by {@code parallel} and {@code toList}: a view of the array
 * the workers wrote in place, so no copy is made. Allows {@code null} elements.
 *
 * @param <E> element type
 */
final class ResultList<E> extends AbstractList<E> implements RandomAccess {

    private final Object[] elements;

    ResultList(Object[] elements) {
        this.elements = elements;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(elements, elements.length);
    }
}
