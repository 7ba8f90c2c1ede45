package org.touchpoints.register.query.register;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.config.CommittedState;
import org.touchpoints.register.query.config.Json;

/** Reads of the current-register projection. */
@Repository
public class RegisterReadModel {
    public record RegisterSummary(
            String id,
            String authority,
            String timeZone,
            Integer publicationDeadlineWorkingDays,
            Template template,
            String region,
            int rowCount,
            int publishedVersion,
            List<String> columnHeaders) {
        /** A register whose procedure gives no column headers of its own. */
        public RegisterSummary(
                String id,
                String authority,
                String timeZone,
                Integer publicationDeadlineWorkingDays,
                Template template,
                String region,
                int rowCount,
                int publishedVersion) {
            this(
                    id,
                    authority,
                    timeZone,
                    publicationDeadlineWorkingDays,
                    template,
                    region,
                    rowCount,
                    publishedVersion,
                    null);
        }

        /**
         * The column headers the people's files (XLSX, DOCX, csv-excel) and the pages show: the procedure's, or the
         * template's own. The canonical CSV keeps {@link Template#headers} whatever the procedure says.
         */
        public List<String> headers() {
            return columnHeaders != null
                            && columnHeaders.size() == template.headers().size()
                    ? columnHeaders
                    : template.headers();
        }
    }

    private final JdbcClient jdbc;
    private final Json json;
    private final RowCounts rowCounts = new RowCounts();
    /** Member → the registers they may read, by id, as of the last commit ({@link #registersOf}). */
    private final CommittedState.Memo<String, List<String>> membersRegisters;
    /** The division names of some registers or of all, as of the last commit ({@link #divisionNames}). */
    private final CommittedState.Memo<Registers, java.util.LinkedHashMap<String, String>> divisionNames;
    /** The register filters' options and suggestions, as of the last commit ({@link #matching}). */
    private final CommittedState.Memo<Matching, List<RegisterName>> matching;

    public RegisterReadModel(JdbcClient jdbc, Json json, CommittedState committed) {
        this.jdbc = jdbc;
        this.json = json;
        this.membersRegisters = committed.memo(16);
        this.divisionNames = committed.memo(16);
        this.matching = committed.memo(256);
    }

    /**
     * A register's settings with what its row count is cached by ({@link RowCounts}): the state of its version row,
     * which every event of the register rewrites in the transaction that changes its rows.
     */
    private static final String SUMMARY = """
            select r.register_id, r.authority, r.time_zone, r.deadline_days, r.template, r.region,
                   v.xmin::text, r.published_version, r.procedure -> 'columnHeaders', coalesce(v.version, -1)
            from q_register r left join q_register_version v on v.register_id = r.register_id""";

    public List<RegisterSummary> all() {
        return withRowCounts(jdbc.sql(SUMMARY + " order by r.register_id")
                        .query(this::uncounted)
                        .list())
                .stream()
                .map(ListedRegister::summary)
                .toList();
    }

    /**
     * One page of the registers in {@code readable} (every register when null), by id, with each one's version: the
     * list of registers at ten thousand of them, a page at a time (the primary key gives the order; the rows are
     * counted only for the page's registers that moved since they were last counted: {@link RowCounts}).
     */
    public List<ListedRegister> page(java.util.Collection<String> readable, int offset, int limit) {
        return page(readable, null, offset, limit);
    }

    /**
     * As {@link #page(java.util.Collection, int, int)}, of the registers whose id or authority contains {@code text}
     * (case-insensitive; every register when null or blank): the administrator's search among ten thousand.
     */
    public List<ListedRegister> page(java.util.Collection<String> readable, String text, int offset, int limit) {
        if (readable != null && readable.isEmpty()) {
            return List.of();
        }
        List<Object> params = new java.util.ArrayList<>();
        if (readable != null) {
            params.add(array(readable));
        }
        params.addAll(textParams(text));
        params.add(limit);
        params.add(offset);
        // the page's ids first, from the primary key alone: the offset then skips index entries, not rows with their
        // row counts (a deep page of the 10,000 took 1.4 s when the select list was evaluated for every skipped row)
        return withRowCounts(jdbc.sql("""
                        with page as (select r.register_id from q_register r where""" + readableFilter(readable) + textFilter(text) + """
                         order by r.register_id limit ? offset ?)
                        select r.register_id, r.authority, r.time_zone, r.deadline_days, r.template, r.region,
                               v.xmin::text, r.published_version, r.procedure -> 'columnHeaders', coalesce(v.version, -1)
                        from page join q_register r on r.register_id = page.register_id
                        left join q_register_version v on v.register_id = r.register_id
                        order by r.register_id""")
                .params(params)
                .query(this::uncounted)
                .list());
    }

