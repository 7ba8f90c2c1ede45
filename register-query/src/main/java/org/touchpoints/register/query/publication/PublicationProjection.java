package org.touchpoints.register.query.publication;

import java.sql.Timestamp;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;
import org.touchpoints.register.query.register.RegisterSettings;

/** Published versions, each marked late when any change it covers was published after its due date. */
@Component
@ProcessingGroup(Projections.GROUP)
public class PublicationProjection {
    private final ReadModelJdbc jdbc;
    private final Json json;
    private final RegisterSettings registers;

    public PublicationProjection(ReadModelJdbc jdbc, Json json, RegisterSettings registers) {
        this.jdbc = jdbc;
        this.json = json;
        this.registers = registers;
    }

    @EventHandler
    void on(Published e) {
        LocalDate publishedOn = e.publishedAt().atZone(registers.of(e.registerId()).zone()).toLocalDate();
        // looked up by key, change by change: the covered changes are a few among all the deployment's
        boolean late = !e.coveredChangeIds().isEmpty() && jdbc.query("""
                        select count(*) from q_change where change_id = any(cast(? as varchar[])) and due_date < ?""")
                .params(e.coveredChangeIds().toArray(String[]::new), java.sql.Date.valueOf(publishedOn))
                .query(Long.class).single() > 0;
        jdbc.update("""
                        insert into q_publication(register_id, version, url, published_at, by_user, covered, sha256,
                                                  previous_sha256, late)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""",
                        e.registerId(), e.version(), e.url(), Timestamp.from(e.publishedAt()), e.by(),
                        json.write(e.coveredChangeIds()), e.sha256(), e.previousSha256(), late);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate q_publication");
    }
}
