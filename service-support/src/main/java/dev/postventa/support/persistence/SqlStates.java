package dev.postventa.support.persistence;

import dev.postventa.support.failure.Causes;
import java.sql.SQLException;

/** Recognises database failures by their SQLState, as the driver reports it, never by a message's wording. */
public final class SqlStates {

    /** PostgreSQL {@code unique_violation}. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL {@code serialization_failure}. */
    public static final String SERIALIZATION_FAILURE = "40001";
    /** PostgreSQL {@code deadlock_detected}. */
    public static final String DEADLOCK_DETECTED = "40P01";

    private SqlStates() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return has(failure, UNIQUE_VIOLATION);
    }

    /** True when the same transaction may well succeed if run again (a serialization failure or a deadlock). */
    public static boolean isRetryableConflict(Throwable failure) {
        return has(failure, SERIALIZATION_FAILURE) || has(failure, DEADLOCK_DETECTED);
    }

    /** True when {@code failure} or one of its causes carries {@code sqlState} from the reactive or JDBC driver. */
    public static boolean has(Throwable failure, String sqlState) {
        return Causes.any(failure, t -> t instanceof io.vertx.pgclient.PgException pg && sqlState.equals(pg.getSqlState())
                || t instanceof SQLException sql && sqlState.equals(sql.getSQLState())
                || t instanceof org.hibernate.JDBCException jdbc && sqlState.equals(jdbc.getSQLState()));
    }
}