    /**
     * Id → what each register the caller may read is listed as of, by id: the state of its
     * settings row and of its version row, the transactions that last wrote them (every transaction with events of a
     * register rewrites its version row, the one that changes its rows included: {@link RowCounts}). Equal stamps, equal
     * entries in the list of registers ({@link WholeRegisterList}); read from the two tables alone, no row counted.
     */
    public java.util.LinkedHashMap<String, String> listStamps(RegisterReadAccess.Reader reader) {
        java.util.LinkedHashMap<String, String> stamps = new java.util.LinkedHashMap<>();
        if (!reader.everything() && reader.member() == null) {
            return stamps;
        }
        jdbc.sql("select r.register_id, r.xmin::text || '/' || coalesce(v.xmin::text, '') from q_register r"
                        + " left join q_register_version v on v.register_id = r.register_id"
                        + (reader.everything()
                                ? ""
                                : " where r.register_id in (" + RegisterReadAccess.REGISTERS_OF_MEMBER + ")")
                        + " order by r.register_id")
                .params(reader.everything() ? List.<Object>of() : List.<Object>of(reader.member()))
                .query((rs, i) -> stamps.put(rs.getString(1), rs.getString(2)))
                .list();
        return stamps;
    }

    /** A register of the list with the stamp ({@link #listStamps}) it was read at. */
    public record StampedRegister(ListedRegister register, String stamp) {}

    /** The registers {@code ids} as {@link #page} lists them, each with its stamp as read (in no particular order). */
    public List<StampedRegister> listed(java.util.Collection<String> ids) {
        Map<String, String> stamps = new HashMap<>();
        List<ListedRegister> listed = withRowCounts(jdbc.sql("""
                        select r.register_id, r.authority, r.time_zone, r.deadline_days, r.template, r.region,
                               v.xmin::text, r.published_version, r.procedure -> 'columnHeaders', coalesce(v.version, -1),
                               r.xmin::text || '/' || coalesce(v.xmin::text, '')
                        from q_register r left join q_register_version v on v.register_id = r.register_id
                        where r.register_id = any(cast(? as varchar[]))""")
                .param(array(ids))
                .query((rs, i) -> {
                    Uncounted u = uncounted(rs, i);
                    stamps.put(u.summary().id(), rs.getString(11));
                    return u;
                })
                .list());
        return listed.stream()
                .map(r -> new StampedRegister(r, stamps.get(r.summary().id())))
                .toList();
    }

    /** A register as read, before its rows are counted. */
    private record Uncounted(RegisterSummary summary, String stamp, long version) {}

