package org.touchpoints.register.query.deadline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.touchpoints.register.platform.calendar.CalendarYearMissingException;
import org.touchpoints.register.platform.calendar.ProductionCalendar;
import org.touchpoints.register.query.config.CommittedState;

/**
 * The deadline of every approved change, as of now: due date, working days left (negative: overdue by that
 * many working days) and status. Statuses move with the clock alone; the due dates are in the read model.
 *
 * <p>Entries come in due-date order (then change id), a page at a time: a deployment of thousands of registers
 * has hundreds of thousands of them. The database narrows them by register and status as far as it can — exactly
 * for the published statuses, and for the others by the dates that status allows on any time zone's today —
 * and {@link PublicationDeadline#status} decides the rest.
 *
 * <p>An approved change whose due date cannot be counted (the production calendar lacks a year the count needs) is
 * never left out: its entry has no {@code dueDate} and no {@code workingDaysLeft}, says why in {@code dueDateUnknown}
 * («нет календаря на 2027 год») and is {@code AT_RISK}, so the dashboard, the reminders and the at-risk gauge raise the
 * alarm. Once the year is loaded, the next read counts the due date and stores it.
 */
@Service
public class DeadlineBoard {
    /** No page limit (internal scans). */
    public static final int ALL = Integer.MAX_VALUE;

    private static final ZoneId EARLIEST_ZONE = ZoneId.of("Etc/GMT+12");
    private static final ZoneId LATEST_ZONE = ZoneId.of("Pacific/Kiritimati");

    /**
     * {@code federalOnly} and {@code note}: the due date was counted by the federal calendar alone, in a region-year an
     * administrator marked "federal only" (the region's own calendar of that year is not loaded).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadlineView(
            String changeId,
            String registerId,
            String division,
            LocalDate approvedOn,
            @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate dueDate,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer workingDaysLeft,
            PublicationDeadline.Status status,
            LocalDate publishedOn,
            Boolean federalOnly,
            String note,
            String dueDateUnknown) {
        public DeadlineView(
                String changeId,
                String registerId,
                String division,
                LocalDate approvedOn,
                LocalDate dueDate,
                Integer workingDaysLeft,
                PublicationDeadline.Status status,
                LocalDate publishedOn) {
            this(
                    changeId,
                    registerId,
                    division,
                    approvedOn,
                    dueDate,
                    workingDaysLeft,
                    status,
                    publishedOn,
                    null,
                    null,
                    null);
        }
    }

    private record Row(
            String changeId,
            String registerId,
            String division,
            LocalDate approvedOn,
            LocalDate dueDate,
            LocalDate publishedOn,
            String zone,
            String region,
            String note,
            String unknown) {}

    private final JdbcClient jdbc;
    private final ProductionCalendar calendar;
    private final Clock clock;
    /**
     * The database's part of {@link #summary} and the registers' places, as of the last commit ({@link
     * CommittedState}): at ten thousand registers the dashboard's counts read every entry and every register on each
     * request. Only what the tables hold is kept; the statuses are decided on each request, by today's clock.
     */
    private final CommittedState.Memo<SummaryKey, Counted> summaries;

    private final CommittedState.Memo<String, List<String[]>> places;

    /** The rows of the pages asked last ({@link #counted}), as of the last commit. */
    private final CommittedState.Memo<PageKey, List<Row>> pages;

