package org.touchpoints.register.app.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touchpoints.register.app.Api;

/**
 * The same-work baseline of issue 16, item 2: the SQL statements that one command of each kind of the lifecycle
 * executes in the product are captured from PostgreSQL's own statement log ({@code log_statement = all}, switched on
 * by {@code ALTER SYSTEM} for one lifecycle only, into the embedded server's log files), and then replayed through plain JDBC — one transaction per command, prepared
 * statements with the captured parameters, K threads each in its own register — for as long as the product was
 * measured. What has to stay unique is made fresh per replayed lifecycle: every UUID (change, row, event ids), the
 * register id (each thread its own register), the event's sequence number in its register, the touchpoint's name.
 * <p>
 * Not replayed: the statements between commands (the client's read of the new change), PostgreSQL's own work of
 * {@code BEGIN}/{@code COMMIT} of an autocommit statement outside a command's transaction (it runs in the command's
 * one). An update whose captured version no longer matches touches no row: the baseline then does a little less
 * than the product.
 */
final class SameWorkBaseline {
    private static final String PREFIX = "BENCHSQL|";
    private static final String MARKER_APP = "bench-marker";
    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern STATEMENT =
            Pattern.compile("(?:LOG|ERROR):\\s+(?:execute [^:]+|statement):\\s(.*)", Pattern.DOTALL);
    private static final Pattern PARAMETERS =
            Pattern.compile("DETAIL:\\s+parameters:\\s(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    /** Columns that hold an event's sequence number in its register (unique with the register). */
    private static final java.util.Set<String> SEQUENCE_COLUMNS =
            java.util.Set.of("sequence_number", "sequence", "version");
    /** Columns that hold a publication's number (unique with the register). */
    private static final java.util.Set<String> PUBLICATION_COLUMNS = java.util.Set.of("version", "published_version");

    /**
     * One captured statement: SQL with {@code ?} placeholders, the captured value of each (null = NULL) and the
     * column each is compared with or written to (null where that cannot be read off the SQL).
     */
    record Captured(String sql, List<String> values, List<String> columns) {}

    /**
     * The captured commands of one lifecycle, by kind (create, division approval, deputy approval, publication), the
     * events' sequence numbers in their register and the publication's number.
     */
    record Capture(
            Map<String, List<Captured>> commands,
            String register,
            String touchpoint,
            List<String> sequences,
            String publication) {
        int statements() {
            return commands.values().stream().mapToInt(List::size).sum();
        }

        String perKind() {
            StringBuilder s = new StringBuilder();
            commands.forEach((kind, statements) ->
                    s.append(s.isEmpty() ? "" : ", ").append(kind).append(' ').append(statements.size()));
            return s.toString();
        }
    }

    private SameWorkBaseline() {}

    /**
     * Runs one lifecycle in {@code register} with PostgreSQL's statement log on and returns each command's statements.
     *
     * @param commands the commands by kind, in order, each a call of the product's API
     */
    static Capture capture(
            BenchmarkApp app, String register, String touchpoint, Map<String, Supplier<Api.Response>> commands)
            throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("ApplicationName", MARKER_APP);
        List<String> kinds = new ArrayList<>(commands.keySet());
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(app.jdbcUrl(), props);
                Statement s = c.createStatement()) {
            s.execute("alter system set log_line_prefix = '" + PREFIX + "%c|%a|'");
            s.execute("alter system set log_statement = 'all'");
            s.execute("alter system set log_parameter_max_length = -1");
            s.execute("select pg_reload_conf()");
            Thread.sleep(1000); // every backend reads the new settings before its next statement
            try {
                for (String kind : kinds) {
                    s.execute("select 'marker " + run + " " + kind + "'");
                    RegisterBenchmark.check(commands.get(kind).get());
                }
                s.execute("select 'marker " + run + " end'");
                Thread.sleep(500); // the logging collector writes the file shortly after
            } finally {
                s.execute("alter system reset log_statement");
                s.execute("alter system reset log_line_prefix");
                s.execute("alter system reset log_parameter_max_length");
                s.execute("select pg_reload_conf()");
            }
        }
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(app.postgresLogs())) {
            for (var file : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return parse(lines, run, kinds, register, touchpoint);
    }

    /** The PostgreSQL log entries (a line with the prefix and the lines after it without one) between the markers. */
    static Capture parse(List<String> postgresLog, String run, List<String> kinds, String register, String touchpoint) {
        List<String[]> entries = new ArrayList<>(); // {application name, message, session}
        for (String line : postgresLog) {
            if (line.startsWith(PREFIX)) {
                String[] f = line.substring(PREFIX.length()).split("\\|", 3);
                if (f.length == 3) {
                    entries.add(new String[] {f[1], f[2], f[0]});
                }
            } else if (!entries.isEmpty()) {
                // a continuation of a multi-line entry (a statement or a value with line breaks)
                String[] last = entries.get(entries.size() - 1);
                last[1] = last[1] + "\n" + line;
            }
        }
        Map<String, List<Captured>> commands = new LinkedHashMap<>();
        String current = null;
        Map<String, String> pending = new LinkedHashMap<>(); // a statement waiting for its parameters, by session
        Pattern markers = Pattern.compile("marker " + run + " ([\\w-]+)");
        for (String[] e : entries) {
            if (e[0].equals(MARKER_APP)) {
                Matcher marker = markers.matcher(e[1]);
                if (marker.find()) {
                    flush(pending, commands, current);
                    current = marker.group(1).equals("end") ? null : marker.group(1);
                    if (current != null) {
                        commands.put(current, new ArrayList<>());
                    }
                }
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher statement = STATEMENT.matcher(e[1]);
            Matcher parameters = PARAMETERS.matcher(e[1]);
            if (statement.lookingAt()) {
                String previous = pending.remove(e[2]);
                if (previous != null) {
                    commands.get(current).add(captured(previous, List.of()));
                }
                String sql = statement.group(1).strip();
                if (!sql.isEmpty()) { // the pool's connection check
                    pending.put(e[2], sql);
                }
            } else if (parameters.lookingAt() && pending.containsKey(e[2])) {
                commands.get(current).add(captured(pending.remove(e[2]), values(parameters.group(1))));
            }
        }
        flush(pending, commands, current);
        List<String> sequences = new ArrayList<>();
        String publication = null;
        for (List<Captured> statements : commands.values()) {
            for (Captured c : statements) {
                String table = insertTable(c.sql());
                for (int i = 0; i < c.values().size(); i++) {
                    if ("domain_event_entry".equals(table)
                            && "sequence_number".equals(c.columns().get(i))) {
                        sequences.add(c.values().get(i));
                    } else if ("q_publication".equals(table)
                            && "version".equals(c.columns().get(i))) {
                        publication = c.values().get(i);
                    }
                }
            }
        }
        for (String kind : kinds) {
            if (commands.getOrDefault(kind, List.of()).isEmpty()) {
                throw new IllegalStateException("No statements captured for " + kind + " (is the embedded server's "
                        + "logging collector on?)");
            }
        }
        return new Capture(commands, register, touchpoint, sequences, publication);
    }

    private static void flush(Map<String, String> pending, Map<String, List<Captured>> commands, String current) {
        if (current != null) {
            pending.values().forEach(sql -> commands.get(current).add(captured(sql, List.of())));
        }
        pending.clear();
    }

    private static String insertTable(String sql) {
        Matcher m = Pattern.compile("(?is)^insert\\s+into\\s+(\\w+)").matcher(sql.strip());
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static Captured captured(String sql, List<String> byNumber) {
        Map<Integer, String> columnOf = columnsOf(sql);
        List<String> values = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            values.add(n - 1 < byNumber.size() ? byNumber.get(n - 1) : null);
            columns.add(columnOf.get(n));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        return new Captured(jdbc.toString(), values, columns);
    }

    /**
     * The column of each placeholder where the SQL says it: {@code column = $n} (an update's or a condition's), or the
     * n-th column of {@code INSERT INTO t (…) VALUES (…)} whose n-th value holds {@code $n}.
     */
    static Map<Integer, String> columnsOf(String sql) {
        Map<Integer, String> columns = new HashMap<>();
        Matcher eq = Pattern.compile("(\\w+)\\s*=\\s*\\$(\\d+)").matcher(sql);
        while (eq.find()) {
            columns.putIfAbsent(Integer.parseInt(eq.group(2)), eq.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher insert = Pattern.compile("(?is)^insert\\s+into\\s+\\w+\\s*\\(([^)]*)\\)\\s*values\\s*\\((.*)\\)")
                .matcher(sql.strip());
        if (insert.find()) {
            String[] names = insert.group(1).split(",");
            List<String> items = new ArrayList<>();
            int depth = 0;
            StringBuilder item = new StringBuilder();
            for (char ch : insert.group(2).toCharArray()) {
                if (ch == ')' && depth == 0) {
                    break;
                }
                if (ch == ',' && depth == 0) {
                    items.add(item.toString());
                    item.setLength(0);
                    continue;
                }
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
                item.append(ch);
            }
            items.add(item.toString());
            for (int i = 0; i < Math.min(names.length, items.size()); i++) {
                Matcher p = PLACEHOLDER.matcher(items.get(i));
                if (p.find()) {
                    columns.put(Integer.parseInt(p.group(1)), names[i].strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /** {@code $1 = 'a''b', $2 = NULL, …} into values by number. */
    static List<String> values(String list) {
        Map<Integer, String> byNumber = new HashMap<>();
        int i = 0;
        int max = 0;
        while (i < list.length()) {
            int dollar = list.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            int eq = list.indexOf(" = ", dollar);
            int n = Integer.parseInt(list.substring(dollar + 1, eq));
            max = Math.max(max, n);
            int v = eq + 3;
            if (list.startsWith("NULL", v)) {
                byNumber.put(n, null);
                i = v + 4;
            } else {
                StringBuilder s = new StringBuilder();
                int j = v + 1;
                while (j < list.length()) {
                    char ch = list.charAt(j);
                    if (ch == '\'') {
                        if (j + 1 < list.length() && list.charAt(j + 1) == '\'') {
                            s.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    s.append(ch);
                    j++;
                }
                byNumber.put(n, s.toString());
                i = j + 1;
            }
        }
        List<String> values = new ArrayList<>();
        for (int n = 1; n <= max; n++) {
            values.add(byNumber.get(n));
        }
        return values;
    }

    /** Replays the lifecycle's commands with K threads for {@code run}; @return commands/s */
    static double replay(String jdbcUrl, Capture capture, List<String> registers, Duration run, List<String> mix)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(registers.size());
        AtomicLong commands = new AtomicLong();
        long end = System.nanoTime() + run.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (String register : registers) {
            workers.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                    long sequence = nextSequence(c, register);
                    long publication = 1_000_000L;
                    c.setAutoCommit(false);
                    Map<String, PreparedStatement> prepared = new HashMap<>();
                    Pattern registerId = Pattern.compile(Pattern.quote(capture.register()) + "(?![0-9A-Za-z_-])");
                    int lifecycle = 0;
                    while (System.nanoTime() < end) {
                        lifecycle++;
                        Map<String, String> uuids = new HashMap<>();
                        Map<String, String> sequences = new HashMap<>();
                        for (String captured : capture.sequences()) {
                            sequences.put(captured, Long.toString(sequence++));
                        }
                        String freshPublication = Long.toString(publication++);
                        String touchpoint = capture.touchpoint() + " " + register + "-" + lifecycle;
                        for (String kind : mix) {
                            if (kind.startsWith("publication") && lifecycle % 10 != 0) {
                                continue;
                            }
                            for (Captured s : capture.commands().get(kind)) {
                                String verb = s.sql().strip().toUpperCase(Locale.ROOT);
                                if (verb.equals("BEGIN") || verb.equals("COMMIT") || verb.equals("ROLLBACK")) {
                                    continue;
                                }
                                PreparedStatement p = prepared.computeIfAbsent(s.sql(), sql -> {
                                    try {
                                        return c.prepareStatement(sql);
                                    } catch (SQLException e) {
                                        throw new IllegalStateException(e);
                                    }
                                });
                                for (int i = 0; i < s.values().size(); i++) {
                                    String v = s.values().get(i);
                                    String column = s.columns().get(i);
                                    if (v != null
                                            && column != null
                                            && SEQUENCE_COLUMNS.contains(column)
                                            && sequences.containsKey(v)) {
                                        p.setLong(i + 1, Long.parseLong(sequences.get(v)));
                                    } else if (v != null
                                            && column != null
                                            && PUBLICATION_COLUMNS.contains(column)
                                            && v.equals(capture.publication())) {
                                        p.setLong(i + 1, Long.parseLong(freshPublication));
                                    } else if (v == null) {
                                        p.setNull(i + 1, Types.OTHER);
                                    } else {
                                        p.setObject(
                                                i + 1,
                                                fresh(v, uuids, registerId, register, capture.touchpoint(), touchpoint),
                                                Types.OTHER);
                                    }
                                }
                                p.execute();
                            }
                            c.commit();
                            commands.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return commands.get() / (double) run.toSeconds();
    }

    private static String fresh(
            String value,
            Map<String, String> uuids,
            Pattern registerId,
            String register,
            String capturedTouchpoint,
            String touchpoint) {
        String v = value;
        if (v.indexOf('-') >= 0) {
            Matcher m = UUID_PATTERN.matcher(v);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(
                        out,
                        uuids.computeIfAbsent(
                                m.group().toLowerCase(Locale.ROOT),
                                u -> UUID.randomUUID().toString()));
            }
            m.appendTail(out);
            v = registerId.matcher(out).replaceAll(Matcher.quoteReplacement(register));
        }
        return v.replace(capturedTouchpoint, touchpoint);
    }

    private static long nextSequence(Connection c, String register) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "select coalesce(max(sequence_number), 0) + 1000000 from domain_event_entry where aggregate_identifier = ?")) {
            p.setString(1, register);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The captured statements by kind, for the benchmark's output: verbs and tables. */
    static String summary(Capture capture) {
        StringBuilder out = new StringBuilder();
        capture.commands().forEach((kind, statements) -> {
            Map<String, Integer> shapes = new LinkedHashMap<>();
            for (Captured s : statements) {
                shapes.merge(shape(s.sql()), 1, Integer::sum);
            }
            out.append(String.format("  %s: %d statements: %s%n", kind, statements.size(), shapes));
        });
        return out.toString();
    }

    private static String shape(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        Matcher m = Pattern.compile(
                        "^(select|insert into|update|delete from|savepoint|release savepoint|begin|commit|rollback)\\b"
                                + "(?:.*?\\bfrom\\b)?\\s*([a-z_\\.]+)?")
                .matcher(s);
        if (!m.find()) {
            return s.length() > 30 ? s.substring(0, 30) : s;
        }
        String verb = m.group(1);
        if (verb.startsWith("savepoint")
                || verb.startsWith("release")
                || verb.equals("begin")
                || verb.equals("commit")
                || verb.equals("rollback")) {
            return verb;
        }
        return verb + " " + (m.group(2) == null ? "" : m.group(2));
    }
}
