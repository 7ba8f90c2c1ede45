package org.touchpoints.register.query.history;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
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
    private final Serializer eventSerializer;

    public HistoryProjection(
            ReadModelJdbc jdbc, JsonMapper mapper, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.eventSerializer = eventSerializer;
    }

    @EventHandler
    void on(RegisterEvent e, @SequenceNumber Long sequence, EventMessage<?> message) {
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
                payload(e, message));
    }

    /**
     * The event's JSON. A command's own event (a subscribing processor, in the command's transaction) was just
     * serialised by the event store's serializer for its row, and the message keeps that form: it is taken as it is
     * (the same JSON the event is stored as) instead of writing the event again. An event read back from the store
     * (a streaming processor, a rebuild) is written by the application's mapper, as before.
     */
    private String payload(RegisterEvent e, EventMessage<?> message) {
        if (message instanceof TrackedEventMessage) {
            return mapper.writeValueAsString(e);
        }
        return message.serializePayload(eventSerializer, String.class).getData();
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
