package dev.postventa.support.relay;

import dev.postventa.support.DatabaseConfig;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The relay's own plain-JDBC bookkeeping in the service's database, apart from the business datasources: the
 * advisory lock that makes one replica the active relay, the memory that the slot existed, the parked records and
 * the state of the slot in {@code pg_replication_slots}.
 *
 * <p>Its two tables are created here ({@code CREATE TABLE IF NOT EXISTS}) by the relay that holds the lock, like
 * Debezium creates its offsets table, so they exist whatever the service's own migrations are.
 */
final class RelayDatabase {

    static final String PARKED_TABLE = "parked_outbox_event";
    static final String SLOT_MEMORY_TABLE = "outbox_relay_slot";

    private final DatabaseConfig db;

    RelayDatabase(DatabaseConfig db) {
        this.db = db;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    /** What {@code pg_replication_slots} says of the slot right now. */
    record SlotStatus(boolean exists, String walStatus, long lagBytes) {

        /** The slot is there but PostgreSQL removed WAL it still needed ({@code max_slot_wal_keep_size}). */
        boolean invalidated() {
            return exists && "lost".equals(walStatus);
        }
    }

    void createTables() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS %s (
                        id           UUID PRIMARY KEY,
                        topic        TEXT        NOT NULL,
                        aggregate_id TEXT,
                        event_type   TEXT,
                        payload      TEXT        NOT NULL,
                        reason       TEXT        NOT NULL,
                        parked_at    TIMESTAMPTZ NOT NULL DEFAULT now()
                    )""".formatted(PARKED_TABLE));
            // The event's own time (ce_time), so that a replay publishes it as it was; rows parked before have none.
            s.execute("ALTER TABLE " + PARKED_TABLE + " ADD COLUMN IF NOT EXISTS occurred_at TIMESTAMPTZ");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS %s (
                        slot_name      TEXT PRIMARY KEY,
                        established_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )""".formatted(SLOT_MEMORY_TABLE));
        }
    }

    /**
     * The outbox's publication, created before Debezium looks for it: inserts only. The writer deletes each row in the
     * transaction that inserted it (the table stays empty); with the default publication PostgreSQL would decode and
     * send every delete too, and the relay would receive twice the changes only to drop half of them. An existing
     * publication (made by Debezium before this rule) is narrowed; Debezium's {@code filtered} mode keeps the table
     * list as it is and never touches the {@code publish} option.
     */
    void ensureInsertOnlyPublication(String publication) throws SQLException {
        String name = quoted(publication);
        try (Connection c = connect(); PreparedStatement find = c.prepareStatement(
                "SELECT pubinsert, pubupdate, pubdelete, pubtruncate FROM pg_publication WHERE pubname = ?")) {
            find.setString(1, publication);
            try (ResultSet rs = find.executeQuery(); Statement s = c.createStatement()) {
                if (!rs.next()) {
                    s.execute("CREATE PUBLICATION " + name + " FOR TABLE public.outbox_event WITH (publish = 'insert')");
                } else if (!rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3) || rs.getBoolean(4)) {
                    s.execute("ALTER PUBLICATION " + name + " SET (publish = 'insert')");
                }
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Stores a record Kafka refused for good; false when it was already parked (a replayed batch). */
    boolean park(ProducerRecord<String, byte[]> record, String reason) {
        String ceId = KafkaForwarder.header(record, "ce_id");
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO " + PARKED_TABLE + " (id, topic, aggregate_id, event_type, payload, reason, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            s.setObject(1, UUID.fromString(ceId));
            s.setString(2, record.topic());
            s.setString(3, record.key());
            s.setString(4, KafkaForwarder.header(record, "ce_type"));
            s.setString(5, record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
            s.setString(6, reason);
            String time = KafkaForwarder.header(record, "ce_time");
            s.setObject(7, time == null ? null : OffsetDateTime.parse(time));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot park outbox event " + ceId, e);
        }
    }

    /** A parked record as operations see it (the payload's size, not the payload). */
    record Parked(UUID id, String topic, String aggregateId, String eventType, String reason, long payloadBytes,
                  OffsetDateTime occurredAt, OffsetDateTime parkedAt) {
    }

    /** The parked records, newest first, at most {@code limit}; none when no relay has created the table yet. */
    List<Parked> parked(int limit) throws SQLException {
        try (Connection c = connect()) {
            if (!tableExists(c, PARKED_TABLE)) {
                return List.of();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id, topic, aggregate_id, event_type, reason,"
                    + " octet_length(payload), occurred_at, parked_at FROM " + PARKED_TABLE
                    + " ORDER BY parked_at DESC, id LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    List<Parked> parked = new ArrayList<>();
                    while (rs.next()) {
                        parked.add(new Parked(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getLong(6),
                                rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class)));
                    }
                    return parked;
                }
            }
        }
    }

    /**
     * Moves a parked record back into the outbox, in one transaction: the parked row is deleted and the same event
     * (same id, so the same ce_id; its own time) written to the outbox and deleted again, as {@code OutboxWriter}
     * does, for the relay to send once more. False when no such record is parked (unknown, or replayed already:
     * the {@code DELETE ... RETURNING} takes the row once however many replays race).
     */
    boolean replayParked(UUID id) throws SQLException {
        try (Connection c = connect()) {
            if (!tableExists(c, PARKED_TABLE)) {
                return false;
            }
            c.setAutoCommit(false);
            try (PreparedStatement move = c.prepareStatement("""
                    WITH parked AS (DELETE FROM %s WHERE id = ?
                                    RETURNING id, topic, aggregate_id, event_type, payload, occurred_at, parked_at)
                    INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at)
                    SELECT id, topic, aggregate_id, event_type, topic, CAST(payload AS jsonb),
                           COALESCE(occurred_at, parked_at)
                    FROM parked""".formatted(PARKED_TABLE));
                 PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
                move.setObject(1, id);
                boolean moved = move.executeUpdate() == 1;
                if (moved) {
                    delete.setObject(1, id);
                    delete.executeUpdate();
                }
                c.commit();
                return moved;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?)")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                return rs.next() && rs.getString(1) != null;
            }
        }
    }

    SlotStatus slotStatus(String slot) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                SELECT wal_status, COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint
                FROM pg_replication_slots WHERE slot_name = ?""")) {
            s.setString(1, slot);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new SlotStatus(true, rs.getString(1), rs.getLong(2)) : new SlotStatus(false, null, 0);
            }
        }
    }

    /** True when this database remembers that the slot existed and was streamed from. */
    boolean remembersSlot(String slot) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM " + SLOT_MEMORY_TABLE + " WHERE slot_name = ?")) {
            s.setString(1, slot);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    void rememberSlot(String slot) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO " + SLOT_MEMORY_TABLE + " (slot_name) VALUES (?) ON CONFLICT (slot_name) DO NOTHING")) {
            s.setString(1, slot);
            s.executeUpdate();
        }
    }

    /** True when Debezium stored a position to resume from (it then refuses a slot re-created past it). */
    boolean hasOffsets(String offsetsTable) throws SQLException {
        try (Connection c = connect(); PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?)")) {
            exists.setString(1, offsetsTable);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return false;
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT 1 FROM " + offsetsTable + " LIMIT 1")) {
                return rs.next();
            }
        }
    }

    /**
     * The recovery an operator asked for: forget the old slot and Debezium's position in it, and drop the slot when
     * PostgreSQL invalidated it, so that the next start creates a new slot at the current position.
     */
    void forgetSlot(String slot, String offsetsTable, boolean dropInvalidated) throws SQLException {
        try (Connection c = connect()) {
            if (dropInvalidated) {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_drop_replication_slot(slot_name)"
                        + " FROM pg_replication_slots WHERE slot_name = ? AND NOT active")) {
                    s.setString(1, slot);
                    s.execute();
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + SLOT_MEMORY_TABLE + " WHERE slot_name = ?")) {
                s.setString(1, slot);
                s.executeUpdate();
            }
            if (hasOffsets(offsetsTable)) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM " + offsetsTable);
                }
            }
        }
    }

    /**
     * Takes the session-level advisory lock of the slot on a connection of its own, which then holds it until it is
     * closed or dies with its process. Null when another session holds it.
     */
    Connection tryLock(String slot) throws SQLException {
        Connection c = connect();
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
            s.setString(1, lockName(slot));
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return c;
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    /** True while the lock's connection is alive (its session, and so the lock, still exists). */
    static boolean stillHeld(Connection lock) {
        try (Statement s = lock.createStatement()) {
            s.setQueryTimeout(10);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static String lockName(String slot) {
        return "postventa-outbox-relay:" + slot;
    }
}
