package dev.postventa.support.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The table {@code dead_letter_action}: what operators did with each dead-lettered message. Plain JDBC on the
 * service's pooled datasource, because the dead-letter API is blocking anyway (it reads Kafka with a plain consumer).
 */
@ApplicationScoped
class DeadLetterActions {

    private final DataSource dataSource;
    private final Clock clock;

    DeadLetterActions(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void record(DeadLetterId id, DeadLetterState action, String note, String actor) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO dead_letter_action (dlq_partition, dlq_offset, action, note, actor, at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setInt(1, id.partition());
            s.setLong(2, id.offset());
            s.setString(3, action.name());
            s.setString(4, note);
            s.setString(5, actor);
            s.setTimestamp(6, Timestamp.from(clock.instant()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record dead-letter action " + action + " on " + id, e);
        }
    }

    /**
     * The state of every message operators acted on (absent: NEW). Parked wins over replayed: a parked message was
     * declared handled, whatever was tried before.
     */
    Map<DeadLetterId, DeadLetterState> states() {
        Map<DeadLetterId, DeadLetterState> states = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT dlq_partition, dlq_offset, bool_or(action = 'PARKED') FROM dead_letter_action "
                        + "GROUP BY dlq_partition, dlq_offset");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                states.put(new DeadLetterId(rs.getInt(1), rs.getLong(2)),
                        rs.getBoolean(3) ? DeadLetterState.PARKED : DeadLetterState.REPLAYED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read dead-letter actions", e);
        }
        return states;
    }

    DeadLetterState stateOf(DeadLetterId id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*), count(*) FILTER (WHERE action = 'PARKED') FROM dead_letter_action "
                        + "WHERE dlq_partition = ? AND dlq_offset = ?")) {
            s.setInt(1, id.partition());
            s.setLong(2, id.offset());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(2) > 0 ? DeadLetterState.PARKED
                        : rs.getLong(1) > 0 ? DeadLetterState.REPLAYED : DeadLetterState.NEW;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the actions on dead letter " + id, e);
        }
    }
}
