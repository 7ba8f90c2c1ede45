package org.touchpoints.register.app.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir  where the embedded database keeps its files ({@code REGISTER_DATA_DIR})
 * @param durable  fsync and synchronous commit; never off in production
 * @param poolSize connection pool size
 * @param connectionTimeout how long a request waits for a connection before it is answered 503 (database down)
 * @param serverLog the server's own log as files in {@code <data-dir>/pg/log} (PostgreSQL's logging collector), e.g.
 *                  for a statement log switched on with {@code ALTER SYSTEM} (the benchmark's same-work baseline);
 *                  off, the server's output after its start goes nowhere
 */
@ConfigurationProperties("register.embedded-postgres")
public record EmbeddedPostgresProperties(
        String dataDir,
        @DefaultValue("true") boolean durable,
        @DefaultValue("20") int poolSize,
        @DefaultValue("5s") Duration connectionTimeout,
        @DefaultValue("false") boolean serverLog) {}
