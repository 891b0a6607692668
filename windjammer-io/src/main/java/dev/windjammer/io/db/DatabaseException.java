package dev.windjammer.io.db;

import java.io.Serial;
import java.sql.SQLException;

/**
 * Thrown when the database refused or failed a statement: a syntax error, a violated
 * constraint, a lost connection. The message names the failure, the SQLState and the SQL text
 * (never the parameter values); {@link #getCause()} is the driver's {@link SQLException}.
 */
public final class DatabaseException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    DatabaseException(String message, SQLException cause) {
        super(message, cause);
        this.sqlState = cause.getSQLState();
    }

    /**
     * Returns the SQLState the driver reported, e.g. {@code "23505"} for a unique-key violation
     * on PostgreSQL or {@code "23505"} on H2 (the standard classes agree: {@code 23} is an
     * integrity constraint violation, {@code 42} a syntax or access error, {@code 08} a
     * connection failure).
     *
     * @return the SQLState, or {@code null} if the driver gave none
     */
    public String sqlState() {
        return sqlState;
    }
}
