package org.touchpoints.register.query.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the projections write and read their tables, in the transaction of the event (the command's, for subscribing
 * processors; the batch's, for streaming ones and a rebuild). The SQL names its tables unqualified, so a rebuild's
 * transaction (its {@code search_path}) points the same handlers at fresh tables.
 *
 * <p>Live, a write is executed at once. A rebuild's batch may {@link #deferWrites defer} its thread's writes: they
 * are kept in order and sent as JDBC batches (Spring's {@code batchUpdate}: each run of the same statement in one
 * round trip), all of them before any read ({@link #query}) and before the batch commits, so a handler always reads
 * the effect of every event before, and the statements reach PostgreSQL exactly as live, in the same order.
 */
@Component
public class ReadModelJdbc {
    /** Deferred writes are sent once there are this many, to bound memory. */
    private static final int MAX_DEFERRED = 5_000;

    private record Write(String sql, Object[] params) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ThreadLocal<List<Write>> deferred = new ThreadLocal<>();

    public ReadModelJdbc(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Executes a write, or keeps it for {@link #sendDeferred} while this thread defers its writes. */
    public void update(String sql, Object... params) {
        List<Write> writes = deferred.get();
        if (writes == null) {
            jdbc.sql(sql).params(params).update();
            return;
        }
        writes.add(new Write(sql, params));
        if (writes.size() >= MAX_DEFERRED) {
            sendDeferred();
        }
    }

    /** A read, after every deferred write. */
    public JdbcClient.StatementSpec query(String sql) {
        sendDeferred();
        return jdbc.sql(sql);
    }

    /** From now on this thread's writes wait for a read, {@link #sendDeferred} or {@link #stopDeferring}. */
    public void deferWrites() {
        deferred.set(new ArrayList<>());
    }

    /** Sends the deferred writes in order, each run of the same statement as one JDBC batch. */
    public void sendDeferred() {
        List<Write> writes = deferred.get();
        if (writes == null || writes.isEmpty()) {
            return;
        }
        List<Write> sending = new ArrayList<>(writes);
        writes.clear();
        int start = 0;
        while (start < sending.size()) {
            String sql = sending.get(start).sql();
            int end = start + 1;
            while (end < sending.size() && sending.get(end).sql().equals(sql)) {
                end++;
            }
            if (end - start == 1) {
                jdbc.sql(sql).params(sending.get(start).params()).update();
            } else {
                template.batchUpdate(
                        sql,
                        sending.subList(start, end).stream().map(Write::params).toList());
            }
            start = end;
        }
    }

    /** Writes are executed at once again; what was deferred and not sent is dropped (the batch rolls back). */
    public void stopDeferring() {
        deferred.remove();
    }
}