    /** The registers with their row counts: from {@link RowCounts} where the register did not move, counted where it did. */
    private List<ListedRegister> withRowCounts(List<Uncounted> registers) {
        Map<String, Integer> counts = rowCounts.of(
                registers.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                u -> u.summary().id(),
                                u -> u.stamp() == null ? "" : u.stamp(),
                                (a, b) -> a,
                                java.util.LinkedHashMap::new)),
                this::countRows);
        return registers.stream()
                .map(u -> {
                    RegisterSummary r = u.summary();
                    return new ListedRegister(
                            new RegisterSummary(
                                    r.id(),
                                    r.authority(),
                                    r.timeZone(),
                                    r.publicationDeadlineWorkingDays(),
                                    r.template(),
                                    r.region(),
                                    counts.getOrDefault(r.id(), 0),
                                    r.publishedVersion(),
                                    r.columnHeaders()),
                            u.version());
                })
                .toList();
    }

    /** The rows of each of the registers, in one grouped query (a register without rows is absent: 0). */
    private Map<String, Integer> countRows(java.util.Collection<String> registerIds) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select register_id, count(*) from q_row where register_id = any(cast(? as varchar[]))"
                        + " group by register_id")
                .param(array(registerIds))
                .query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /**
     * As {@link #page(java.util.Collection, int, int)}, of the registers the caller may read ({@link
     * RegisterReadAccess#reader}), filtered by the database itself.
     */
    public List<ListedRegister> page(RegisterReadAccess.Reader reader, int offset, int limit) {
        if (reader.everything()) {
            return page((java.util.Collection<String>) null, offset, limit);
        }
        if (reader.member() == null) {
            return List.of();
        }
        // the member's registers by id, kept while nothing commits: a member of all ten thousand otherwise had the
        // database join their memberships to every register for the page and again for the count
        List<String> ids = registersOf(reader.member());
        int from = (int) Math.min(ids.size(), Math.max(0, offset));
        int to = (int) Math.min(ids.size(), (long) from + limit);
        return from == to ? List.of() : page(ids.subList(from, to), 0, limit);
    }

    /** The registers {@code member} holds a role in ({@link RegisterReadAccess#REGISTERS_OF_MEMBER}), by id. */
    private List<String> registersOf(String member) {
        return membersRegisters.get(
                member,
                () -> List.copyOf(jdbc.sql("select r.register_id from q_register r"
                                + " where r.register_id in (" + RegisterReadAccess.REGISTERS_OF_MEMBER + ")"
                                + " order by r.register_id")
                        .param(member)
                        .query(String.class)
                        .list()));
    }

    /** How many registers {@link #page(RegisterReadAccess.Reader, int, int)} pages through. */
    public long count(RegisterReadAccess.Reader reader) {
        if (reader.everything()) {
            return count((java.util.Collection<String>) null);
        }
        if (reader.member() == null) {
            return 0;
        }
        return registersOf(reader.member()).size();
    }

    /** How many registers {@link #page} pages through. */
    public long count(java.util.Collection<String> readable) {
        return count(readable, null);
    }

    /** How many registers {@link #page(java.util.Collection, String, int, int)} pages through. */
    public long count(java.util.Collection<String> readable, String text) {
        if (readable != null && readable.isEmpty()) {
            return 0;
        }
        List<Object> params = new java.util.ArrayList<>();
        if (readable != null) {
            params.add(array(readable));
        }
        params.addAll(textParams(text));
        return jdbc.sql("select count(*) from q_register r where" + readableFilter(readable) + textFilter(text))
                .params(params)
                .query(Long.class)
                .single();
    }

    /** The search of {@link #page(java.util.Collection, String, int, int)}: none when the text is null or blank. */
    private static String textFilter(String text) {
        return text == null || text.isBlank() ? "" : " and (lower(r.register_id) like ? or lower(r.authority) like ?)";
    }

    private static List<Object> textParams(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(containing(text), containing(text));
    }

    /** Id → authority of the registers in {@code readable} (every register when null), by id: the filters' lists. */
    public java.util.LinkedHashMap<String, String> authorities(java.util.Collection<String> readable) {
        java.util.LinkedHashMap<String, String> authorities = new java.util.LinkedHashMap<>();
        if (readable != null && readable.isEmpty()) {
            return authorities;
        }
        jdbc.sql("select r.register_id, r.authority from q_register r where" + readableFilter(readable)
                        + " order by r.register_id")
                .params(readable == null ? List.<Object>of() : List.of((Object) array(readable)))
                .query((rs, i) -> authorities.put(rs.getString(1), rs.getString(2)))
                .list();
        return authorities;
    }

    /**
     * Division id → name over the registers in {@code registerIds} (every register when null) in one query: the same id
     * in two registers is one entry, named as in the first register (by id) that defines it, in that order.
     */
    public java.util.LinkedHashMap<String, String> divisionNames(java.util.Collection<String> registerIds) {
        if (registerIds != null && registerIds.isEmpty()) {
            return new java.util.LinkedHashMap<>();
        }
        // kept while nothing commits: over every register it read all their divisions on each dashboard request
        return new java.util.LinkedHashMap<>(
                divisionNames.get(new Registers(registerIds), () -> readDivisionNames(registerIds)));
    }

    /** Some registers, or every register ({@code ids} null): a key of {@link #divisionNames}. */
    private record Registers(java.util.Collection<String> ids) {}

    private java.util.LinkedHashMap<String, String> readDivisionNames(java.util.Collection<String> registerIds) {
        java.util.LinkedHashMap<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql(
                        "select division_id, name from (select distinct on (division_id) division_id, name, register_id from q_division r"
                                + " where" + readableFilter(registerIds)
                                + " order by division_id, register_id) d order by register_id, division_id")
                .params(registerIds == null ? List.<Object>of() : List.of((Object) array(registerIds)))
                .query((rs, i) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    /** A register as a filter's option names it. */
    public record RegisterName(String id, String authority) {}

    /** The registers in {@code readable} (every register when null) as options of a filter, by id (no row counts). */
    public List<RegisterName> names(java.util.Collection<String> readable) {
        return authorities(readable).entrySet().stream()
                .map(e -> new RegisterName(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * At most {@code limit} registers in {@code readable} (every register when null) whose id or authority contains
     * {@code text} (case-insensitive; every register when blank), ids that start with it first, then by id: the
     * suggestions of a register filter at ten thousand registers, where a drop-down of all of them would not do.
     */
    public List<RegisterName> matching(java.util.Collection<String> readable, String text, int limit) {
        if (readable != null && readable.isEmpty()) {
            return List.of();
        }
        // kept while nothing commits: the pages' register filter ran this over every register on each request (the
        // first suggestions: every register matches the empty text, the top ones by id picked from all of them)
        return matching.get(
                new Matching(readable, text, limit), () -> List.copyOf(readMatching(readable, text, limit)));
    }

    /** The arguments of {@link #matching}: a key of its memo. */
    private record Matching(java.util.Collection<String> readable, String text, int limit) {}

    private List<RegisterName> readMatching(java.util.Collection<String> readable, String text, int limit) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        String like = containing(text);
        List<Object> params = new java.util.ArrayList<>();
        if (readable != null) {
            params.add(array(readable));
        }
        params.add(like);
        params.add(like);
        params.add(t + "%");
        params.add(limit);
        return jdbc.sql("select r.register_id, r.authority from q_register r where" + readableFilter(readable)
                        + " and (lower(r.register_id) like ? or lower(r.authority) like ?)"
                        + " order by lower(r.register_id) like ? desc, r.register_id limit ?")
                .params(params)
                .query((rs, i) -> new RegisterName(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** A LIKE pattern matching every lower-cased text that contains {@code text} (its wildcards taken literally). */
    public static String containing(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A register of a list page and its version ({@link #version}). */
    public record ListedRegister(RegisterSummary summary, long version) {}

    private static String readableFilter(java.util.Collection<String> readable) {
        return readable == null ? " true" : " r.register_id = any(cast(? as varchar[]))";
    }

    private static String[] array(java.util.Collection<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    public Optional<RegisterSummary> find(String registerId) {
        return jdbc.sql(SUMMARY + " where r.register_id = ?")
                .param(registerId)
                .query(this::uncounted)
                .optional()
                .map(u -> withRowCounts(List.of(u)).get(0).summary());
    }

    /** The register, or a 404 problem naming it. */
    public RegisterSummary require(String registerId) {
        return find(registerId).orElseThrow(() -> ApiException.notFound("Перечень «" + registerId + "» не найден"));
    }

    /**
     * The register's version: the sequence number of its last event in the read models. Writes may send it back
     * ({@code If-Match}) to be refused when the register moved on meanwhile.
     */
    public long version(String registerId) {
        return jdbc.sql("select version from q_register_version where register_id = ?")
                .param(registerId)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    /** The register's procedure, filled in: its own, or today's (with its deadline) when it was created without one. */
    public Procedure procedure(String registerId) {
        return jdbc.sql("select procedure, deadline_days from q_register where register_id = ?")
                .param(registerId)
                .query((rs, i) -> rs.getString(1) != null
                        ? json.read(rs.getString(1), Procedure.class)
                        : Procedure.legacy((Integer) rs.getObject(2)))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Перечень «" + registerId + "» не найден"));
    }

    /** Whether the register runs a procedure of its own (then its closed lists bind proposals). */
    public boolean hasOwnProcedure(String registerId) {
        return jdbc.sql("select procedure is not null from q_register where register_id = ?")
                .param(registerId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** The rows in entry order, each with the № the register's file gave its group, if any ({@link RegisterLayout#numbered}). */
    public List<RegisterRow> rows(String registerId) {
        List<RegisterRow> rows = jdbc.sql("select row_id, content from q_row where register_id = ? order by entry_no")
                .param(registerId)
                .query((rs, i) -> new RegisterRow(rs.getString(1), json.read(rs.getString(2), RowContent.class)))
                .list();
        return numbered(registerId, rows);
    }

    public Optional<RegisterRow> row(String registerId, String rowId) {
        return jdbc.sql("select row_id, content from q_row where register_id = ? and row_id = ?")
                .params(registerId, rowId)
                .query((rs, i) -> new RegisterRow(rs.getString(1), json.read(rs.getString(2), RowContent.class)))
                .optional()
                .map(r -> numbered(registerId, List.of(r)).get(0));
    }

    /** Group key → the № the register's file gave that group; empty when the file numbered nothing of its own. */
    public Map<String, Integer> groupNumbers(String registerId) {
        Map<String, Integer> numbers = new HashMap<>();
        jdbc.sql("select group_key, group_no from q_group_number where register_id = ?")
                .param(registerId)
                .query((rs, i) -> numbers.put(rs.getString(1), rs.getInt(2)))
                .list();
        return numbers;
    }

    private List<RegisterRow> numbered(String registerId, List<RegisterRow> rows) {
        Map<String, Integer> numbers = groupNumbers(registerId);
        if (numbers.isEmpty()) {
            return rows;
        }
        Template template = Template.valueOf(jdbc.sql("select template from q_register where register_id = ?")
                .param(registerId)
                .query(String.class)
                .single());
        return RegisterLayout.numbered(template, rows, numbers);
    }

    /** The processes {@code divisions} own (defined with the division, or added by an approved change), by name. */
    public List<String> processesOwnedBy(String registerId, java.util.Collection<String> divisions) {
        if (divisions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select process from q_division_process
                        where register_id = :register and division_id in (:divisions) order by process""")
                .param("register", registerId)
                .param("divisions", List.copyOf(divisions))
                .query(String.class)
                .list();
    }

    /**
     * Each process's owners: the process's comparison key ({@code Identity.name}) → the ids of the divisions that run
     * it, more than one where the procedure lets divisions share a process (000 §2.6, 003 §2.3).
     */
    public Map<String, List<String>> processOwners(String registerId) {
        Map<String, List<String>> owners = new java.util.LinkedHashMap<>();
        jdbc.sql(
                        "select process_key, division_id from q_division_process where register_id = ? order by process_key, division_id")
                .param(registerId)
                .query((rs, i) -> owners.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return owners;
    }

    /** Division id → name, in the order they were defined. */
    public java.util.LinkedHashMap<String, String> divisions(String registerId) {
        java.util.LinkedHashMap<String, String> divisions = new java.util.LinkedHashMap<>();
        jdbc.sql("select division_id, name from q_division where register_id = ? order by division_id")
                .param(registerId)
                .query((rs, i) -> divisions.put(rs.getString(1), rs.getString(2)))
                .list();
        return divisions;
    }

    /** Register id → its divisions (id → name) for {@code registerIds}, in one query: the rows of a page of many registers. */
    public Map<String, java.util.LinkedHashMap<String, String>> divisionsOf(java.util.Collection<String> registerIds) {
        Map<String, java.util.LinkedHashMap<String, String>> divisions = new HashMap<>();
        if (registerIds.isEmpty()) {
            return divisions;
        }
        jdbc.sql("select register_id, division_id, name from q_division where register_id = any(cast(? as varchar[]))"
                        + " order by register_id, division_id")
                .param(array(registerIds))
                .query((rs, i) -> divisions
                        .computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashMap<>())
                        .put(rs.getString(2), rs.getString(3)))
                .list();
        return divisions;
    }

    private Uncounted uncounted(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Uncounted(
                new RegisterSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Integer) rs.getObject(4),
                        Template.valueOf(rs.getString(5)),
                        rs.getString(6),
                        0,
                        rs.getInt(8),
                        headers(rs.getString(9))),
                rs.getString(7),
                rs.getLong(10));
    }

    private List<String> headers(String json) {
        if (json == null || json.equals("null")) {
            return null;
        }
        String[] headers = this.json.read(json, String[].class);
        return headers == null ? null : List.of(headers);
    }
}
