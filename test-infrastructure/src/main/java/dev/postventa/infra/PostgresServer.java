package dev.postventa.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server (zonky's embedded binaries) configured for logical decoding, with a login role
 * {@code postventa} that may replicate and owns the databases created here. Temporary (fsync off, deleted on stop)
 * unless a data directory is given.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postventa";
    public static final String PASSWORD = "postventa";

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throwaway server on a free port. */
    public static PostgresServer temporary() {
        return start(null, FreePorts.next());
    }

    /** A throwaway server on {@code port}. */
    public static PostgresServer temporary(int port) {
        return start(null, port);
    }

    /** A server whose data survives restarts, kept in {@code dataDir} (initialized on first start only). */
    public static PostgresServer persistent(Path dataDir, int port) {
        return start(dataDir, port);
    }

    private static PostgresServer start(Path dataDir, int port) {
        long started = System.nanoTime();
        removeAbandonedUnpacks();
        // PostgreSQL refuses to run as root. zonky 2.x handles that itself: when the JVM is root it runs initdb and
        // pg_ctl under `unshare -U`, where the process is an unprivileged user; that needs util-linux's unshare and
        // unprivileged user namespaces.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "20")
                .setServerConfig("max_wal_senders", "20")
                // A relay that is down must not let its slot fill the disk: past this much retained WAL PostgreSQL
                // invalidates the slot, and the relay reports it lost (readiness DOWN, writes refused).
                .setServerConfig("max_slot_wal_keep_size", "1GB")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "64MB")
                .setPGStartupWait(Duration.ofSeconds(60));
        try {
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            } else {
                // Throwaway data: durability on disk buys nothing and costs seconds per test run.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            PostgresServer server = new PostgresServer(builder.start());
            try {
                server.ensureRole();
            } catch (RuntimeException e) {
                server.stop();
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "PostgreSQL ready on port {0} in {1} ms", String.valueOf(server.port()),
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException | RuntimeException e) {
            String hint = "root".equals(System.getProperty("user.name"))
                    ? " (running as root: PostgreSQL needs `unshare -U` to work here, see PostgresServer)" : "";
            throw new IllegalStateException("PostgreSQL did not start on port " + port + hint, e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return postgres.getPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates the database, owned by {@link #USER}, unless it exists. */
    public synchronized void createDatabaseIfMissing(String database) {
        requireIdentifier(database);
        try (Connection c = superuser(); PreparedStatement exists = c.prepareStatement(
                "SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + database + " OWNER " + USER);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Database names go into DDL unquoted, so only plain lower-case identifiers are accepted. */
    static void requireIdentifier(String database) {
        if (database == null || !database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + database);
        }
    }

    private void ensureRole() {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            // Debezium's pgoutput plugin needs REPLICATION; owning the database lets it create its publication.
            s.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN REPLICATION PASSWORD '%2$s';
                      END IF;
                    END $$""".formatted(USER, PASSWORD));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create role " + USER, e);
        }
    }

    private Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
    }

    /**
     * zonky unpacks the binaries once into {@code <tmp>/embedded-pg/PG-<hash>} and marks the folder done with an
     * {@code .exists} file. A process killed while unpacking leaves the folder without the mark, and every later
     * start fails on the files already there: such a folder, old enough not to be another JVM's unpack in progress,
     * is removed so that the next start unpacks again.
     */
    private static void removeAbandonedUnpacks() {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        if (!Files.isDirectory(root)) {
            return;
        }
        long abandonedBefore = System.currentTimeMillis() - Duration.ofMinutes(2).toMillis();
        try (var folders = Files.list(root)) {
            for (Path folder : folders.filter(p -> p.getFileName().toString().startsWith("PG-")).toList()) {
                if (!Files.exists(folder.resolve(".exists"))
                        && Files.getLastModifiedTime(folder).toMillis() < abandonedBefore) {
                    LOG.log(System.Logger.Level.WARNING, "removing an unfinished unpack of PostgreSQL: {0}", folder);
                    deleteRecursively(folder);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not look for unfinished PostgreSQL unpacks: {0}", e.toString());
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
