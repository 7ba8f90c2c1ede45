package org.touchpoints.register.query.publication;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;

/**
 * Published versions. Whether one was late (a change it covers published after its due date) is not kept here: the
 * due dates are the change projection's, so the query asks them ({@code PublicationQueryController}).
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class PublicationProjection {
    private final ReadModelJdbc jdbc;
    private final Json json;

    public PublicationProjection(ReadModelJdbc jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(Published e) {
        jdbc.update(
                """
                        insert into q_publication(register_id, version, url, published_at, by_user, covered, sha256,
                                                  previous_sha256)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""",
                e.registerId(),
                e.version(),
                e.url(),
                Timestamp.from(e.publishedAt()),
                e.by(),
                json.write(e.coveredChangeIds()),
                e.sha256(),
                e.previousSha256());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate q_publication");
    }
}
