package org.touchpoints.register.query.change;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.register.RegisterReadAccess;

@Repository
public class ChangeReadModel {
    private static final String COLUMNS = """
            select change_id, register_id, kind, status, reason, comment, division, row_id, before_row, after_row,
                   initiated_by, initiated_at, approved_at, order_number, order_date, due_date, published_version,
                   published_at, version, due_note, due_problem, pending_step, chain, act_id, operations
            from q_change""";

    /** @param initiatedBy only the changes this account initiated, when not null */
    public record Filter(
            String registerId, String status, String division, Instant from, Instant to, String initiatedBy) {
        public Filter(String registerId, String status, String division, Instant from, Instant to) {
            this(registerId, status, division, from, to, null);
        }
    }

    private final JdbcClient jdbc;
    private final Json json;

    public ChangeReadModel(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The change, when the caller may read its register; else a 404 as for an unknown id (the same answer, so nobody
     * learns from it which change ids another register uses). The API and the change pages ask this.
     */
    public ChangeView requireReadable(String changeId, RegisterReadAccess access) {
        return find(changeId)
                .filter(c -> access.mayRead(c.registerId()))
                .orElseThrow(() -> ApiException.notFound("Изменение «" + changeId + "» не найдено"));
    }

    public Optional<ChangeView> find(String changeId) {
        return jdbc.sql(COLUMNS + " where change_id = ?")
                .param(changeId)
                .query(this::view)
                .optional()
                .map(v -> v.withTimeline(jdbc.sql("""
                                select event, at, by_user, on_behalf_of, comment from q_change_timeline
                                where change_id = ? order by seq""")
                        .param(changeId)
                        .query((rs, i) -> new ChangeView.TimelineEntry(
                                rs.getString(1),
                                rs.getTimestamp(2).toInstant(),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)))
                        .list()));
    }

    public List<ChangeView> list(Filter f) {
        return page(f, 0, Integer.MAX_VALUE);
    }

    /** The matching changes {@code offset} … {@code offset + limit - 1}, oldest first (then by id: a stable order). */
    public List<ChangeView> page(Filter f, int offset, int limit) {
        return page(f, offset, limit, false);
    }

