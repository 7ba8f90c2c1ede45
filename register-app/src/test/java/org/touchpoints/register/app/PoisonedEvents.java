package org.touchpoints.register.app;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.touchpoints.register.api.publication.Published;

/**
 * Events an older release could have stored, written straight into the event store table ({@code domain_event_entry})
 * as the application's own serializer writes them: no rule of today's aggregate stands in the way.
 */
public final class PoisonedEvents {
    /** A first publication dated at the very start of {@link Instant}'s range: no read model can put it in a zone. */
    public static final Instant START_OF_TIME = Instant.parse("-1000000000-01-01T00:00:00Z");

    private PoisonedEvents() {}

    /**
     * Appends to the register's stream a {@link Published} of version 1 at {@link #START_OF_TIME} and returns the
     * event's identifier. The register's cached aggregate is dropped, so the next command reads the stream again.
     */
    public static String storePublicationAtTheStartOfTime(
            JdbcClient jdbc, Serializer serializer, Cache registers, String registerId, Instant at) {
        Published poison = new Published(
                registerId,
                1,
                "https://example.gov.ru/old-release",
                START_OF_TIME,
                List.of(),
                "0".repeat(64),
                null,
                null,
                "publisher",
                at);
        return store(jdbc, serializer, registers, registerId, poison, at);
    }

    public static String store(
            JdbcClient jdbc, Serializer serializer, Cache registers, String registerId, Object payload, Instant at) {
        String type = jdbc.sql(
                        "select type from domain_event_entry where aggregate_identifier = ? order by sequence_number limit 1")
                .param(registerId)
                .query(String.class)
                .single();
        long next = jdbc.sql("select max(sequence_number) + 1 from domain_event_entry where aggregate_identifier = ?")
                .param(registerId)
                .query(Long.class)
                .single();
        SerializedObject<byte[]> body = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> meta = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        String eventId = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into domain_event_entry(aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                                       payload, payload_revision, payload_type, time_stamp)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        registerId,
                        next,
                        type,
                        eventId,
                        meta.getData(),
                        body.getData(),
                        body.getType().getRevision(),
                        body.getType().getName(),
                        DateTimeFormatter.ISO_INSTANT.format(at))
                .update();
        registers.remove(registerId);
        return eventId;
    }
}
