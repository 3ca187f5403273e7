package dev.postventa.support.persistence;

import dev.postventa.support.failure.Causes;
import dev.postventa.support.outbox.RelayNotReadyException;
import java.sql.SQLException;

/**
 * Tells an outage (the database, the broker or the way to them failing, or a pool with no connection to give in
 * time) from a failure of the work itself. An outage says nothing about the message or request: retrying it later is
 * right (the inbox retries without bound; an HTTP caller gets 503 with Retry-After instead of a 500).
 *
 * <p>Decided by exception type anywhere in the cause chain (Hibernate and Mutiny wrap the driver's failure) and by
 * SQLState, never by a message's wording.
 */
public final class Outages {

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        return Causes.any(failure, Outages::isOutageItself);
    }

    private static boolean isOutageItself(Throwable t) {
        if (t instanceof java.net.SocketException // connection refused or reset, no route (ConnectException)
                || t instanceof java.net.SocketTimeoutException
                || t instanceof java.net.UnknownHostException
                || t instanceof java.nio.channels.ClosedChannelException
                || t instanceof java.util.concurrent.TimeoutException // pool wait, Vert.x connect timeout
                || t instanceof io.vertx.sqlclient.ClosedConnectionException
                || t instanceof io.vertx.core.http.ConnectionPoolTooBusyException
                || t instanceof org.apache.kafka.common.errors.RetriableException // broker unavailable, timeouts
                || t instanceof RelayNotReadyException) {
            return true;
        }
        String sqlState = sqlStateOf(t);
        return sqlState != null && isOutageSqlState(sqlState);
    }

    /**
     * Class 08 (connection exception), 53 (insufficient resources: too many connections, disk full, out of memory),
     * 57P01..57P03 (server shutting down, crashed, starting up) and 58 (system error, I/O): the server or the way to it
     * is failing, not this message.
     */
    public static boolean isOutageSqlState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("58")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03");
    }

    private static String sqlStateOf(Throwable t) {
        if (t instanceof io.vertx.pgclient.PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        if (t instanceof org.hibernate.JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return null;
    }
}
