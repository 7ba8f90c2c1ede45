package org.touchpoints.register.app.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir  where the embedded database keeps its files ({@code REGISTER_DATA_DIR})
 * @param durable  fsync and synchronous commit; never off in production
 * @param poolSize connection pool size
 * @param connectionTimeout how long a request waits for a connection before it is answered 503 (database down)
 */
@ConfigurationProperties("register.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDir, @DefaultValue("true") boolean durable,
                                         @DefaultValue("20") int poolSize,
                                         @DefaultValue("5s") Duration connectionTimeout) {
}
