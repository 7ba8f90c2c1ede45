package org.touchpoints.register.query.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * How the projections write and read their tables. Live, a write is executed at once, in the transaction of the
 * command that recorded the event. During a rebuild ({@link #batched}) the writes are held back and sent to
 * PostgreSQL in JDBC batches (one round trip for many statements; the same statements in the same order as
 * live), by a second thread on the rebuild's connection while the handlers go on with the next events. That is
 * what makes replaying millions of events fast. The rules that keep it exact:
 * <ul>
 *   <li>a write names one table ({@code insert into T}, {@code update T}, {@code delete from T}) and reads no
 *       other; writes wait in one queue per table, in the order they were issued;</li>
 *   <li>a read ({@link #query}) first waits until the queued writes of every table it reads are done, so a
 *       handler always sees the effect of every event before;</li>
 *   <li>any other statement (a write that reads another table, {@code truncate}, DDL) first waits for every
 *       queue and is then executed at once.</li>
 * </ul>
 * Statements on different tables are independent, so the order within each table is the only order that
 * matters. A write returns nothing: its effect is never needed by the handler that issues it. Runs of the same
 * insert go as multi-row inserts (see {@link MultiRowInsert}).
 */
@Component
public class ReadModelJdbc {
    private static final Pattern WRITE = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+(\\w+)(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OTHER_TABLE = Pattern.compile("\\b(?:select|from|join|using)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern READ_TABLE = Pattern.compile("\\b(?:from|join)\\s+(\\(?)(\\w*)", Pattern.CASE_INSENSITIVE);
    /** Marks a statement that waits for every queue: it is not a one-table write, or its read tables are unknown. */
    private static final String EVERY_TABLE = "";
    /** Queued statements are sent when there are this many, to bound memory and batch size. */
    private static final int MAX_PENDING = 2_000;

    private static final Logger log = LoggerFactory.getLogger(ReadModelJdbc.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();
    /** The table a statement writes ({@link #EVERY_TABLE}: not a one-table write); statements are constants. */
    private final Map<String, String> writeTable = new ConcurrentHashMap<>();
    /** The tables a query reads ({@link #EVERY_TABLE} among them: unknown). */
    private final Map<String, Set<String>> readTables = new ConcurrentHashMap<>();

    public ReadModelJdbc(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Executes a write now, or (in {@link #batched}) queues it behind the earlier writes of its table. */
    public void update(String sql, Object... params) {
        Pending p = pending.get();
        if (p == null) {
            jdbc.sql(sql).params(params).update();
            return;
        }
        String table = writeTable.computeIfAbsent(sql, ReadModelJdbc::tableWritten);
        if (table.equals(EVERY_TABLE)) {
            p.await(p.sendAll());
            jdbc.sql(sql).params(params).update();
        } else {
            p.add(table, sql, params);
        }
    }

    /** A read, after the queued writes of the tables it reads. */
    public JdbcClient.StatementSpec query(String sql) {
        Pending p = pending.get();
        if (p != null) {
            Set<String> tables = readTables.computeIfAbsent(sql, ReadModelJdbc::tablesRead);
            p.await(tables.contains(EVERY_TABLE) ? p.sendAll() : p.send(tables));
        }
        return jdbc.sql(sql);
    }

    /**
     * Runs {@code work} with this thread's writes batched, and sends what is left at the end. Only inside a
     * transaction (the rebuild's): the batches go to its connection, and a failure anywhere rolls everything back.
     */
    public <T> T batched(Supplier<T> work) {
        if (pending.get() != null) {
            return work.get();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "read-model-batches");
            t.setDaemon(true);
            return t;
        });
        Pending p = new Pending(connection, sender);
        pending.set(p);
        long start = System.nanoTime();
        try {
            T result = work.get();
            p.await(p.sendAll());
            log.info("Read models written in batches: {} statements, {} batches; sending {} ms, handlers waiting for it {} ms "
                            + "of {} ms", p.statements, p.batches, p.sendingNanos / 1_000_000, p.waitingNanos / 1_000_000,
                    (System.nanoTime() - start) / 1_000_000);
            return result;
        } finally {
            pending.remove();
            p.abandon();
            sender.shutdownNow();
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String tableWritten(String sql) {
        Matcher write = WRITE.matcher(sql);
        return write.matches() && !OTHER_TABLE.matcher(write.group(2)).find() ? write.group(1).toLowerCase() : EVERY_TABLE;
    }

    private static Set<String> tablesRead(String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher m = READ_TABLE.matcher(sql);
        while (m.find()) {
            tables.add(m.group(1).isEmpty() ? m.group(2).toLowerCase() : EVERY_TABLE); // "from (": a subquery
        }
        if (tables.isEmpty()) {
            tables.add(EVERY_TABLE);
        }
        return Set.copyOf(tables);
    }

    private record Statement(String sql, Object[] params) {
    }

    /** A run of the same statement, sent as one JDBC batch. */
    private record Run(String sql, List<Object[]> params) {
    }

    /** The queues of one rebuild, and the one batch in flight on the sender thread. */
    private static final class Pending {
        private final Map<String, Deque<Statement>> byTable = new LinkedHashMap<>();
        private final Connection connection;
        private final ExecutorService sender;
        private Future<?> inFlight;
        private int size;
        private long statements;
        private long batches;
        private volatile long sendingNanos;
        private long waitingNanos;

        Pending(Connection connection, ExecutorService sender) {
            this.connection = connection;
            this.sender = sender;
        }

        void add(String table, String sql, Object[] params) {
            statements++;
            byTable.computeIfAbsent(table, t -> new ArrayDeque<>()).add(new Statement(sql, params));
            if (++size >= MAX_PENDING) {
                sendAll();
            }
        }

        Future<?> sendAll() {
            return send(byTable.keySet());
        }

        /**
         * Hands the queued writes of these tables to the sender thread, after the batch in flight (one at a time,
         * so the connection is never used by two threads at once and the order of every table is kept).
         */
        Future<?> send(Collection<String> tables) {
            List<Run> runs = new ArrayList<>();
            for (String table : tables) {
                Deque<Statement> queue = byTable.get(table);
                while (queue != null && !queue.isEmpty()) {
                    String sql = queue.peek().sql();
                    List<Object[]> params = new ArrayList<>();
                    while (!queue.isEmpty() && queue.peek().sql().equals(sql)) {
                        params.add(queue.poll().params());
                    }
                    size -= params.size();
                    runs.add(new Run(sql, params));
                }
            }
            if (runs.isEmpty()) {
                return inFlight;
            }
            await(inFlight);
            batches++;
            inFlight = sender.submit(() -> {
                long start = System.nanoTime();
                for (Run run : runs) {
                    execute(run);
                }
                sendingNanos += System.nanoTime() - start;
                return null;
            });
            return inFlight;
        }

        /** Waits for a batch (and so for every batch before it); its failure fails the rebuild. */
        void await(Future<?> batch) {
            if (batch == null) {
                return;
            }
            long start = System.nanoTime();
            try {
                batch.get();
                waitingNanos += System.nanoTime() - start;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing read models", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Writing read models failed: " + e.getCause().getMessage(), e.getCause());
            }
        }

        /** After a failure elsewhere: let the batch in flight end before the transaction rolls back. */
        void abandon() {
            if (inFlight != null) {
                try {
                    inFlight.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException ignored) {
                    // reported by await, or superseded by the failure being thrown
                }
            }
        }

        /**
         * Sends a run of the same statement as one JDBC batch; an {@code insert … values (…)} (plain, or
         * {@code on conflict do nothing}) goes as inserts of {@link MultiRowInsert#ROWS} rows each, which
         * PostgreSQL executes several times faster than as many single rows, with the same effect in the same order.
         */
        private void execute(Run run) throws SQLException {
            List<Object[]> rows = run.params();
            int done = 0;
            MultiRowInsert multi = MultiRowInsert.of(run.sql());
            if (multi != null && rows.size() >= MultiRowInsert.ROWS) {
                try (PreparedStatement ps = connection.prepareStatement(multi.sql())) {
                    for (; done + MultiRowInsert.ROWS <= rows.size(); done += MultiRowInsert.ROWS) {
                        int index = 1;
                        for (Object[] params : rows.subList(done, done + MultiRowInsert.ROWS)) {
                            for (Object param : params) {
                                StatementCreatorUtils.setParameterValue(ps, index++, SqlTypeValue.TYPE_UNKNOWN, param);
                            }
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (done == rows.size()) {
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement(run.sql())) {
                for (Object[] params : rows.subList(done, rows.size())) {
                    for (int i = 0; i < params.length; i++) {
                        StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, params[i]);
                    }
                    if (rows.size() - done == 1) {
                        ps.executeUpdate();
                        return;
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** An insert of one row of values rewritten to insert {@link #ROWS} rows at once (null: not such an insert). */
    private record MultiRowInsert(String sql) {
        static final int ROWS = 64;
        private static final Pattern VALUES = Pattern.compile("\\bvalues\\s*\\(", Pattern.CASE_INSENSITIVE);
        private static final Pattern DO_NOTHING = Pattern.compile(
                "\\s*(?:on\\s+conflict\\s*(?:\\([^)]*\\))?\\s*do\\s+nothing\\s*)?", Pattern.CASE_INSENSITIVE);
        private static final Map<String, java.util.Optional<MultiRowInsert>> REWRITTEN = new ConcurrentHashMap<>();

        static MultiRowInsert of(String sql) {
            return REWRITTEN.computeIfAbsent(sql, MultiRowInsert::rewrite).orElse(null);
        }

        private static java.util.Optional<MultiRowInsert> rewrite(String sql) {
            Matcher values = VALUES.matcher(sql);
            if (!sql.stripLeading().regionMatches(true, 0, "insert", 0, 6) || !values.find()) {
                return java.util.Optional.empty();
            }
            int open = values.end() - 1;
            int depth = 0;
            boolean quoted = false;
            for (int i = open; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')' && --depth == 0) {
                    String tuple = sql.substring(open, i + 1);
                    String rest = sql.substring(i + 1);
                    if (!DO_NOTHING.matcher(rest).matches()) {
                        return java.util.Optional.empty(); // "do update" may meet its own row twice in one insert
                    }
                    return java.util.Optional.of(new MultiRowInsert(sql.substring(0, open)
                            + String.join(", ", java.util.Collections.nCopies(ROWS, tuple)) + rest));
                }
            }
            return java.util.Optional.empty();
        }
    }
}
