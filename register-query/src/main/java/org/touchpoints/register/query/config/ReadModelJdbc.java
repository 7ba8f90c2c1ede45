package org.touchpoints.register.query.config;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the projections write and read their tables: each statement at once, in the transaction of the event (the
 * command's, for subscribing processors; the batch's, for streaming ones and a rebuild). The SQL names its tables
 * unqualified, so a rebuild's transaction (its {@code search_path}) points the same handlers at fresh tables.
 */
@Component
public class ReadModelJdbc {
    private final JdbcClient jdbc;

    public ReadModelJdbc(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Executes a write. */
    public void update(String sql, Object... params) {
        jdbc.sql(sql).params(params).update();
    }

    /** A read. */
    public JdbcClient.StatementSpec query(String sql) {
        return jdbc.sql(sql);
    }
}
