package id.parkir.store.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to the schema this release needs, with the versioned SQL scripts in
 * {@code id/parkir/store/jpa/migration} (Flyway). A database made by Parkir 0.1.0 (whose OpenJPA
 * built the tables itself) has no history table yet: it is recorded as version 1 and migrated on
 * from there. Several servers starting at once on one PostgreSQL are fine: Flyway locks its
 * history table while it migrates.
 */
final class SchemaMigrations {
    static final String LOCATION = "classpath:id/parkir/store/jpa/migration";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    static MigrateResult migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .placeholders(placeholders(dataSource))
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("schema built by Parkir 0.1.0")
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info("Database schema at version {} ({} migration(s) applied now)", flyway.info().current() == null ? "none"
                : flyway.info().current().getVersion(), result.migrationsExecuted);
        return result;
    }

    /** The schema version a migration left the database at (the version it found when it applied nothing). */
    static String version(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /** SQL that differs between the databases: the scripts say ${bool} and ${ordered}. */
    static Map<String, String> placeholders(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
        boolean derby = product.toLowerCase(java.util.Locale.ROOT).contains("derby");
        return Map.of("bool", derby ? "SMALLINT" : "BOOLEAN", "ordered", derby ? "" : "COLLATE \"C\"");
    }
}
