package org.touchpoints.register.query.history;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail: every event of every register, in order, with who, when and the full payload. */
@Component
@ProcessingGroup(Projections.HISTORY)
public class HistoryProjection {
    private final ReadModelJdbc jdbc;
    private final JsonMapper mapper;

    public HistoryProjection(ReadModelJdbc jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(RegisterEvent e, @SequenceNumber Long sequence) {
        jdbc.update(
                """
                        insert into q_history(register_id, sequence, event, at, by_user, change_id, payload)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict do nothing""",
                e.registerId(),
                sequence,
                e.getClass().getSimpleName(),
                Timestamp.from(e.at()),
                e.by(),
                changeIdOf(e),
                mapper.writeValueAsString(e));
    }

    /** The {@code changeId} of the events that concern one change (a record component of that name), else null. */
    private static String changeIdOf(RegisterEvent e) {
        Method accessor = CHANGE_ID.get(e.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            return (String) accessor.invoke(e);
        } catch (ReflectiveOperationException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private static final ClassValue<Method> CHANGE_ID = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("changeId") && c.getType() == String.class) {
                    return c.getAccessor();
                }
            }
            return null;
        }
    };

    @ResetHandler
    void reset() {
        jdbc.update("truncate q_history");
    }
}