    /** As {@link #page(Filter, int, int)}, newest first when {@code newestFirst} (the list pages). */
    public List<ChangeView> page(Filter f, int offset, int limit, boolean newestFirst) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(COLUMNS)
                .append(where(f, params))
                .append(
                        newestFirst
                                ? " order by initiated_at desc, change_id desc"
                                : " order by initiated_at, change_id");
        if (limit != Integer.MAX_VALUE) {
            sql.append(" limit ? offset ?");
            params.add(limit);
            params.add(offset);
        }
        return jdbc.sql(sql.toString()).params(params).query(this::view).list();
    }

    /** How many changes {@link #page} pages through. */
    public long count(Filter f) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select count(*) from q_change" + where(f, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where register_id = ?");
        params.add(f.registerId());
        if (f.status() != null) {
            sql.append(" and status = ?");
            params.add(f.status());
        }
        if (f.division() != null) {
            sql.append(" and division = ?");
            params.add(f.division());
        }
        if (f.initiatedBy() != null) {
            sql.append(" and initiated_by = ?");
            params.add(f.initiatedBy());
        }
        if (f.from() != null) {
            sql.append(" and initiated_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and initiated_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        return sql.toString();
    }

    /** The changes of the given ids (without timelines), by id; unknown ids are left out. */
    public java.util.Map<String, ChangeView> byIds(java.util.Collection<String> changeIds) {
        java.util.Map<String, ChangeView> found = new java.util.HashMap<>();
        if (!changeIds.isEmpty()) {
            jdbc.sql(COLUMNS + " where change_id = any(cast(? as varchar[]))")
                    .param(changeIds.toArray(String[]::new))
                    .query(this::view)
                    .list()
                    .forEach(c -> found.put(c.changeId(), c));
        }
        return found;
    }

    /** The changes a person initiated in a status, in every register, oldest first. */
    public List<ChangeView> initiatedBy(String username, String status) {
        return jdbc.sql(COLUMNS + " where initiated_by = ? and status = ? order by initiated_at, change_id")
                .params(username, status)
                .query(this::view)
                .list();
    }

    /** The timelines of many changes at once (for cards of a list), by change id, each in order. */
    public java.util.Map<String, List<ChangeView.TimelineEntry>> timelines(java.util.Collection<String> changeIds) {
        java.util.Map<String, List<ChangeView.TimelineEntry>> timelines = new java.util.HashMap<>();
        if (changeIds.isEmpty()) {
            return timelines;
        }
        jdbc.sql("""
                        select change_id, event, at, by_user, on_behalf_of, comment from q_change_timeline
                        where change_id = any(cast(? as varchar[])) order by change_id, seq""")
                .param(changeIds.toArray(String[]::new))
                .query((rs, i) -> {
                    timelines
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ChangeView.TimelineEntry(
                                    rs.getString(2),
                                    rs.getTimestamp(3).toInstant(),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6)));
                    return null;
                })
                .list();
        return timelines;
    }

    /**
     * The register's changes still in the approval chain (every status that is not closed), by the row they edit or
     * remove: the register takes no second change of such a row until this one is closed.
     */
    public java.util.Map<String, ChangeView> openByRow(String registerId) {
        java.util.Map<String, ChangeView> open = new java.util.LinkedHashMap<>();
        String[] statuses = java.util.Arrays.stream(ChangeStatus.values())
                .filter(s -> !s.closed())
                .map(Enum::name)
                .toArray(String[]::new);
        jdbc.sql(
                        COLUMNS
                                + " where register_id = ? and kind <> 'ADD' and status = any(cast(? as varchar[])) order by initiated_at, change_id")
                .params(registerId, statuses)
                .query(this::view)
                .list()
                .forEach(c -> c.operations().stream()
                        .filter(op -> !"ADD".equals(op.kind()))
                        .forEach(op -> open.putIfAbsent(op.rowId(), c))); // every row a package edits or removes
        return open;
    }

    /** One open change in words, for a link to it: «Изменение строки от 20.12.2024: на согласовании у …». */
    public static String describe(ChangeView c, java.time.ZoneId zone) {
        return ChangeSubject.kindTitle(c.kind()) + " от "
                + org.touchpoints.register.query.ui.Words.date(
                        c.initiatedAt().atZone(zone).toLocalDate()) + " ("
                + ChangeStatus.valueOf(c.status()).title().toLowerCase() + ")";
    }

    private ChangeView view(ResultSet rs, int i) throws SQLException {
        return new ChangeView(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                json.read(rs.getString(9), RowContent.class),
                json.read(rs.getString(10), RowContent.class),
                rs.getString(11),
                instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)),
                rs.getString(14),
                rs.getDate(15) == null ? null : rs.getDate(15).toLocalDate(),
                rs.getDate(16) == null ? null : rs.getDate(16).toLocalDate(),
                (Integer) rs.getObject(17),
                instant(rs.getTimestamp(18)),
                rs.getLong(19),
                null,
                rs.getString(20),
                rs.getString(21),
                rs.getString(22),
                steps(rs.getString(23)),
                rs.getString(24),
                act(rs.getString(23)),
                operations(rs.getString(3), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(25)));
    }

    /** A package's rows as recorded; a single-row change's one row from its columns. */
    private List<ChangeView.Operation> operations(
            String kind, String rowId, String before, String after, String operations) {
        if (operations != null) {
            return List.of(json.read(operations, ChangeView.Operation[].class));
        }
        return List.of(new ChangeView.Operation(
                kind, rowId, json.read(before, RowContent.class), json.read(after, RowContent.class)));
    }

    private String act(String chain) {
        return chain == null
                ? "OPTIONAL"
                : json.read(chain, ApprovalChain.class).approvalAct().name();
    }

    /** The changes of a register whose pending step is {@code pendingStep} (of {@code division}, when given). */
    public List<ChangeView> awaiting(String registerId, String pendingStep, String division) {
        return jdbc.sql(COLUMNS
                        + " where register_id = ? and pending_step = ? and (cast(? as varchar) is null or division = ?)"
                        + " order by initiated_at, change_id")
                .params(registerId, pendingStep, division, division)
                .query(this::view)
                .list();
    }

    /** The chain's steps; a row written before chains were recorded ran today's two. */
    private List<String> steps(String chain) {
        if (chain == null) {
            return List.of("DIVISION_HEAD", "DEPUTY");
        }
        return json.read(chain, ApprovalChain.class).steps().stream()
                .map(Enum::name)
                .toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
