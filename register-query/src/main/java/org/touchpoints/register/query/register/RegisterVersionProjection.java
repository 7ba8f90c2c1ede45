package org.touchpoints.register.query.register;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;
import org.touchpoints.register.query.config.TransactionState;
import org.touchpoints.register.query.deadletter.EventSavepoints;

/**
 * The register's version as the read models have it: the sequence number of its last event they took. It moves
 * with the rows (same processing group), so the version a client reads is the version of the rows it reads.
 *
 * <p>Written once per register and transaction, just before the commit: the newest version the transaction's events
 * gave it. Writing it for every event made an import quadratic — PostgreSQL follows one more row version of the same
 * row, left by the same transaction, with every update (5,000 rows: 6.6 of the import's 7 s in the database). An event
 * whose writes are rolled back because it is parked takes its version back with them ({@link EventSavepoints#onUndo}).
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
        if (!TransactionState.active()) {
            writeAll(Map.of(e.registerId(), sequence));
            return;
        }
        Map<String, Long> versions = TransactionState.of(this, HashMap::new, this::writeAll);
        String register = e.registerId();
        Long before = versions.get(register);
        if (before == null || before < sequence) {
            versions.put(register, sequence);
            EventSavepoints.onUndo(() -> {
                if (before == null) {
                    versions.remove(register);
                } else {
                    versions.put(register, before);
                }
            });
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate q_register_version");
    }

    /**
     * Several registers' versions in one statement (a rebuild's batch of 1,000 events names hundreds of registers: one
     * round trip instead of one each); the registers are distinct, so the upsert updates no row twice.
     */
    private void writeAll(Map<String, Long> versions) {
        if (versions.isEmpty()) {
            return;
        }
        String[] registers = new String[versions.size()];
        Long[] numbers = new Long[versions.size()];
        int i = 0;
        for (Map.Entry<String, Long> version : versions.entrySet()) {
            registers[i] = version.getKey();
            numbers[i++] = version.getValue();
        }
        jdbc.update("""
                        insert into q_register_version(register_id, version)
                        select * from unnest(cast(? as varchar[]), cast(? as bigint[]))
                        on conflict (register_id) do update set version = greatest(q_register_version.version, excluded.version)""", registers, numbers);
    }
}
