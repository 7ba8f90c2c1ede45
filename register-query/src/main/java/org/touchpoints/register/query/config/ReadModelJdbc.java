package org.touchpoints.register.query.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * How the projections write and read their tables, in the transaction of the event (the command's, for subscribing
 * processors; the batch's, for streaming ones and a rebuild). The SQL names its tables unqualified, so a rebuild's
 * transaction (its {@code search_path}) points the same handlers at fresh tables.
 *
 * <p>Live, a write is executed at once. A rebuild's batch may {@link #deferWrites defer} its thread's writes: they
 * are kept and sent as JDBC batches (Spring's {@code batchUpdate}: each run of the same statement in one round trip),
 * all of them before any read ({@link #query}) and before the batch commits, so a handler always reads the effect of
 * every event before. They are kept by the one rebuilt table ({@link Projections#REBUILT_TABLES}) each statement
 * names: a table's writes reach PostgreSQL in their order, the tables one after the other. Writes to different tables
 * commute (the read models have no foreign keys or triggers, and a sequence a default takes is one table's:
 * {@code q_row_entry_seq}, {@code q_row}'s), so the result is the same, and the statements of one table — every
 * imported row, every timeline entry — go in long batches instead of one round trip each (pgjdbc sends a batch of
 * inserts as multi-row inserts: {@code reWriteBatchedInserts}); a run of the same plain insert goes as one
 * {@code COPY} ({@link CopyInsert}). A statement that
 * names no rebuilt table or several is sent after every write before it, before any after it. The writes of one
 * row each ({@link #updateRow}: a change's insert and its updates) go in rounds by statement, so they too form runs.
 *
 * <p>While it defers, the batch also has a {@link #remembered memory}: a handler that would read back in the same
 * batch what it wrote itself may keep it there (forgotten with the batch, so a careful replay reads the table).
 */
@Component
public class ReadModelJdbc {
    /** Deferred writes are sent once there are this many, to bound memory. */
    private static final int MAX_DEFERRED = 5_000;

    private static final Pattern NAME = Pattern.compile("\\bq_[a-z0-9_]+\\b");
    private static final Set<String> REBUILT = Set.copyOf(Projections.REBUILT_TABLES);
    /** A statement's one rebuilt table, or "" for none or several (cached per statement text). */
    private static final Map<String, String> TABLE = new ConcurrentHashMap<>();
    /** A statement's COPY, if it is a plain insert (cached per statement text). */
    private static final Map<String, Optional<CopyInsert>> COPY = new ConcurrentHashMap<>();

    /** A deferred write; {@code row}: the one row it writes ({@link #updateRow}), else null. */
    private record Write(String sql, Object[] params, Object row) {
        Write(String sql, Object[] params) {
            this(sql, params, null);
        }
    }

    private record Replaceable(List<Write> writes, int index) {}

    /** The writes a batch defers, by table in the order of each table's first write, and what it remembers. */
    private static final class Batch {
        final Map<String, List<Write>> byTable = new LinkedHashMap<>();
        final Map<Object, Object> memory = new HashMap<>();
        /** Writes not yet sent that a later one of the same key replaces ({@link #updateReplacing}). */
        final Map<Object, Replaceable> replaceable = new HashMap<>();

        int size;
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ThreadLocal<Batch> deferred = new ThreadLocal<>();

    public ReadModelJdbc(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Executes a write, or keeps it for {@link #sendDeferred} while this thread defers its writes. */
    public void update(String sql, Object... params) {
        Batch batch = deferred.get();
        if (batch == null) {
            jdbc.sql(sql).params(params).update();
            return;
        }
        String table = TABLE.computeIfAbsent(sql, ReadModelJdbc::onlyTable);
        if (table.isEmpty()) {
            sendDeferred();
            jdbc.sql(sql).params(params).update();
            return;
        }
        keep(batch, table, new Write(sql, params));
        counted(batch);
    }

    /**
     * A write that makes an earlier one of the same {@code key} redundant (e.g. an upsert of a maximum, sent with a
     * value that only grows): executed at once, or, while this thread defers its writes, put in the place of the
     * earlier write of that key not yet sent (else kept as {@link #update} keeps it). The statement must name one
     * rebuilt table, and nothing may read that row between the two writes but through {@link #query}, which sends
     * every deferred write first.
     */
    public void updateReplacing(Object key, String sql, Object... params) {
        Batch batch = deferred.get();
        if (batch == null) {
            jdbc.sql(sql).params(params).update();
            return;
        }
        Replaceable pending = batch.replaceable.get(key);
        if (pending != null && pending.writes().get(pending.index()).sql().equals(sql)) {
            pending.writes().set(pending.index(), new Write(sql, params));
            return;
        }
        String table = TABLE.computeIfAbsent(sql, ReadModelJdbc::onlyTable);
        if (table.isEmpty()) {
            throw new IllegalArgumentException("A replacing write names one rebuilt table: " + sql);
        }
        List<Write> writes = keep(batch, table, new Write(sql, params));
        batch.replaceable.put(key, new Replaceable(writes, writes.size() - 1));
        counted(batch);
    }

    /**
     * A write of the one row {@code row} identifies (its primary key, with the table) in the one rebuilt table the
     * statement names: executed at once, or, while this thread defers its writes, kept as {@link #update} keeps it,
     * but it may be sent before writes of other rows of that table that came before it — never before an earlier
     * write of the same row, nor across a write of that table that is not of one row. So a batch's inserts of changes
     * and the updates of each change, which alternate, go as a few long runs of the same statement (a COPY, a JDBC
     * batch) instead of one round trip each. Only for a write whose effect is on its row alone and does not depend on
     * other rows: no sequence it takes a value from (an order between rows), no unique key but the row's own, no read
     * of other rows.
     */
    public void updateRow(Object row, String sql, Object... params) {
        Batch batch = deferred.get();
        if (batch == null) {
            jdbc.sql(sql).params(params).update();
            return;
        }
        String table = TABLE.computeIfAbsent(sql, ReadModelJdbc::onlyTable);
        if (table.isEmpty()) {
            throw new IllegalArgumentException("A write of one row names one rebuilt table: " + sql);
        }
        keep(batch, table, new Write(sql, params, row));
        counted(batch);
    }

    /** Keeps {@code write} with the batch's other writes of {@code table}; those writes, this one last. */
    private static List<Write> keep(Batch batch, String table, Write write) {
        List<Write> writes = batch.byTable.computeIfAbsent(table, t -> new ArrayList<>());
        writes.add(write);
        return writes;
    }

    /** Counts a kept write: a full batch is sent. */
    private void counted(Batch batch) {
        if (++batch.size >= MAX_DEFERRED) {
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
        deferred.set(new Batch());
    }

    /**
     * What this thread's batch remembers of its own writes while it defers them (a handler keeps there what it would
     * otherwise read back within the batch); null when writes are executed at once: then read the table.
     */
    public Map<Object, Object> remembered() {
        Batch batch = deferred.get();
        return batch == null ? null : batch.memory;
    }

    /** Sends the deferred writes, table by table in order, each run of the same statement as one JDBC batch. */
    public void sendDeferred() {
        Batch batch = deferred.get();
        if (batch == null || batch.size == 0) {
            return;
        }
        List<List<Write>> sending = new ArrayList<>(batch.byTable.values());
        batch.byTable.clear();
        batch.replaceable.clear();
        batch.size = 0;
        for (List<Write> table : sending) {
            List<Write> writes = inRuns(table);
            int start = 0;
            while (start < writes.size()) {
                String sql = writes.get(start).sql();
                int end = start + 1;
                while (end < writes.size() && writes.get(end).sql().equals(sql)) {
                    end++;
                }
                if (end - start == 1) {
                    jdbc.sql(sql).params(writes.get(start).params()).update();
                } else if (copied(sql, writes.subList(start, end))) {
                    // sent as one COPY
                } else {
                    template.batchUpdate(
                            sql,
                            writes.subList(start, end).stream()
                                    .map(Write::params)
                                    .toList());
                }
                start = end;
            }
        }
    }

    /**
     * A table's deferred writes in the order they are sent: each stretch of writes of one row each ({@link
     * #updateRow}) in rounds — every row's first write of the stretch, then every row's second, … — and within a round
     * by statement, in the order of each statement's first write (rows' writes commute, a row's keep their order);
     * every other write stays in its place.
     */
    static List<Write> inRuns(List<Write> writes) {
        List<Write> ordered = new ArrayList<>(writes.size());
        List<Map<String, List<Write>>> rounds = new ArrayList<>();
        Map<Object, Integer> writesOfRow = new HashMap<>();
        for (Write write : writes) {
            if (write.row() == null) {
                flush(rounds, ordered);
                writesOfRow.clear();
                ordered.add(write);
                continue;
            }
            int round = writesOfRow.merge(write.row(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new LinkedHashMap<>());
            }
            rounds.get(round)
                    .computeIfAbsent(write.sql(), sql -> new ArrayList<>())
                    .add(write);
        }
        flush(rounds, ordered);
        return ordered;
    }

    private static void flush(List<Map<String, List<Write>>> rounds, List<Write> ordered) {
        for (Map<String, List<Write>> round : rounds) {
            for (List<Write> run : round.values()) {
                ordered.addAll(run);
            }
        }
        rounds.clear();
    }

    /** For tests: the statements of deferred writes (sql, row or null) in the order {@link #inRuns} sends them. */
    static List<String> sendingOrder(List<Object[]> writes) {
        return inRuns(writes.stream()
                        .map(w -> new Write((String) w[0], new Object[0], w[1]))
                        .toList())
                .stream()
                .map(w -> w.sql() + (w.row() == null ? "" : " " + w.row()))
                .toList();
    }

    /** Sends a run of the same plain insert as one COPY, if it is one ({@link CopyInsert}); false: send it else. */
    private boolean copied(String sql, List<Write> run) {
        CopyInsert copy = COPY.computeIfAbsent(sql, CopyInsert::of).orElse(null);
        if (copy == null) {
            return false;
        }
        byte[] rows = copy.rows(run.stream().map(Write::params).toList());
        if (rows == null) {
            return false;
        }
        DataSource dataSource = template.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return copy.send(connection, rows);
        } catch (SQLException e) {
            throw template.getExceptionTranslator().translate("COPY", copy.copy(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Writes are executed at once again; what was deferred and not sent is dropped (the batch rolls back). */
    public void stopDeferring() {
        deferred.remove();
    }

    /** The one rebuilt table the statement names, else "". */
    static String onlyTable(String sql) {
        Set<String> named = new TreeSet<>();
        Matcher m = NAME.matcher(sql.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (REBUILT.contains(m.group())) {
                named.add(m.group());
            }
        }
        return named.size() == 1 ? named.iterator().next() : "";
    }
}
