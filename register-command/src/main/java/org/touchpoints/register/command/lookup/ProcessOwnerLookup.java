package org.touchpoints.register.command.lookup;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.register.DivisionDefined;
import org.touchpoints.register.api.row.Identity;

/**
 * The command side's index of the divisions defined for each process (000 §2.6, 003 §2.3: several may run one where the
 * procedure says so). It runs with {@link ChangeLookup}, in the transaction that appends {@code DivisionDefined}, so the
 * importer sees every division defined before it. The register aggregate keeps deciding; this only lets the importer
 * warn about rows it will leave without a division.
 */
@Component
@ProcessingGroup(ChangeLookup.GROUP)
public class ProcessOwnerLookup {
    private final JdbcClient jdbc;

    public ProcessOwnerLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DivisionDefined e) {
        for (String process : e.processes()) {
            jdbc.sql("""
                            insert into process_owner_lookup(register_id, process_key, division_id, division)
                            values (?, ?, ?, ?)
                            on conflict (register_id, md5(process_key), division_id) do update set division = excluded.division""")
                    .params(e.registerId(), Identity.name(process), e.divisionId(), e.name())
                    .update();
        }
        // a renamed division keeps its processes under its new name
        jdbc.sql("update process_owner_lookup set division = ? where register_id = ? and division_id = ?")
                .params(e.name(), e.registerId(), e.divisionId())
                .update();
    }

    /** The names of the divisions defined for the process in the register (empty: none). */
    public List<String> ownersOf(String registerId, String process) {
        return jdbc.sql("""
                        select division from process_owner_lookup
                        where register_id = ? and md5(process_key) = md5(?) order by division_id""")
                .params(registerId, Identity.name(process))
                .query(String.class)
                .list();
    }
}
