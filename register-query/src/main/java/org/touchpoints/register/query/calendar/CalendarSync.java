package org.touchpoints.register.query.calendar;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.touchpoints.register.platform.calendar.ProductionCalendar;

/**
 * A calendar upload reaches every query replica, not only the one that took it: each upload is also recorded in
 * {@code calendar_upload}, and every replica loads the uploads it has not loaded yet, in order, at start and every
 * {@code register.calendar.sync-interval} (10 s). A replica that loads another's upload writes it to its own
 * calendar directory too (when it has one), so the year survives its restart even without a shared volume. The
 * due dates refused for want of that year were recounted by the replica that took the upload (the read models are
 * shared).
 */
@Component
public class CalendarSync {
    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);

    private final JdbcClient jdbc;
    private final ProductionCalendar calendar;
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();
    private long loadedUpTo;

    public CalendarSync(JdbcClient jdbc, ProductionCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @PostConstruct
    void atStart() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Calendar uploads of the other replicas not loaded at start; the next poll tries again", e);
        }
    }

    /** Records an upload this replica has just loaded. */
    void uploaded(String json) {
        try {
            mine.add(jdbc.sql("insert into calendar_upload(json) values (?) returning seq").param(json).query(Long.class).single());
        } catch (RuntimeException e) { // loaded here and saved in the directory: only the other replicas miss it
            log.warn("Calendar upload not recorded for the other query replicas (restart them to load it)", e);
        }
    }

    /** Loads the uploads of other replicas not loaded yet; returns how many. */
    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${register.calendar.sync-interval:PT10S}")
    public synchronized int poll() {
        record Upload(long seq, String json) {
        }
        List<Upload> uploads = jdbc.sql("select seq, json from calendar_upload where seq > ? order by seq")
                .param(loadedUpTo).query((rs, n) -> new Upload(rs.getLong(1), rs.getString(2))).list();
        int loaded = 0;
        for (Upload upload : uploads) {
            loadedUpTo = upload.seq();
            if (mine.remove(upload.seq())) {
                continue;
            }
            try {
                calendar.load(upload.json());
                loaded++;
            } catch (RuntimeException e) { // it was checked when uploaded; a replica that cannot take it says why
                log.warn("Calendar upload {} could not be loaded here", upload.seq(), e);
            }
        }
        return loaded;
    }
}
