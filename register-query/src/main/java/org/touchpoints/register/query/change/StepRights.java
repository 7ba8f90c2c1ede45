package org.touchpoints.register.query.change;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.StepRules;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.query.register.RegisterReadModel;

/**
 * What the pages need to ask {@link StepRules} about one register: its roles and delegations as the read model holds
 * them, and today in its time zone. The pages decide nothing themselves: they ask the rules the register decides by.
 */
@Component
public class StepRights {
    private final JdbcClient jdbc;
    private final RegisterReadModel registers;
    private final Clock clock;

    public StepRights(JdbcClient jdbc, RegisterReadModel registers, Clock clock) {
        this.jdbc = jdbc;
        this.registers = registers;
        this.clock = clock;
    }

    /** One register's roles, delegations and date. */
    public record Of(
            String registerId, StepRules.Roles roles, List<StepRules.Delegation> delegations, LocalDate today) {

        /** The step a person may take on the change now: approving its pending step (in person or as и.о.). */
        public boolean mayApprove(String actor, ChangeView c) {
            ProcedureStep step = step(c);
            return step != null
                    && StepRules.mayTakeTheStep(
                                    roles, delegations, actor, step, c.division(), c.initiatedBy(), approvers(c), today)
                            .isPresent();
        }

        /** Rejecting at the pending step (also at the approving act's). */
        public boolean mayReject(String actor, ChangeView c) {
            if (awaitsAct(c)) {
                return mayRecordTheAct(actor, c);
            }
            ProcedureStep step = step(c);
            return step != null
                    && StepRules.mayRejectAtTheStep(
                                    roles, delegations, actor, step, c.division(), c.initiatedBy(), today)
                            .isPresent();
        }

        /** Recording the approving act the change awaits. */
        public boolean mayRecordTheAct(String actor, ChangeView c) {
            return awaitsAct(c) && StepRules.mayTakeTheActStep(roles, actor, c.initiatedBy());
        }

        public boolean mayWithdraw(String actor, ChangeView c) {
            return c.pendingStep() != null && StepRules.withdraws(actor, c.initiatedBy());
        }
    }

    /** The approving act is a step of the pages', not of the procedure's chain. */
    private static boolean awaitsAct(ChangeView c) {
        return "APPROVAL_ACT".equals(c.pendingStep());
    }

    public Of of(String registerId) {
        record Grant(String username, MemberRole role, String division) {}
        Set<Grant> grants =
                new HashSet<>(jdbc.sql("select username, role, division_id from q_member where register_id = ?")
                        .param(registerId)
                        .query((rs, i) -> new Grant(
                                rs.getString(1),
                                MemberRole.valueOf(rs.getString(2)),
                                rs.getString(3) == null || rs.getString(3).isEmpty() ? null : rs.getString(3)))
                        .list());
        StepRules.Roles roles = (username, role, division) -> grants.stream()
                .anyMatch(g -> g.username().equals(username)
                        && g.role() == role
                        && (!role.divisional() || Objects.equals(g.division(), division)));
        List<StepRules.Delegation> delegations = jdbc.sql("""
                        select holder, delegate, role, division_id, valid_from, valid_to, revoked_at is not null
                        from q_delegation where register_id = ? order by delegated_at, delegation_id""")
                .param(registerId)
                .query((rs, i) -> new StepRules.Delegation(
                        rs.getString(1),
                        rs.getString(2),
                        MemberRole.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getDate(5).toLocalDate(),
                        rs.getDate(6).toLocalDate(),
                        rs.getBoolean(7)))
                .list();
        LocalDate today = clock.instant()
                .atZone(ZoneId.of(registers.require(registerId).timeZone()))
                .toLocalDate();
        return new Of(registerId, roles, delegations, today);
    }

    private static ProcedureStep step(ChangeView c) {
        if (c.pendingStep() == null || awaitsAct(c)) {
            return null;
        }
        return ProcedureStep.valueOf(c.pendingStep());
    }

    /**
     * Everyone who gave an approval step of the change, in person or through an acting official (the aggregate's
     * four-eyes set), from its timeline.
     */
    static Set<String> approvers(ChangeView c) {
        Set<String> approvers = new HashSet<>();
        if (c.timeline() != null) {
            for (ChangeView.TimelineEntry t : c.timeline()) {
                if (List.of("DivisionApproved", "DeputyApproved", "StepApproved")
                        .contains(t.event())) {
                    approvers.add(t.by());
                    if (t.onBehalfOf() != null) {
                        approvers.add(t.onBehalfOf());
                    }
                }
            }
        }
        return approvers;
    }
}
