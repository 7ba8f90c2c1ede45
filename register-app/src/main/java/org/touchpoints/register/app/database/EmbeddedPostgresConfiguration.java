package org.touchpoints.register.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Without a configured database URL, the launcher starts PostgreSQL 17 in-process (zonky) with its data in
 * {@code REGISTER_DATA_DIR/pg}, so data survives restarts. It runs durable (fsync and synchronous commit on)
 * unless a test turns that off explicitly.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrlConfigured.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().resolve("pg");
        Files.createDirectories(dataDir);
        return start(dataDir, properties.durable(), 0);
    }

    /**
     * Starts PostgreSQL on {@code dataDir} ({@code port} 0: any free port). Also used by a test that stops the
     * database under the running service and starts it again on the same directory and port.
     */
    public static EmbeddedPostgres start(Path dataDir, boolean durable, int port) throws IOException {
        String on = durable ? "on" : "off";
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", on)
                .setServerConfig("synchronous_commit", on)
                .setServerConfig("full_page_writes", on)
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDir);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        config.setPoolName("register");
        HikariDataSource dataSource = new HikariDataSource(config);
        var jdbc = new JdbcTemplate(dataSource);
        log.info("PostgreSQL durability: fsync={}, synchronous_commit={}",
                jdbc.queryForObject("show fsync", String.class), jdbc.queryForObject("show synchronous_commit", String.class));
        return dataSource;
    }
}
