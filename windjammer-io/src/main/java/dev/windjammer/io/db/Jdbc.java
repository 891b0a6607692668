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

/**
 * The statement execution shared by {@link Database} (a pooled connection per call) and
 * {@link Transaction} (its own connection): binding, mapping, error translation.
 */
final class Jdbc {

    private Jdbc() {
    }

    static <T> List<T> query(Connection connection, String sql, Class<T> type, Object[] params) throws SQLException {
        Objects.requireNonNull(type, "type");
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

    static <T> Optional<T> queryOptional(Connection connection, String sql, Class<T> type, Object[] params)
            throws SQLException {
        Objects.requireNonNull(type, "type");
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

    static int update(Connection connection, String sql, Object[] params) throws SQLException {
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
