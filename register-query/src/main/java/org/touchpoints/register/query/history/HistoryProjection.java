package org.touchpoints.register.query.history;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;

/**
 * The audit trail: every event of every register, in order, with who, when and the full payload. The payload is the
 * event's JSON as the event store holds it (after any upcasting): the event serializer's own form, which a message
 * read from the store gives back without writing it again ({@link EventMessage#serializePayload}: a message
 * deserialised by the same serializer returns its serialized payload); a message not read from the store (a
 * subscribing processor's) is serialised by that same serializer, so the JSON is the same either way.
 */
@Component
@ProcessingGroup(Projections.HISTORY)
public class HistoryProjection {
    private final ReadModelJdbc jdbc;
    private final Serializer serializer;

    public HistoryProjection(ReadModelJdbc jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
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
                message.serializePayload(serializer, String.class).getData());
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
