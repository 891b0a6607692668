package dev.windjammer.io.db;

/**
 * The work of one {@linkplain Database#transaction transaction}.
 *
 * @param <T> the result type; return {@code null} when there is nothing to return
 */
@FunctionalInterface
public interface TransactionBody<T> {

    /**
     * Runs the statements of the transaction.
     *
     * @param transaction the transaction to run them on
     * @return the result handed back by {@link Database#transaction}
     * @throws Exception anything; any exception rolls the transaction back
     */
    T run(Transaction transaction) throws Exception;
}
