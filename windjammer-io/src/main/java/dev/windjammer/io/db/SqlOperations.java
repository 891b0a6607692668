package dev.windjammer.io.db;

import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;

import java.util.List;
import java.util.Optional;

/**
 * The statements a {@link Database} runs on a pooled connection and a {@link Transaction} runs
 * on its own: parameterised queries mapped to records or single values, and updates.
 *
 * <p><b>Parameters</b> are bound in order to the {@code ?} placeholders, never spliced into the
 * SQL text. Strings, numbers, booleans, {@code byte[]}, {@code UUID}, {@code BigDecimal},
 * {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime} and {@code null} are passed to
 * the driver as they are; an {@code Instant} is bound as a UTC {@code OffsetDateTime} (a
 * {@code timestamp with time zone}); an enum as its {@code name()}.
 *
 * <p><b>Rows to records.</b> When {@code type} is a record, each component takes the column of
 * the same name, compared ignoring case and underscores ({@code user_id} fills {@code userId}),
 * through the record's canonical constructor (so its validation runs). Every component needs a
 * column; extra columns are ignored. A primitive component refuses SQL {@code NULL}; an
 * {@code Instant} component reads a {@code timestamp with time zone}; an enum component reads
 * the constant's name. Any other {@code type} (e.g. {@code Long.class}, {@code String.class})
 * reads the single column of a one-column result.
 *
 * <p><b>Failures</b>: the database's refusal is a {@link DatabaseException}; a row that cannot
 * fill the record is an {@link IllegalArgumentException} naming the column and component; an
 * interrupted call throws {@link UncheckedInterruptedException} (interrupt status set; the
 * connection it used is discarded); no pooled connection within the pool's timeout is a
 * {@link TimedOutException}.
 *
 * <p><b>Cancellation.</b> Interrupting the calling thread aborts a statement waiting on a
 * network database (PostgreSQL) by closing its connection, whether the caller is a virtual thread
 * or a platform thread (a statement called from a platform thread runs on a virtual thread for
 * this, the caller waiting for it). H2 embedded finishes a running statement first.
 */
public interface SqlOperations {

    /**
     * Runs a query and maps every row.
     *
     * @param sql    the query, with {@code ?} placeholders
     * @param type   a record class, or the type of the single column
     * @param params the values for the placeholders, in order
     * @param <T>    the row type
     * @return the rows in the order the database returned them; empty if none
     * @throws DatabaseException if the database fails the query
     * @throws IllegalArgumentException if the rows do not fit {@code type}
     */
    <T> List<T> query(String sql, Class<T> type, Object... params);

    /**
     * Runs a query that returns at most one row, e.g. a lookup by primary key.
     *
     * @param sql    the query, with {@code ?} placeholders
     * @param type   a record class, or the type of the single column
     * @param params the values for the placeholders, in order
     * @param <T>    the row type
     * @return the row, or empty if there is none
     * @throws IllegalStateException if the query returns more than one row
     * @throws DatabaseException if the database fails the query
     * @throws IllegalArgumentException if the row does not fit {@code type}
     */
    <T> Optional<T> queryOptional(String sql, Class<T> type, Object... params);

    /**
     * Runs an {@code INSERT}, {@code UPDATE}, {@code DELETE} or DDL statement.
     *
     * @param sql    the statement, with {@code ?} placeholders
     * @param params the values for the placeholders, in order
     * @return the number of rows changed (0 for DDL)
     * @throws DatabaseException if the database fails the statement
     */
    int update(String sql, Object... params);
}
