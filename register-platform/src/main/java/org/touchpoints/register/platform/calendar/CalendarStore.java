package org.touchpoints.register.platform.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calendar years uploaded at run time ({@code calendar_file}, owned by the platform): written by the instance that
 * took the upload, read by every instance of both sides. Not a read model: a rebuild keeps it. Uploads win over the
 * bundled years and the external directory's files of the same year.
 */
@Repository
public class CalendarStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    public CalendarStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(CalendarYear year, String json) {
        jdbc.sql("""
                        insert into calendar_file(region, year, json, fingerprint, loaded_at) values (?, ?, ?, ?, ?)
                        on conflict (region, year) do update
                        set json = excluded.json, fingerprint = excluded.fingerprint, loaded_at = excluded.loaded_at""")
                .params(
                        year.region() == null ? "" : year.region(),
                        year.year(),
                        json,
                        year.fingerprint(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** What the table holds, in short: changes whenever a year is added or replaced. */
    String stamp() {
        return jdbc.sql(
                        "select count(*) || '/' || coalesce(string_agg(fingerprint, ',' order by region, year), '') from calendar_file")
                .query(String.class)
                .single();
    }

    /** The uploaded files, federal years first (an overlay is checked against its federal year). */
    List<String> files() {
        return jdbc.sql("select json from calendar_file order by region <> '', region, year")
                .query(String.class)
                .list();
    }
}
