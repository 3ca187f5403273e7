package dev.postventa.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.hibernate.JDBCException;
import org.junit.jupiter.api.Test;

class SqlStatesTest {

    private static final PgException DUPLICATE_KEY = new PgException(
            "duplicate key value violates unique constraint \"return_request_order_id_key\"", "ERROR", "23505",
            "Key (order_id)=(SO-1) already exists.");

    @Test
    void theReactiveDriversUniqueViolationIsRecognised() {
        assertThat(SqlStates.isUniqueViolation(DUPLICATE_KEY)).isTrue();
    }

    @Test
    void aUniqueViolationIsRecognisedAtAnyDepthOfTheCauseChain() {
        Throwable wrapped = new CompletionException(new IllegalStateException("flush failed",
                new RuntimeException("statement failed", DUPLICATE_KEY)));

        assertThat(SqlStates.isUniqueViolation(wrapped)).isTrue();
    }

    @Test
    void jdbcUniqueViolationsAreRecognisedToo() {
        SQLException jdbc = new SQLException("duplicate key", "23505");

        assertThat(SqlStates.isUniqueViolation(jdbc)).isTrue();
        assertThat(SqlStates.isUniqueViolation(new RuntimeException(new RuntimeException(jdbc)))).isTrue();
        assertThat(SqlStates.isUniqueViolation(new JDBCException("could not execute statement",
                new SQLException("duplicate key", "23505")))).isTrue();
    }

    @Test
    void otherStatesAreNotUniqueViolations() {
        assertThat(SqlStates.isUniqueViolation(new PgException("null value in column", "ERROR", "23502", null)))
                .isFalse();
        assertThat(SqlStates.isUniqueViolation(new SQLException("foreign key", "23503"))).isFalse();
        assertThat(SqlStates.isUniqueViolation(new SQLException("no state"))).isFalse();
    }

    @Test
    void aMessageThatMentions23505IsNotAUniqueViolation() {
        assertThat(SqlStates.isUniqueViolation(new IllegalStateException("ERROR: 23505 duplicate key"))).isFalse();
        assertThat(SqlStates.isUniqueViolation(new SQLException("SQLState 23505", "08006"))).isFalse();
    }

    @Test
    void noFailureIsNotAUniqueViolation() {
        assertThat(SqlStates.isUniqueViolation(null)).isFalse();
    }

    @Test
    void serializationFailuresAndDeadlocksAreRetryableConflicts() {
        assertThat(SqlStates.isRetryableConflict(new PgException("could not serialize access", "ERROR", "40001",
                null))).isTrue();
        assertThat(SqlStates.isRetryableConflict(new RuntimeException(new SQLException("deadlock detected",
                "40P01")))).isTrue();
        assertThat(SqlStates.isRetryableConflict(DUPLICATE_KEY)).isFalse();
    }
}
