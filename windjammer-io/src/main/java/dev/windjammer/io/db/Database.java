package dev.windjammer.io.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.windjammer.TaskFailedException;
import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seed's {@code db::}: a small JDBC API over a HikariCP connection pool, for async code.
 * Every call blocks the calling thread until the database has answered; on a virtual thread
 * (an {@code Async} task) that is the intended use, and at most {@link Builder#maxConnections}
 * statements run at once, further callers waiting (parked) for a connection.
 *
 * <pre>{@code
 * record User(long id, String name) { }
 * try (Database db = Database.inMemory()) {
 *     db.update("create table users (id bigint primary key, name varchar(100) not null)");
 *     db.update("insert into users (id, name) values (?, ?)", 1, "ada");
 *     Optional<User> ada = db.queryOptional("select id, name from users where id = ?", User.class, 1);
 *     long moved = db.transaction(tx -> {
 *         tx.update("update accounts set balance = balance - ? where id = ?", 10, 1);
 *         return (long) tx.update("update accounts set balance = balance + ? where id = ?", 10, 2);
 *     });
 * }
 * }</pre>
 *
 * <p>Statements, parameters and row mapping are described in {@link SqlOperations}. Each
 * statement outside a transaction commits on its own (auto-commit).
 *
 * <p><b>Drivers.</b> H2 2.x (embedded) and PostgreSQL (pgjdbc) come with this module; any JDBC
 * 4 driver on the class path works through {@link #open(String, String, String)}.
 * {@link #inMemory()} is an H2 in-memory database in PostgreSQL compatibility mode, so that SQL
 * written for one mostly runs on the other.
 *
 * <p>Thread-safe. Closing waits for nothing: statements still running fail.
 */
public final class Database implements SqlOperations, AutoCloseable {
    /*
     * Implementation notes
     *
     * Overview. HikariCP owns the connections; each SqlOperations call borrows one for the
     * length of one statement (or one transaction body) and returns it in a finally block, as
     * JdbcTemplate and jOOQ do. Virtual threads waiting for a connection park in Hikari's
     * ConcurrentBag (SynchronousQueue handoff); HikariCP 5.1+ and pgjdbc 42.6+ replaced their
     * monitors on these paths with j.u.c locks, so nothing pins a carrier on JDK 21 either.
     *
     * Cancellation. An interrupted virtual thread blocked in a socket read has its socket closed
     * by the JDK (Thread.interrupt on a virtual thread in java.net I/O), so the statement fails
     * with an SQLException and Hikari evicts the broken connection on return; a statement
     * called from a platform thread runs on a virtual thread for this reason (see Jdbc). We
     * check the interrupt status when translating the exception, so the caller sees
     * UncheckedInterruptedException, the same as every other Windjammer wait; Async.timeout on a
     * slow query therefore ends it. H2 embedded ignores interruption inside a running statement.
     *
     * Transactions. One connection, auto-commit off, commit on normal return, rollback on any
     * Throwable (the rollback's own failure is suppressed onto the original), auto-commit
     * restored before the connection goes back to the pool. The Transaction object is disarmed
     * when the body ends so that a leaked reference cannot run statements on a pooled connection.
     *
     * Peers. JDBI and Spring's JdbcTemplate (row mapping, transaction callbacks), tokio-postgres
     * (query / query_opt / execute naming), sqlx (records from rows).
     */

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final int DEFAULT_MAX_CONNECTIONS = 10;
    private static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    private final HikariDataSource pool;
    private final Duration connectionTimeout;
    private final boolean shutdownOnClose;

    private Database(Builder builder) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(builder.url);
        config.setUsername(builder.user);
        config.setPassword(builder.password);
        config.setMaximumPoolSize(builder.maxConnections);
        config.setMinimumIdle(Math.min(2, builder.maxConnections));
        config.setConnectionTimeout(Math.max(250, builder.connectionTimeout.toMillis()));
        config.setPoolName("windjammer-db-" + POOLS.incrementAndGet());
        try {
            this.pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause();
            String reason = cause == null ? e.getMessage() : cause.getMessage();
            if (cause instanceof SQLException sql) {
                throw new DatabaseException("cannot connect to " + builder.url + ": " + reason, sql);
            }
            throw new IllegalArgumentException("cannot connect to " + builder.url + ": " + reason, e);
        } catch (RuntimeException e) {
            // HikariCP reports a URL that no driver accepts with a plain RuntimeException
            throw new IllegalArgumentException("cannot open " + builder.url + ": " + e.getMessage(), e);
        }
        this.connectionTimeout = builder.connectionTimeout;
        this.shutdownOnClose = builder.shutdownOnClose;
    }

    /**
     * Opens a private H2 in-memory database in PostgreSQL compatibility mode (identifiers folded
     * to lower case), which lives until {@link #close()}.
     *
     * @return the database
     */
    public static Database inMemory() {
        Builder builder = builder("jdbc:h2:mem:windjammer-" + POOLS.get() + "-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        builder.shutdownOnClose = true;
        return builder.build();
    }

    /**
     * Opens a database by JDBC URL without credentials, e.g. {@code jdbc:h2:./data/app} (a file
     * database) or a PostgreSQL URL that carries {@code user} and {@code password} parameters.
     *
     * @param jdbcUrl the JDBC URL
     * @return the database; close it when done
     * @throws DatabaseException if no connection can be made
     * @throws IllegalArgumentException if no driver accepts the URL
     */
    public static Database open(String jdbcUrl) {
        return builder(jdbcUrl).build();
    }

    /**
     * Opens a database by JDBC URL with credentials, e.g.
     * {@code Database.open("jdbc:postgresql://127.0.0.1:5432/app", "app", secret)}.
     *
     * @param jdbcUrl  the JDBC URL
     * @param user     the user name
     * @param password the password
     * @return the database; close it when done
     * @throws DatabaseException if no connection can be made (e.g. wrong password)
     * @throws IllegalArgumentException if no driver accepts the URL
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return builder(jdbcUrl).user(user).password(password).build();
    }

    /**
     * Returns a builder for a database with pool settings.
     *
     * @param jdbcUrl the JDBC URL
     * @return a builder with the defaults: 10 connections, 30 s to wait for one
     */
    public static Builder builder(String jdbcUrl) {
        return new Builder(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
    }

    @Override
    public <T> List<T> query(String sql, Class<T> type, Object... params) {
        Jdbc.checkArguments(sql, params);
        try (Connection connection = connection(sql)) {
            return Jdbc.query(connection, sql, type, params);
        } catch (SQLException e) {
            throw Jdbc.failure("query", sql, e);
        }
    }

    @Override
    public <T> Optional<T> queryOptional(String sql, Class<T> type, Object... params) {
        Jdbc.checkArguments(sql, params);
        try (Connection connection = connection(sql)) {
            return Jdbc.queryOptional(connection, sql, type, params);
        } catch (SQLException e) {
            throw Jdbc.failure("query", sql, e);
        }
    }

    @Override
    public int update(String sql, Object... params) {
        Jdbc.checkArguments(sql, params);
        try (Connection connection = connection(sql)) {
            return Jdbc.update(connection, sql, params);
        } catch (SQLException e) {
            throw Jdbc.failure("update", sql, e);
        }
    }

    /**
     * Runs {@code body} in one transaction: commits when it returns, rolls back when it throws.
     *
     * @param body the statements, run on the given {@link Transaction}
     * @param <T>  the result type
     * @return what {@code body} returned
     * @throws RuntimeException the very exception {@code body} threw, if unchecked, after the
     *         rollback (a failed rollback is attached as suppressed)
     * @throws TaskFailedException wrapping a checked exception {@code body} threw
     * @throws DatabaseException if beginning or committing fails (after a failed commit the
     *         transaction has been rolled back)
     * @throws UncheckedInterruptedException if the thread is interrupted while waiting for a
     *         connection or inside a statement
     * @throws TimedOutException if no connection is free within the pool's timeout
     */
    public <T> T transaction(TransactionBody<T> body) {
        Objects.requireNonNull(body, "body");
        String what = "transaction";
        try (Connection connection = connection(what)) {
            connection.setAutoCommit(false);
            Transaction transaction = new Transaction(connection);
            try {
                T result;
                try {
                    result = body.run(transaction);
                } catch (Throwable failure) {
                    transaction.end();
                    rollback(connection, failure);
                    throw propagate(failure);
                }
                transaction.end();
                try {
                    connection.commit();
                } catch (SQLException commitFailed) {
                    rollback(connection, commitFailed);
                    throw Jdbc.failure("commit", what, commitFailed);
                }
                return result;
            } finally {
                restoreAutoCommit(connection);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("transaction", what, e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException brokenConnection) {
            // the pool discards a connection that cannot even do this
        }
    }

    private static RuntimeException propagate(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new TaskFailedException(failure);
    }

    private Connection connection(String forWhat) throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLTransientConnectionException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            TimedOutException timedOut = new TimedOutException("a database connection for " + forWhat, connectionTimeout);
            timedOut.initCause(e);
            throw timedOut;
        }
    }

    /**
     * Closes the pool: its connections are closed and statements still running fail. An
     * {@link #inMemory()} database is dropped. Idempotent.
     */
    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        if (shutdownOnClose) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException alreadyGone) {
                // the in-memory database is gone either way once the pool is closed
            }
        }
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + pool.getPoolName() + ", " + pool.getJdbcUrl() + "]";
    }

    /** Configures a {@link Database}. Not thread-safe. */
    public static final class Builder {
        private final String url;
        private String user;
        private String password;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private boolean shutdownOnClose;

        private Builder(String url) {
            this.url = url;
        }

        /**
         * Sets the user name.
         *
         * @param user the user
         * @return this builder
         */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * Sets the password.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Sets how many connections the pool holds at most (default 10): the number of
         * statements that run at once.
         *
         * @param connections at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code connections} is below 1
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + connections);
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * Sets how long a call waits for a free connection before it fails with
         * {@link TimedOutException} (default 30 s, at least 250 ms).
         *
         * @param timeout the timeout
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is shorter than 250 ms
         */
        public Builder connectionTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout must be at least 250ms, got " + timeout);
            }
            this.connectionTimeout = timeout;
            return this;
        }

        /**
         * Opens the pool and checks that a connection can be made.
         *
         * @return the database; close it when done
         * @throws DatabaseException if no connection can be made
         * @throws IllegalArgumentException if no driver accepts the URL
         */
        public Database build() {
            return new Database(this);
        }
    }
}