    public DeadlineBoard(JdbcClient jdbc, ProductionCalendar calendar, Clock clock, CommittedState committed) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
        this.summaries = committed.memo(16);
        this.places = committed.memo(1);
        this.pages = committed.memo(256);
    }

    /** Every entry of one register, or of every register when null (the pages, which filter further). */
    public List<DeadlineView> deadlines(String registerId) {
        return deadlines(registerId, null, 0, ALL);
    }

    /**
     * @param registerId one register, or null for every register of the deployment
     * @param status     only entries in this status, or null for all
     * @param offset     entries to skip
     * @param limit      at most this many entries ({@link #ALL}: no limit)
     */
    public List<DeadlineView> deadlines(String registerId, PublicationDeadline.Status status, int offset, int limit) {
        return deadlines(registerId, null, status, offset, limit);
    }

    /**
     * As {@link #deadlines(String, PublicationDeadline.Status, int, int)}, and only of {@code readable} registers when
     * that is not null (the registers a caller may read).
     */
    public List<DeadlineView> deadlines(
            String registerId,
            java.util.Collection<String> readable,
            PublicationDeadline.Status status,
            int offset,
            int limit) {
        return deadlines(registerId, readable, null, status, offset, limit);
    }

    /**
     * As {@link #deadlines(String, java.util.Collection, PublicationDeadline.Status, int, int)}, and only of one
     * division's changes when {@code division} is not null (the dashboard's filter).
     */
    public List<DeadlineView> deadlines(
            String registerId,
            java.util.Collection<String> readable,
            String division,
            PublicationDeadline.Status status,
            int offset,
            int limit) {
        if (readable != null && readable.isEmpty()) {
            return List.of();
        }
        // the entries whose due date is not counted yet come first (at risk, few: by their own index), then the rest
        List<DeadlineView> uncounted = status == null || status == PublicationDeadline.Status.AT_RISK
                ? uncounted(registerId, false).stream()
                        .filter(v -> readable == null || readable.contains(v.registerId()))
                        .filter(v -> division == null || division.equals(v.division()))
                        .toList()
                : List.of();
        if (offset < uncounted.size()) {
            List<DeadlineView> first =
                    uncounted.subList(offset, (int) Math.min(uncounted.size(), (long) offset + limit));
            if (first.size() == limit) {
                return List.copyOf(first);
            }
            List<DeadlineView> page = new ArrayList<>(first);
            page.addAll(counted(registerId, readable, division, status, 0, limit == ALL ? ALL : limit - first.size()));
            return page;
        }
        return counted(registerId, readable, division, status, offset - uncounted.size(), limit);
    }

    private List<DeadlineView> counted(
            String registerId,
            java.util.Collection<String> readable,
            String division,
            PublicationDeadline.Status status,
            int offset,
            int limit) {
        StringBuilder where = new StringBuilder(" where c.approved_at is not null and c.due_date is not null");
        List<Object> params = new ArrayList<>();
        if (registerId != null) {
            where.append(" and c.register_id = ?");
            params.add(registerId);
        }
        if (readable != null) {
            where.append(" and c.register_id = any(?)");
            params.add(readable.toArray(String[]::new));
        }
        if (division != null) {
            where.append(" and c.division = ?");
            params.add(division);
        }
        boolean exact = status == null || narrow(status, where, params);
        String pageFrom = " from q_change c";
        if (!exact && limit != ALL && status == PublicationDeadline.Status.AT_RISK) {
            String atRisk = atRiskDays(params);
            if (atRisk != null) {
                if (atRisk.isEmpty()) {
                    return List.of();
                }
                where.append(atRisk);
                exact = true;
            }
        }
        if (!exact && limit != ALL) {
            // an unpublished entry's status follows from its due date and its register's zone and region alone: the
            // (due date, zone, region) groups in that status (a few hundred), then a page of their entries in SQL
            List<String> dates = new ArrayList<>();
            List<String> zones = new ArrayList<>();
            List<String> regions = new ArrayList<>();
            jdbc.sql(
                            "select c.due_date, r.time_zone, r.region from q_change c join q_register r on r.register_id = c.register_id"
                                    + where + " group by 1, 2, 3")
                    .params(params)
                    .query((rs, i) -> {
                        if (view(new Row(
                                                null,
                                                null,
                                                null,
                                                null,
                                                rs.getDate(1).toLocalDate(),
                                                null,
                                                rs.getString(2),
                                                rs.getString(3),
                                                null,
                                                null))
                                        .status()
                                == status) {
                            dates.add(rs.getDate(1).toLocalDate().toString());
                            zones.add(rs.getString(2));
                            regions.add(rs.getString(3) == null ? "" : rs.getString(3));
                        }
                        return null;
                    })
                    .list();
            if (dates.isEmpty()) {
                return List.of();
            }
            where.append(
                    " and (c.due_date, r.time_zone, coalesce(r.region, '')) in (select * from unnest(cast(? as date[]),"
                            + " cast(? as varchar[]), cast(? as varchar[])))");
            params.add(dates.toArray(String[]::new));
            params.add(zones.toArray(String[]::new));
            params.add(regions.toArray(String[]::new));
            pageFrom = " from q_change c join q_register r on r.register_id = c.register_id";
            exact = true;
        }
        boolean paged = exact && limit != ALL;
        String columns = """
                select c.change_id, c.register_id, c.division, c.approved_on, c.due_date, c.published_on,
                       r.time_zone, r.region, c.due_note, c.due_unknown""";
        StringBuilder sql;
        if (paged) {
            // the page's changes first, from the deadline index alone: the offset then skips index entries, not joined
            // rows (a deep page of every register's 300,000 entries)
            sql = new StringBuilder("with page as (select c.change_id, c.due_date")
                    .append(pageFrom)
                    .append(where)
                    .append(" order by c.due_date, c.change_id limit ? offset ?) ")
                    .append(columns)
                    .append("""

                    from page p join q_change c on c.change_id = p.change_id join q_register r on r.register_id = c.register_id
                    order by p.due_date, p.change_id""");
            params.add(limit);
            params.add(offset);
        } else {
            sql = new StringBuilder(columns)
                    .append(" from q_change c join q_register r on r.register_id = c.register_id")
                    .append(where)
                    .append(" order by c.due_date, c.change_id");
        }
        if (paged) {
            // a page's rows as the tables hold them, kept while nothing commits (a deep page skips thousands of index
            // entries); their statuses decided now, by today's clock
            List<Row> rows = pages.get(
                    new PageKey(sql.toString(), keyOf(params)),
                    () -> List.copyOf(jdbc.sql(sql.toString())
                            .params(params)
                            .query(this::row)
                            .list()));
            return rows.stream()
                    .map(this::view)
                    .filter(v -> status == null || v.status() == status)
                    .toList();
        }
        try (Stream<DeadlineView> views = jdbc.sql(sql.toString()).params(params).query(this::row).stream()
                .map(this::view)) {
            Stream<DeadlineView> selected = status == null ? views : views.filter(v -> v.status() == status);
            if (!paged) {
                selected = selected.skip(offset);
                if (limit != ALL) {
                    selected = selected.limit(limit);
                }
            }
            return selected.toList();
        }
    }

    /**
     * How many entries {@link #deadlines(String, java.util.Collection, PublicationDeadline.Status, int, int)} pages
     * through: counted by the database where the query is exact, else over the narrowed entries (unpublished ones).
     */
    public long count(String registerId, java.util.Collection<String> readable, PublicationDeadline.Status status) {
        if (readable != null && readable.isEmpty()) {
            return 0;
        }
        long uncounted = status == null || status == PublicationDeadline.Status.AT_RISK
                ? uncounted(registerId, false).stream()
                        .filter(v -> readable == null || readable.contains(v.registerId()))
                        .count()
                : 0;
        StringBuilder sql = new StringBuilder("""
                select count(*) from q_change c
                where c.approved_at is not null and c.due_date is not null""");
        List<Object> params = new ArrayList<>();
        if (registerId != null) {
            sql.append(" and c.register_id = ?");
            params.add(registerId);
        }
        if (readable != null) {
            sql.append(" and c.register_id = any(?)");
            params.add(readable.toArray(String[]::new));
        }
        StringBuilder narrowed = new StringBuilder();
        List<Object> narrowedParams = new ArrayList<>();
        if (status == null || narrow(status, narrowed, narrowedParams)) {
            params.addAll(narrowedParams);
            return uncounted
                    + jdbc.sql(sql.append(narrowed).toString())
                            .params(params)
                            .query(Long.class)
                            .single();
        }
        return uncounted + counted(registerId, readable, null, status, 0, ALL).size();
    }

    /**
     * What the dashboard shows beside its page of entries: how many entries of each status, and the publications on
     * time and late per month from {@code firstMonth} on. Counted by the database, not over the entries: at ten
     * thousand registers there are hundreds of thousands of them. Published entries are counted by status and month in
     * SQL; the unpublished ones, whose status moves with each authority's today and calendar, are grouped by due date,
     * time zone and region (a few hundred groups), and each group's status is decided once, as for one entry.
     */
    public record Summary(
            java.util.Map<PublicationDeadline.Status, Long> counts,
            java.util.Map<java.time.YearMonth, long[]> publishedPerMonth) {
        /** Entries in {@code status}, or in every status when null. */
        public long total(PublicationDeadline.Status status) {
            return status == null
                    ? counts.values().stream().mapToLong(Long::longValue).sum()
                    : counts.get(status);
        }
    }

    /**
     * @param registerId one register, or null for every register
     * @param readable   only these registers when not null
     * @param division   only this division's changes when not null
     * @param firstMonth the first month of {@link Summary#publishedPerMonth} (on time at index 0, late at 1)
     */
    public Summary summary(
            String registerId, java.util.Collection<String> readable, String division, java.time.YearMonth firstMonth) {
        java.util.Map<PublicationDeadline.Status, Long> counts =
                new java.util.EnumMap<>(PublicationDeadline.Status.class);
        for (PublicationDeadline.Status s : PublicationDeadline.Status.values()) {
            counts.put(s, 0L);
        }
        java.util.Map<java.time.YearMonth, long[]> months = new java.util.TreeMap<>();
        if (readable != null && readable.isEmpty()) {
            return new Summary(counts, months);
        }
        Counted counted = summaries.get(
                new SummaryKey(registerId, readable, division, firstMonth),
                () -> counted(registerId, readable, division, firstMonth));
        counts.put(PublicationDeadline.Status.PUBLISHED_ON_TIME, counted.onTime());
        counts.put(PublicationDeadline.Status.PUBLISHED_LATE, counted.late());
        counted.months().forEach((month, n) -> months.put(month, n.clone()));
        // awaiting publication: one status per (due date, zone, region), decided now
        for (Group g : counted.unpublished()) {
            DeadlineView v = view(new Row(null, null, null, null, g.dueDate(), null, g.zone(), g.region(), null, null));
            counts.merge(v.status(), g.entries(), Long::sum);
        }
        long unknown = uncounted(registerId, false).stream()
                .filter(v -> readable == null || readable.contains(v.registerId()))
                .filter(v -> division == null || division.equals(v.division()))
                .count();
        counts.merge(PublicationDeadline.Status.AT_RISK, unknown, Long::sum);
        return new Summary(counts, months);
    }

    /** What {@link #summary} asks the database, as of a commit: the same whichever day it is. */
    private record SummaryKey(
            String registerId,
            java.util.Collection<String> readable,
            String division,
            java.time.YearMonth firstMonth) {}

    /** Unpublished entries due on one day in one zone and region: one status for all of them. */
    private record Group(LocalDate dueDate, String zone, String region, long entries) {}

    /** The published entries on time and late, per month from the first month, and the unpublished in groups. */
    private record Counted(
            long onTime, long late, java.util.Map<java.time.YearMonth, long[]> months, List<Group> unpublished) {}

    private Counted counted(
            String registerId, java.util.Collection<String> readable, String division, java.time.YearMonth firstMonth) {
        long[] published = new long[2];
        java.util.Map<java.time.YearMonth, long[]> months = new java.util.TreeMap<>();
        List<Group> unpublished = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where c.approved_at is not null and c.due_date is not null");
        List<Object> params = new ArrayList<>();
        if (registerId != null) {
            where.append(" and c.register_id = ?");
            params.add(registerId);
        }
        if (readable != null) {
            where.append(" and c.register_id = any(?)");
            params.add(readable.toArray(String[]::new));
        }
        if (division != null) {
            where.append(" and c.division = ?");
            params.add(division);
        }
        // published: on time or late by the dates alone; the months of the chart from the same index
        jdbc.sql(
                        "select count(*) filter (where c.published_on <= c.due_date), count(*) filter (where c.published_on > c.due_date)"
                                + " from q_change c" + where + " and c.published_on is not null")
                .params(params)
                .query((rs, i) -> {
                    published[0] = rs.getLong(1);
                    published[1] = rs.getLong(2);
                    return null;
                })
                .list();
        List<Object> monthParams = new ArrayList<>(params);
        monthParams.add(Date.valueOf(firstMonth.atDay(1)));
        jdbc.sql(
                        "select date_trunc('month', c.published_on)::date, c.published_on > c.due_date, count(*) from q_change c"
                                + where + " and c.published_on >= ? group by 1, 2")
                .params(monthParams)
                .query((rs, i) -> months.computeIfAbsent(
                                        java.time.YearMonth.from(rs.getDate(1).toLocalDate()), m -> new long[2])[
                                rs.getBoolean(2) ? 1 : 0] +=
                        rs.getLong(3))
                .list();
        // awaiting publication: their status is decided by the caller, now, one per (due date, zone, region)
        jdbc.sql(
                        "select c.due_date, r.time_zone, r.region, count(*) from q_change c join q_register r on r.register_id = c.register_id"
                                + where + " and c.published_on is null group by 1, 2, 3")
                .params(params)
                .query((rs, i) -> unpublished.add(
                        new Group(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getLong(4))))
                .list();
        return new Counted(published[0], published[1], months, List.copyOf(unpublished));
    }

    /** An approved change whose due date could not be counted, and why (the refused count's message). */
    public record Refused(String changeId, String registerId, String division, LocalDate approvedOn, String problem) {}

    /**
     * Approved changes without a due date because the count was refused (a federal year or the region's overlay not
     * loaded), of one register or of all: they are not on the board, and must not be missed.
     */
    public List<Refused> refused(String registerId) {
        return jdbc.sql("""
                        select change_id, register_id, division, approved_on, due_problem from q_change
                        where approved_at is not null and due_date is null and due_problem is not null
                          and (cast(? as varchar) is null or register_id = ?)
                        order by approved_on, change_id""")
                .params(registerId, registerId)
                .query((rs, i) -> new Refused(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getString(5)))
                .list();
    }

    /** Approved changes of every register not yet published: PENDING, AT_RISK and OVERDUE. */
    public List<DeadlineView> awaitingPublication() {
        List<DeadlineView> all = new ArrayList<>(uncounted(null, true));
        all.addAll(
                jdbc.sql("""
                        select c.change_id, c.register_id, c.division, c.approved_on, c.due_date, c.published_on,
                               r.time_zone, r.region, c.due_note, c.due_unknown
                        from q_change c join q_register r on r.register_id = c.register_id
                        where c.approved_at is not null and c.due_date is not null and c.published_on is null
                        order by c.due_date, c.change_id""").query(this::row).list().stream().map(this::view).toList());
        return all;
    }

    /** The approved changes (of one register, or all) whose due date the calendar cannot count yet, by change id. */
    private List<DeadlineView> uncounted(String registerId, boolean unpublishedOnly) {
        return jdbc.sql("""
                        select c.change_id, c.register_id, c.division, c.approved_on, c.due_date, c.published_on,
                               r.time_zone, r.region, c.due_note, c.due_unknown
                        from q_change c join q_register r on r.register_id = c.register_id
                        where c.due_date is null and c.due_unknown is not null and c.approved_at is not null
                          and (cast(? as varchar) is null or c.register_id = ?) and (? = false or c.published_on is null)
                        order by c.change_id""").params(registerId, registerId, unpublishedOnly).query(this::row).list().stream()
                .map(this::view)
                .toList();
    }

    /**
     * Narrows the query to the entries that may have {@code status}.
     *
     * @return whether exactly those entries remain (else the status of each decides)
     */
    private boolean narrow(PublicationDeadline.Status status, StringBuilder sql, List<Object> params) {
        switch (status) {
            case PUBLISHED_ON_TIME -> sql.append(" and c.published_on <= c.due_date");
            case PUBLISHED_LATE -> sql.append(" and c.published_on > c.due_date");
            case OVERDUE -> {
                // overdue: the due date is before today in the authority's zone, so before the latest today anywhere
                sql.append(" and c.published_on is null and c.due_date < ?");
                params.add(Date.valueOf(clock.instant().atZone(LATEST_ZONE).toLocalDate()));
            }
            case PENDING, AT_RISK -> {
                // not overdue: the due date is today or later in the authority's zone, so on or after the earliest
                // today
                sql.append(" and c.published_on is null and c.due_date >= ?");
                params.add(Date.valueOf(clock.instant().atZone(EARLIEST_ZONE).toLocalDate()));
                LocalDate end = status == PublicationDeadline.Status.AT_RISK ? atRiskEnd() : null;
                if (end != null) {
                    sql.append(" and c.due_date < ?");
                    params.add(Date.valueOf(end));
                }
            }
        }
        return status == PublicationDeadline.Status.PUBLISHED_ON_TIME
                || status == PublicationDeadline.Status.PUBLISHED_LATE;
    }

    /**
     * The condition that leaves exactly the unpublished entries {@link PublicationDeadline.Status#AT_RISK}, decided
     * without reading them: such an entry's status follows from its due date, its register's time zone and region
     * alone, its due date is one of the few days from the earliest today anywhere to {@link #atRiskEnd}, and the zones
     * and regions are those of the registers; the status of each (day, zone, region) is decided once, as for one
     * entry ({@link #view}). A day at risk in every zone and region of the deployment (the usual case: the zones' todays
     * differ only around midnight) is one index range, the rest a check of the entry's register. The page then comes
     * from the deadline index in its order (at 10,000 registers, reading the 30,000 unpublished entries to group them
     * took most of a request's 46 ms).
     *
     * @return the condition ("" when no day is at risk anywhere: no entry is), or null when the calendar cannot count
     *     the days (then the entries' own groups decide)
     */
    private String atRiskDays(List<Object> params) {
        LocalDate end = atRiskEnd();
        if (end == null) {
            return null;
        }
        List<String[]> places = places();
        List<String> everywhere = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (LocalDate day = clock.instant().atZone(EARLIEST_ZONE).toLocalDate();
                day.isBefore(end);
                day = day.plusDays(1)) {
            List<String[]> atRisk = new ArrayList<>();
            for (String[] place : places) {
                if (view(new Row(null, null, null, null, day, null, place[0], place[1], null, null))
                                .status()
                        == PublicationDeadline.Status.AT_RISK) {
                    atRisk.add(place);
                }
            }
            if (atRisk.size() == places.size() && !places.isEmpty()) {
                everywhere.add(day.toString());
            } else {
                for (String[] place : atRisk) {
                    dates.add(day.toString());
                    zones.add(place[0]);
                    regions.add(place[1] == null ? "" : place[1]);
                }
            }
        }
        if (everywhere.isEmpty() && dates.isEmpty()) {
            return "";
        }
        List<String> any = new ArrayList<>();
        if (!everywhere.isEmpty()) {
            any.add("c.due_date = any(cast(? as date[]))");
            params.add(everywhere.toArray(String[]::new));
        }
        if (!dates.isEmpty()) {
            any.add(
                    "exists (select 1 from q_register r where r.register_id = c.register_id and (c.due_date, r.time_zone,"
                            + " coalesce(r.region, '')) in (select * from unnest(cast(? as date[]), cast(? as varchar[]),"
                            + " cast(? as varchar[]))))");
            params.add(dates.toArray(String[]::new));
            params.add(zones.toArray(String[]::new));
            params.add(regions.toArray(String[]::new));
        }
        return " and (" + String.join(" or ", any) + ")";
    }

    /** The distinct (time zone, region) of the registers: where their todays and calendars differ. */
    private List<String[]> places() {
        return places.get(
                "places",
                () -> List.copyOf(jdbc.sql("select distinct time_zone, region from q_register")
                        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                        .list()));
    }

    /**
     * At risk means at most {@value PublicationDeadline#AT_RISK_WORKING_DAYS} working days left, so a due date
     * before the next working day after those, counted from the latest today anywhere and in the calendar of any
     * region of the deployment. Null when the calendar cannot count that far (then the status of each decides).
     */
    private LocalDate atRiskEnd() {
        LocalDate latestToday = clock.instant().atZone(LATEST_ZONE).toLocalDate();
        LocalDate end = null;
        try {
            for (String region :
                    places().stream().map(place -> place[1]).distinct().toList()) {
                LocalDate e =
                        calendar.addWorkingDays(latestToday, PublicationDeadline.AT_RISK_WORKING_DAYS + 1, region);
                end = end == null || e.isAfter(end) ? e : end;
            }
        } catch (CalendarYearMissingException e) {
            return null;
        }
        return end;
    }

    /** A page's statement and its parameters (arrays as lists, so that equal parameters are equal keys). */
    private record PageKey(String sql, List<Object> params) {}

    private static List<Object> keyOf(List<Object> params) {
        List<Object> key = new ArrayList<>(params.size());
        for (Object p : params) {
            key.add(p instanceof Object[] a ? List.of(a) : p);
        }
        return key;
    }

    private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getDate(4).toLocalDate(),
                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10));
    }

    /**
     * The deadline of one approved change as of now, from what a reader of the events recorded of it: for the readers
     * that keep their own rows (the reminders group), so that they judge a deadline as the board does.
     *
     * @param zone   the register's time zone
     * @param region the register's calendar region
     */
    public DeadlineView view(
            String changeId,
            String registerId,
            String division,
            LocalDate approvedOn,
            LocalDate dueDate,
            LocalDate publishedOn,
            String zone,
            String region,
            String note,
            String unknown) {
        return view(
                new Row(changeId, registerId, division, approvedOn, dueDate, publishedOn, zone, region, note, unknown));
    }

    private DeadlineView view(Row r) {
        if (r.dueDate() == null) { // the calendar lacks a year the count needs: an explicit state, and an alarm
            return new DeadlineView(
                    r.changeId(),
                    r.registerId(),
                    r.division(),
                    r.approvedOn(),
                    null,
                    null,
                    PublicationDeadline.Status.AT_RISK,
                    r.publishedOn(),
                    null,
                    null,
                    r.unknown());
        }
        LocalDate today = clock.instant().atZone(ZoneId.of(r.zone())).toLocalDate();
        LocalDate reference = r.publishedOn() != null ? r.publishedOn() : today;
        Integer left = workingDaysLeft(reference, r.dueDate(), r.region());
        PublicationDeadline.Status s = PublicationDeadline.status(
                r.dueDate(), r.publishedOn(), left == null ? Integer.MAX_VALUE : left, today);
        return new DeadlineView(
                r.changeId(),
                r.registerId(),
                r.division(),
                r.approvedOn(),
                r.dueDate(),
                left,
                s,
                r.publishedOn(),
                r.note() == null ? null : Boolean.TRUE,
                r.note(),
                null);
    }

    private Integer workingDaysLeft(LocalDate from, LocalDate due, String region) {
        try {
            return calendar.workingDaysBetween(from, due, region);
        } catch (CalendarYearMissingException e) {
            return null;
        }
    }
}
