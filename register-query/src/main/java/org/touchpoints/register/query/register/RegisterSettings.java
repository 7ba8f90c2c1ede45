package org.touchpoints.register.query.register;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.query.config.ReadModelJdbc;

/**
 * What the projections need to know of a register to place its events in time: its time zone, publication
 * deadline in working days (null: none) and calendar region. {@code RegisterCreated} sets them and no event
 * changes them, so once read they are kept in memory (an event that ever changes them must forget them here).
 */
@Component
public class RegisterSettings {
    public record Settings(ZoneId zone, Integer deadlineWorkingDays, String region) {}

    private final ReadModelJdbc jdbc;
    private final Map<String, Settings> known = new ConcurrentHashMap<>();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    public RegisterSettings(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Settings of(String registerId) {
        Settings settings = known.get(registerId);
        if (settings == null) {
            settings = jdbc.query("select time_zone, deadline_days, region from q_register where register_id = ?")
                    .param(registerId)
                    .query((rs, i) ->
                            new Settings(ZoneId.of(rs.getString(1)), (Integer) rs.getObject(2), rs.getString(3)))
                    .single();
            known.put(registerId, settings);
        }
        return settings;
    }

    /**
     * The settings as the register's creation states them, so its later events need not read them back (in a rebuild,
     * each read sends the batch's deferred writes first). What {@link #of} and {@link #template} would read: the same
     * values, from the same event.
     */
    public void created(RegisterCreated e) {
        known.put(
                e.registerId(), new Settings(ZoneId.of(e.timeZone()), e.publicationDeadlineWorkingDays(), e.region()));
        templates.put(e.registerId(), e.template());
    }

    /** The register's template (which no event changes either). */
    public Template template(String registerId) {
        return templates.computeIfAbsent(
                registerId,
                id -> Template.valueOf(jdbc.query("select template from q_register where register_id = ?")
                        .param(id)
                        .query(String.class)
                        .single()));
    }
}
