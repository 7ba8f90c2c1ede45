package org.touchpoints.register.query.register;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.DivisionDefined;
import org.touchpoints.register.api.register.MemberAssigned;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.register.RowImported;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;

/** The current register: its settings, divisions, members and rows in entry order. */
@Component
@ProcessingGroup(Projections.GROUP)
public class RegisterProjection {
    private final ReadModelJdbc jdbc;
    private final Json json;

    public RegisterProjection(ReadModelJdbc jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(RegisterCreated e) {
        jdbc.update("""
                        insert into q_register(register_id, authority, time_zone, deadline_days, template, region,
                                               created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                        e.registerId(), e.authority(), e.timeZone(), e.publicationDeadlineWorkingDays(),
                        e.template().name(), e.region(), Timestamp.from(e.at()));
    }

    @EventHandler
    void on(DivisionDefined e) {
        jdbc.update("""
                        insert into q_division(register_id, division_id, name) values (?, ?, ?)
                        on conflict (register_id, division_id) do update set name = excluded.name""",
                        e.registerId(), e.divisionId(), e.name());
        for (String process : e.processes()) {
            jdbc.update("""
                            insert into q_division_process(register_id, process_key, process, division_id) values (?, ?, ?, ?)
                            on conflict (register_id, md5(process_key)) do update set process = excluded.process,
                                                                                 division_id = excluded.division_id""",
                    e.registerId(), Text.key(process), process, e.divisionId());
        }
    }

    @EventHandler
    void on(MemberAssigned e) {
        jdbc.update("""
                        insert into q_member(register_id, username, role, division_id) values (?, ?, ?, ?)
                        on conflict do nothing""",
                        e.registerId(), e.username(), e.role().name(), e.divisionId() == null ? "" : e.divisionId());
    }

    @EventHandler
    void on(RowImported e) {
        insertRow(e.registerId(), e.rowId(), e.row());
    }

    /** The row changes only on final approval; the proposal is read from the change's read model. */
    @EventHandler
    void on(DeputyApproved e) {
        var change = jdbc.query("select kind, row_id, after_row, division from q_change where change_id = ?").param(e.changeId())
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).single();
        ChangeKind kind = ChangeKind.valueOf((String) change[0]);
        String rowId = (String) change[1];
        if (kind != ChangeKind.REMOVE && change[3] != null) {
            // a process new to the register is owned, from now on, by the division that added it
            String process = json.read((String) change[2], RowContent.class).process();
            jdbc.update("""
                            insert into q_division_process(register_id, process_key, process, division_id) values (?, ?, ?, ?)
                            on conflict do nothing""",
                    e.registerId(), Text.key(process), process, change[3]);
        }
        switch (kind) {
            case ADD -> insertRow(e.registerId(), rowId, json.read((String) change[2], RowContent.class));
            case EDIT -> jdbc.update("update q_row set content = cast(? as jsonb) where register_id = ? and row_id = ?",
                    change[2], e.registerId(), rowId);
            case REMOVE -> jdbc.update("delete from q_row where register_id = ? and row_id = ?", e.registerId(), rowId);
        }
    }

    @EventHandler
    void on(Published e) {
        jdbc.update("update q_register set published_version = ? where register_id = ?", e.version(), e.registerId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate q_register, q_division, q_division_process, q_member, q_row");
    }

    private void insertRow(String registerId, String rowId, RowContent row) {
        jdbc.update("""
                        insert into q_row(register_id, row_id, entry_no, content)
                        values (?, ?, nextval('q_row_entry_seq'), cast(? as jsonb))""",
                        registerId, rowId, json.write(row));
    }
}
