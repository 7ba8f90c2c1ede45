package org.touchpoints.register.query.register;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;

/**
 * The register's version as the read models have it: the sequence number of its last event they took. It moves
 * with the rows (same processing group), so the version a client reads is the version of the rows it reads.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class RegisterVersionProjection {
    private final ReadModelJdbc jdbc;

    public RegisterVersionProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegisterEvent e, @SequenceNumber Long sequence) {
        // in a rebuild's batch, one upsert per register: the latest (the version only grows)
        jdbc.updateReplacing(new VersionOf(e.registerId()), """
                        insert into q_register_version(register_id, version) values (?, ?)
                        on conflict (register_id) do update set version = greatest(q_register_version.version, excluded.version)""", e.registerId(), sequence);
    }

    private record VersionOf(String registerId) {}

    @ResetHandler
    void reset() {
        jdbc.update("truncate q_register_version");
    }
}
