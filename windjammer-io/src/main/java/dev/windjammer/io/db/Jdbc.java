package dev.windjammer.io.db;

import dev.windjammer.UncheckedInterruptedException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The statement execution shared by {@link Database} (a pooled connection per call) and
 * {@link Transaction} (its own connection): binding, mapping, error translation.
 */
final class Jdbc {
    /*
     * Implementation notes
     *
     * Cancellation. A statement blocked in a socket read ends when its thread is interrupted
     * only if that thread is virtual: the JDK closes a java.net.Socket whose virtual thread is
     * interrupted, but leaves a platform thread blocked. So that interruption (Async.timeout,
     * a cancelled scope) aborts a statement on any thread, a statement called from a platform
     * thread runs on a virtual thread of its own while the caller waits interruptibly; when the
     * caller is interrupted, it interrupts that virtual thread, waits for it to end (the closed
     * socket ends it promptly) and reports the interruption. A virtual-thread caller runs the
     * statement itself. The FutureTask hand-off orders the statement's effects before the
     * caller's return.
     */

    private Jdbc() {
    }

    /** Work on a connection: binding, executing, mapping. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    static <T> List<T> query(Connection connection, String sql, Class<T> type, Object[] params) throws SQLException {
        Objects.requireNonNull(type, "type");
        return interruptibly(() -> queryNow(connection, sql, type, params));
    }

    static <T> Optional<T> queryOptional(Connection connection, String sql, Class<T> type, Object[] params)
            throws SQLException {
        Objects.requireNonNull(type, "type");
        return interruptibly(() -> queryOptionalNow(connection, sql, type, params));
    }

    static int update(Connection connection, String sql, Object[] params) throws SQLException {
        return interruptibly(() -> updateNow(connection, sql, params));
    }

    private static <T> T interruptibly(Work<T> work) throws SQLException {
        if (Thread.currentThread().isVirtual()) {
            return work.run();
        }
        FutureTask<T> task = new FutureTask<>(work::run);
        Thread runner = Thread.ofVirtual().name("windjammer-db-statement").start(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            runner.interrupt();
            awaitUninterruptibly(runner);
            Thread.currentThread().interrupt();
            SQLException interrupted = new SQLException("statement interrupted", e);
            if (task.state() == Future.State.FAILED) {
                interrupted.addSuppressed(task.exceptionNow());
            }
            throw interrupted;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void awaitUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> List<T> queryNow(Connection connection, String sql, Class<T> type, Object[] params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                RowMapper<T> mapper = RowMapper.of(type, rows.getMetaData(), sql);
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    private static <T> Optional<T> queryOptionalNow(Connection connection, String sql, Class<T> type, Object[] params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(2);
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                RowMapper<T> mapper = RowMapper.of(type, rows.getMetaData(), sql);
                if (!rows.next()) {
                    return Optional.empty();
                }
                T first = mapper.map(rows);
                if (rows.next()) {
                    throw new IllegalStateException("expected at most one row, got more, from: " + sql);
                }
                return Optional.ofNullable(first);
            }
        }
    }

    private static int updateNow(Connection connection, String sql, Object[] params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    static void checkArguments(String sql, Object[] params) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(params, "params");
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof Instant instant) {
                value = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            } else if (value instanceof Enum<?> constant) {
                value = constant.name();
            }
            statement.setObject(i + 1, value);
        }
    }

    /** What a caller sees for a failed statement; checks the interrupt status first. */
    static RuntimeException failure(String action, String sql, SQLException e) {
        if (Thread.currentThread().isInterrupted()) {
            UncheckedInterruptedException interrupted = UncheckedInterruptedException.interrupted(action + " " + sql, null);
            interrupted.addSuppressed(e);
            return interrupted;
        }
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        return new DatabaseException(action + " failed" + state + ": " + firstLine(e.getMessage()) + "; SQL: " + sql, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message from the driver";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
