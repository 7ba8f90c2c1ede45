package org.touchpoints.register.query.config;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A run of the same plain {@code insert into q_x (columns) values (?, cast(? as jsonb), 1, …)} sent as one
 * {@code copy q_x (columns) from stdin} (PostgreSQL's bulk load: no statement to parse and plan per row) instead of a
 * JDBC batch. Only what a plain insert means exactly: every value is a parameter (optionally cast to its column's
 * type, which COPY's text input does anyway) or an integer literal; parameters are strings, numbers, booleans, dates
 * and timestamps, each written as pgjdbc would send it (a timestamp in the JVM's zone with its offset, rounded to the
 * microsecond). {@code on conflict do nothing} is kept by the caller's savepoint: the run is copied inside one, and on
 * a conflict rolled back to it and sent as the inserts it is. Anything else ({@code nextval}, other conflicts, an
 * unknown parameter type) is no plan, and goes as a JDBC batch.
 */
final class CopyInsert {
    private static final Pattern INSERT = Pattern.compile(
            "insert\\s+into\\s+(q_[a-z0-9_]+)\\s*\\(([^()]*)\\)\\s*values\\s*\\((.*)\\)\\s*(on\\s+conflict\\s+do\\s+nothing)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile(
            "\\?|cast\\(\\s*\\?\\s+as\\s+[a-z0-9_ \\[\\]]+\\)|\\?::[a-z0-9_\\[\\]]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    /** The COPY statement, and per column the parameter it takes (its index) or, if negative, a literal. */
    private final String copy;

    private final int[] parameters;
    private final String[] literals;
    final boolean onConflictDoNothing;

    private CopyInsert(String copy, int[] parameters, String[] literals, boolean onConflictDoNothing) {
        this.copy = copy;
        this.parameters = parameters;
        this.literals = literals;
        this.onConflictDoNothing = onConflictDoNothing;
    }

    /** The COPY that does what the statement does, if it is a plain insert of one row. */
    static Optional<CopyInsert> of(String sql) {
        Matcher m = INSERT.matcher(sql.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] columns = m.group(2).split(",");
        String[] values = m.group(3).split(",");
        if (columns.length != values.length) {
            return Optional.empty();
        }
        int[] parameters = new int[values.length];
        String[] literals = new String[values.length];
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            String value = values[i].strip();
            if (PARAMETER.matcher(value).matches()) {
                parameters[i] = next++;
            } else if (INTEGER.matcher(value).matches()) {
                parameters[i] = -1;
                literals[i] = value;
            } else {
                return Optional.empty();
            }
        }
        StringBuilder names = new StringBuilder();
        for (String column : columns) {
            String name = column.strip();
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                return Optional.empty();
            }
            names.append(names.isEmpty() ? "" : ", ").append(name);
        }
        return Optional.of(new CopyInsert(
                "copy " + m.group(1).toLowerCase(Locale.ROOT) + " (" + names + ") from stdin",
                parameters,
                literals,
                m.group(4) != null));
    }

    /**
     * The rows in COPY's text format, or null when a parameter is of a type this does not write exactly as pgjdbc
     * would bind it (then send them as a batch).
     */
    byte[] rows(List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 64);
        for (Object[] row : rows) {
            for (int i = 0; i < parameters.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                if (parameters[i] < 0) {
                    text.append(literals[i]);
                } else if (parameters[i] >= row.length || !append(text, row[parameters[i]])) {
                    return null;
                }
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            escape(text, s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            text.append(value);
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof UUID) {
            text.append(value);
        } else if (value instanceof java.sql.Date d) {
            text.append(d.toLocalDate());
        } else if (value instanceof Timestamp t) {
            text.append(timestamp(t));
        } else {
            return false;
        }
        return true;
    }

    /** As pgjdbc sends a {@link Timestamp}: the JVM zone's wall time with its offset, rounded to the microsecond. */
    static String timestamp(Timestamp t) {
        return OffsetDateTime.ofInstant(
                        t.toInstant().plusNanos(500).truncatedTo(ChronoUnit.MICROS), ZoneId.systemDefault())
                .format(TIMESTAMP);
    }

    private static void escape(StringBuilder text, String s) {
        int n = s.length();
        int plain = 0;
        while (plain < n && !special(s.charAt(plain))) {
            plain++;
        }
        text.append(s, 0, plain); // most text has nothing to escape: appended in one copy
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\n' || c == '\r' || c == '\t';
    }

    /**
     * Copies the rows in the connection's transaction. With {@code on conflict do nothing}: inside a savepoint, and
     * false (nothing written) when a row conflicts; the caller then sends the inserts.
     */
    boolean send(Connection connection, byte[] rows) throws SQLException {
        Savepoint savepoint = onConflictDoNothing ? connection.setSavepoint() : null;
        try {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
            try {
                in.writeToCopy(rows, 0, rows.length);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } catch (SQLException e) {
            if (savepoint != null && "23505".equals(e.getSQLState())) {
                connection.rollback(savepoint);
                return false;
            }
            throw e;
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        return true;
    }

    /** For tests: the COPY statement. */
    String copy() {
        return copy;
    }
}
