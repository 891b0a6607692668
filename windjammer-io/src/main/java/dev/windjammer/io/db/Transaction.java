package dev.windjammer.io.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The statements of one {@linkplain Database#transaction transaction}, all on one connection:
 * they see each other's changes and become visible to others together when the transaction
 * commits. Valid only inside its {@link TransactionBody}, on the thread running the body; any
 * call after the body has returned throws {@link IllegalStateException}. Not thread-safe: a body
 * that starts tasks must not share its transaction with them.
 */
public final class Transaction implements SqlOperations {

    private final Connection connection;
    private boolean ended;

    Transaction(Connection connection) {
        this.connection = connection;
    }

    @Override
    public <T> List<T> query(String sql, Class<T> type, Object... params) {
        check(sql, params);
        try {
            return Jdbc.query(connection, sql, type, params);
        } catch (SQLException e) {
            throw Jdbc.failure("query", sql, e);
        }
    }

    @Override
    public <T> Optional<T> queryOptional(String sql, Class<T> type, Object... params) {
        check(sql, params);
        try {
            return Jdbc.queryOptional(connection, sql, type, params);
        } catch (SQLException e) {
            throw Jdbc.failure("query", sql, e);
        }
    }

    @Override
    public int update(String sql, Object... params) {
        check(sql, params);
        try {
            return Jdbc.update(connection, sql, params);
        } catch (SQLException e) {
            throw Jdbc.failure("update", sql, e);
        }
    }

    private void check(String sql, Object[] params) {
        Jdbc.checkArguments(sql, params);
        if (ended) {
            throw new IllegalStateException("the transaction has ended; run statements inside its body");
        }
    }

    void end() {
        ended = true;
    }
}
