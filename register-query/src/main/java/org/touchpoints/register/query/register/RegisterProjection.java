package org.touchpoints.register.query.register;

import java.sql.Timestamp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.ChangeApproved;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.RowChange;
import org.touchpoints.register.api.procedure.ProcedureChanged;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.DivisionDefined;
import org.touchpoints.register.api.register.MemberAssigned;
import org.touchpoints.register.api.register.MemberRevoked;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.register.RowImported;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;

/** The current register: its settings, divisions, members and rows in entry order. */
@Component
@ProcessingGroup(Projections.GROUP)
public class RegisterProjection {
    /** Proposals kept for their approval, at most (the changes in flight of a deployment are far fewer). */
    static final int PROPOSALS = 20_000;

    private record DivisionOf(String registerId, String divisionId) {}

    private record DivisionProcess(String registerId, String processKey, String divisionId) {}

    private record Proposal(ChangeKind kind, String rowId, RowContent row, String division) {}

    /** The rows a change proposes: one for a single-row change, every operation of a package. */
    private record Proposals(List<Proposal> rows) {}

    private final ReadModelJdbc jdbc;
    private final Json json;
    private final RegisterSettings registers;
    /**
     * The proposals of changes in flight, from their {@code ChangeInitiated}, so the final approval need not read
     * them back from this projection's {@code q_register_proposal} (which it still does for any proposal not here:
     * after a restart, or on another node). A proposal never changes, so a kept one is always right.
     */
    private final Map<String, Proposals> proposals = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Proposals> eldest) {
            return size() > PROPOSALS;
        }
    });

    public RegisterProjection(ReadModelJdbc jdbc, Json json, RegisterSettings registers) {
        this.jdbc = jdbc;
        this.json = json;
        this.registers = registers;
    }

    @EventHandler
    void on(RegisterCreated e) {
        jdbc.update(
                """
                        insert into q_register(register_id, authority, time_zone, deadline_days, template, region,
                                               created_at, procedure)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""",
                e.registerId(),
                e.authority(),
                e.timeZone(),
                e.publicationDeadlineWorkingDays(),
                e.template().name(),
                e.region(),
                Timestamp.from(e.at()),
                json.write(e.procedure()));
        registers.created(e);
    }

    /**
     * The register's procedure from now on. {@code deadline_days} stays the register's first deadline: the changes of
     * today's procedure (whose events name no chain) count by it; every other change carries its own.
     */
    @EventHandler
    void on(ProcedureChanged e) {
        jdbc.update(
                "update q_register set procedure = cast(? as jsonb) where register_id = ?",
                json.write(e.procedure()),
                e.registerId());
    }

    /**
     * A division defined again (renamed, its processes listed anew) replaces, in a rebuild's batch, its upserts there not
     * yet sent ({@link ReadModelJdbc#updateReplacing}: the last one wins either way), so a run of them never names one
     * row twice (the driver sends a run of inserts as one multi-row insert, where an upsert may not update a row twice).
     */
    @EventHandler
    void on(DivisionDefined e) {
        jdbc.updateReplacing(
                new DivisionOf(e.registerId(), e.divisionId()), """
                        insert into q_division(register_id, division_id, name) values (?, ?, ?)
                        on conflict (register_id, division_id) do update set name = excluded.name""", e.registerId(), e.divisionId(), e.name());
        for (String process : e.processes()) {
            jdbc.updateReplacing(
                    new DivisionProcess(e.registerId(), Identity.name(process), e.divisionId()),
                    """
                            insert into q_division_process(register_id, process_key, process, division_id) values (?, ?, ?, ?)
                            on conflict (register_id, md5(process_key), division_id) do update set process = excluded.process""",
                    e.registerId(),
                    Identity.name(process),
                    process,
                    e.divisionId());
        }
    }

    @EventHandler
    void on(MemberAssigned e) {
        jdbc.update("""
                        insert into q_member(register_id, username, role, division_id) values (?, ?, ?, ?)
                        on conflict do nothing""", e.registerId(), e.username(), e.role().name(), e.divisionId() == null ? "" : e.divisionId());
    }

    @EventHandler
    void on(MemberRevoked e) {
        jdbc.update(
                "delete from q_member where register_id = ? and username = ? and role = ? and division_id = ?",
                e.registerId(),
                e.username(),
                e.role().name(),
                e.divisionId() == null ? "" : e.divisionId());
    }

    @EventHandler
    void on(RowImported e) {
        insertRow(e.registerId(), e.rowId(), e.row());
        if (e.groupNo() != null) {
            Template template = registers.template(e.registerId());
            jdbc.update("""
                            insert into q_group_number(register_id, group_key, group_no) values (?, ?, ?)
                            on conflict do nothing""", e.registerId(), RegisterLayout.groupKey(template, e.row()), e.groupNo());
        }
    }

    /**
     * The rows the change proposes, kept in this projection's own table until the change is approved (then applied),
     * rejected or withdrawn: the register never reads the change read model, another projection's.
     */
    @EventHandler
    void on(ChangeInitiated e) {
        jdbc.updateRow(
                e.changeId(),
                """
                        insert into q_register_proposal(change_id, register_id, kind, row_id, after_row, division, operations)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb))""",
                e.changeId(),
                e.registerId(),
                e.kind().name(),
                e.rowId(),
                json.write(e.after()),
                e.division(),
                json.write(e.operations()));
        proposals.put(
                e.changeId(),
                new Proposals(e.rowChanges().stream()
                        .map(op -> new Proposal(op.kind(), op.rowId(), op.after(), division(e, op.after())))
                        .toList()));
    }

    /** The row changes only on final approval, as the change proposed. */
    @EventHandler
    void on(DeputyApproved e) {
        approved(e.registerId(), e.changeId());
    }

    @EventHandler
    void on(ChangeApproved e) {
        approved(e.registerId(), e.changeId());
    }

    /**
     * The division that owns a proposed row's new process: the change's (a package of several divisions, possible only
     * without the division head's step, records each row's own).
     */
    private static String division(ChangeInitiated e, RowContent after) {
        return e.severalRows() && after != null && after.division() != null ? after.division() : e.division();
    }

    /** Every row of the approved change enters the register at once. */
    private void approved(String registerId, String changeId) {
        Proposals proposed = proposals.remove(changeId);
        if (proposed == null) {
            proposed = jdbc.query("""
                            select kind, row_id, after_row, division, operations from q_register_proposal
                            where change_id = ?""")
                    .param(changeId)
                    .query((rs, i) -> {
                        String division = rs.getString(4);
                        return rs.getString(5) == null
                                ? new Proposals(List.of(new Proposal(
                                        ChangeKind.valueOf(rs.getString(1)),
                                        rs.getString(2),
                                        json.read(rs.getString(3), RowContent.class),
                                        division)))
                                : new Proposals(java.util.Arrays.stream(json.read(rs.getString(5), RowChange[].class))
                                        .map(op -> new Proposal(
                                                op.kind(),
                                                op.rowId(),
                                                op.after(),
                                                op.after() != null && op.after().division() != null
                                                        ? op.after().division()
                                                        : division))
                                        .toList());
                    })
                    .single();
        }
        for (Proposal p : proposed.rows()) {
            apply(registerId, p);
        }
        forget(changeId);
    }

    /** The change is decided: its proposal is applied or dropped, and kept no longer. */
    private void forget(String changeId) {
        proposals.remove(changeId);
        jdbc.updateRow(changeId, "delete from q_register_proposal where change_id = ?", changeId);
    }

    private void apply(String registerId, Proposal p) {
        if (p.kind() != ChangeKind.REMOVE && p.division() != null) {
            // a process new to the register is owned, from now on, by the division that added it (an owned one keeps
            // its owners: several divisions own a process only by their definitions)
            String key = Identity.name(p.row().process());
            jdbc.update("""
                            insert into q_division_process(register_id, process_key, process, division_id)
                            select ?, ?, ?, ? where not exists (
                                select 1 from q_division_process where register_id = ? and md5(process_key) = md5(?))
                            on conflict do nothing""", registerId, key, p.row().process(), p.division(), registerId, key);
        }
        switch (p.kind()) {
            case ADD -> insertRow(registerId, p.rowId(), p.row());
            case EDIT ->
                jdbc.update(
                        "update q_row set content = cast(? as jsonb) where register_id = ? and row_id = ?",
                        json.write(p.row()),
                        registerId,
                        p.rowId());
            case REMOVE -> jdbc.update("delete from q_row where register_id = ? and row_id = ?", registerId, p.rowId());
            case PACKAGE -> throw new IllegalStateException("An operation is ADD, EDIT or REMOVE");
        }
    }

    @EventHandler
    void on(ChangeRejected e) {
        forget(e.changeId());
    }

    @EventHandler
    void on(ChangeWithdrawn e) {
        forget(e.changeId());
    }

    @EventHandler
    void on(Published e) {
        jdbc.update("update q_register set published_version = ? where register_id = ?", e.version(), e.registerId());
    }

    @ResetHandler
    void reset() {
        proposals.clear();
        jdbc.update("truncate q_register, q_division, q_division_process, q_member, q_row, q_register_proposal");
    }

    private void insertRow(String registerId, String rowId, RowContent row) {
        // entry_no: the column's default, the next of q_row_entry_seq (a rebuild's runs of these go as COPY)
        jdbc.update("""
                        insert into q_row(register_id, row_id, content)
                        values (?, ?, cast(? as jsonb))""", registerId, rowId, json.write(row));
    }
}
