package org.touchpoints.register.platform.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The "federal only" marks in the database ({@code calendar_federal_only_mark}), shared by every instance. A mark, once
 * seen, is remembered (marks are never withdrawn: a loaded overlay supersedes one); a region-year not marked is looked
 * up again each time, so a mark made on another instance counts at once.
 */
@Repository
public class FederalOnlyRegistry implements FederalOnlyMarks {

    public record Mark(String region, int year, String markedBy, Instant markedAt, String reason) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public FederalOnlyRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean isMarked(String region, int year) {
        String key = region + "/" + year;
        if (seen.contains(key)) {
            return true;
        }
        boolean marked = find(region, year).isPresent();
        if (marked) {
            seen.add(key);
        }
        return marked;
    }

    public Optional<Mark> find(String region, int year) {
        return jdbc.sql(
                        "select region, year, marked_by, marked_at, reason from calendar_federal_only_mark where region = ? and year = ?")
                .params(region, year)
                .query(this::mark)
                .optional();
    }

    /** @return the mark recorded now, or empty when the region-year was marked already */
    public Optional<Mark> mark(String region, int year, String by, String reason) {
        Instant at = clock.instant();
        int inserted = jdbc.sql("""
                        insert into calendar_federal_only_mark(region, year, marked_by, marked_at, reason) values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(region, year, by, Timestamp.from(at), reason)
                .update();
        return inserted == 0 ? Optional.empty() : Optional.of(new Mark(region, year, by, at, reason));
    }

    public List<Mark> all() {
        return jdbc.sql(
                        "select region, year, marked_by, marked_at, reason from calendar_federal_only_mark order by region, year")
                .query(this::mark)
                .list();
    }

    private Mark mark(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Mark(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5));
    }
}
