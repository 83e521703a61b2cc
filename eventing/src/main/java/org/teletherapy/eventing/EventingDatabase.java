package org.teletherapy.eventing;

import org.flywaydb.core.Flyway;
import org.postgresql.Driver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;

/**
 * The relay's JDBC access to the service's own database, and the eventing tables' own migrations.
 * Deliberately not a {@code DataSource} bean: the service stays an R2DBC application for everything else.
 * The tables have their own schema and Flyway history, so the service's migrations and ours never collide.
 */
public final class EventingDatabase {

    /** The outbox and inbox tables live in a schema of their own, beside the service's tables. */
    public static final String SCHEMA = "eventing";

    private final DataSource dataSource;

    EventingDatabase(String url, String username, String password) {
        this.dataSource = new SimpleDriverDataSource(new Driver(), url, username, password);
    }

    void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/eventing")
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .table("schema_history")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
