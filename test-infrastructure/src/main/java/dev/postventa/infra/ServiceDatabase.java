package dev.postventa.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC into the database of the service under test (from its running configuration), for tests that check
 * rows that must or must not exist, or inject a failure into the real database.
 */
public final class ServiceDatabase {

    private ServiceDatabase() {
    }

    /** The first column of the first row of a {@code select count(*) ...}. */
    public static long count(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(config("quarkus.datasource.jdbc.url"), config("quarkus.datasource.username"),
                config("quarkus.datasource.password"));
    }

    /** A Kafka client on the broker the service under test uses. */
    public static KafkaTestClient kafka() {
        return new KafkaTestClient(config("kafka.bootstrap.servers"));
    }

    public static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
