package org.touchpoints.register.query.history;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.query.config.Projections;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail: every event of every register, in order, with who, when and the full payload. */
@Component
@ProcessingGroup(Projections.HISTORY)
public class HistoryProjection {
    private final JdbcClient jdbc;
    private final JsonMapper mapper;

    public HistoryProjection(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(RegisterEvent e, @SequenceNumber Long sequence) {
        JsonNode payload = mapper.valueToTree(e);
        JsonNode changeId = payload.get("changeId");
        jdbc.sql("""
                        insert into q_history(register_id, sequence, event, at, by_user, change_id, payload)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict do nothing""")
                .params(e.registerId(), sequence, e.getClass().getSimpleName(), Timestamp.from(e.at()), e.by(),
                        changeId == null || changeId.isNull() ? null : changeId.asString(), mapper.writeValueAsString(payload))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate q_history").update();
    }
}
