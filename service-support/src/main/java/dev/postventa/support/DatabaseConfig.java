package dev.postventa.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the service's own PostgreSQL database is. The Quarkus datasources and the outbox relay both derive their
 * connection settings from these keys, so one override (env var or test resource) moves all of them.
 */
@ConfigMapping(prefix = "postventa.db")
public interface DatabaseConfig {

    /** Host of the PostgreSQL server. */
    @WithDefault("localhost")
    String host();

    /** Port of the PostgreSQL server. */
    @WithDefault("5432")
    int port();

    /** Name of the service's own database. */
    String name();

    /** Login role; it needs the REPLICATION attribute for the relay. */
    String user();

    /** Password of the login role. */
    String password();

    default String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + name();
    }
}
