package org.touchpoints.register.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().resolve("pg");
        Files.createDirectories(dataDir);
        return start(dataDir, properties.durable(), 0, properties.serverLog());
    }

    /**
     * Starts PostgreSQL on {@code dataDir} ({@code port} 0: any free port). Also used by a test that stops the
     * database under the running service and starts it again on the same directory and port.
     */
    public static EmbeddedPostgres start(Path dataDir, boolean durable, int port) throws IOException {
        return start(dataDir, durable, port, false);
    }

    /** @param serverLog the server's log as files in {@code dataDir/log} ({@link EmbeddedPostgresProperties#serverLog}) */
    static EmbeddedPostgres start(Path dataDir, boolean durable, int port, boolean serverLog) throws IOException {
        stopOrphanedServer(dataDir);
        String on = durable ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (serverLog) {
            builder.setServerConfig("logging_collector", "on").setServerConfig("log_directory", "log");
        }
        EmbeddedPostgres postgres = builder.setDataDirectory(dataDir)
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

    /**
     * When this launcher's JVM is killed (kill -9, the OOM killer), the PostgreSQL it started lives on as an orphan
     * and holds the data directory: a new start would wait for a server that never comes up. If no running launcher
     * holds the directory (zonky's lock file is free) and {@code postmaster.pid} names a live postgres process, that
     * server is stopped first (SIGTERM: the dead JVM's sessions are gone, so it shuts down cleanly), or killed with
     * its children if it has not stopped within {@link #ORPHAN_STOP_WAIT}; PostgreSQL recovers from its WAL either way.
     */
    static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster =
                lines.isEmpty() || !lines.get(0).strip().matches("\\d+")
                        ? Optional.empty()
                        : ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                                .filter(p -> p.info()
                                        .command()
                                        .map(c -> c.endsWith("postgres"))
                                        .orElse(false));
        if (postmaster.isEmpty() || heldByARunningLauncher(dataDir)) {
            return; // a stale file (PostgreSQL removes it itself), or another launcher's live server: left alone
        }
        ProcessHandle server = postmaster.get();
        log.warn(
                "PostgreSQL (pid {}) left running by a previous launcher holds {}; stopping it", server.pid(), dataDir);
        List<ProcessHandle> children = server.descendants().toList();
        server.destroy();
        try {
            server.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("PostgreSQL (pid {}) did not stop in {}; killing it", server.pid(), ORPHAN_STOP_WAIT);
            server.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            try {
                server.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException again) {
                throw new IllegalStateException(
                        "PostgreSQL (pid " + server.pid() + ") holding " + dataDir + " cannot be stopped");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a live launcher (this JVM or another) holds zonky's lock on the data directory. */
    private static boolean heldByARunningLauncher(Path dataDir) throws IOException {
        try (FileChannel channel = FileChannel.open(
                        dataDir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        // a JDBC batch of single-row inserts goes as multi-row inserts (register-defaults.yml sets it for a configured
        // database): the event store's append of a command's events, a rebuild's runs of inserts
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        config.setPoolName("register");
        HikariDataSource dataSource = new HikariDataSource(config);
        var jdbc = new JdbcTemplate(dataSource);
        log.info(
                "PostgreSQL durability: fsync={}, synchronous_commit={}",
                jdbc.queryForObject("show fsync", String.class),
                jdbc.queryForObject("show synchronous_commit", String.class));
        return dataSource;
    }
}
