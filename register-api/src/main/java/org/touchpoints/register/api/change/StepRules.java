package org.touchpoints.register.api.change;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.touchpoints.register.api.procedure.Initiator;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.register.MemberRole;

/**
 * Who may take which step of a change: the predicates the register aggregate decides by (it refuses, naming the rule,
 * when one says no) and the pages ask (to show the inbox entry, the task and the button only to whom the register will
 * accept them from). Pure functions over value types; one home, no copies.
 */
public final class StepRules {
    private StepRules() {}

    /** The roles held in one register: who holds {@code role}, in {@code divisionId} for a division role. */
    @FunctionalInterface
    public interface Roles {
        boolean holds(String username, MemberRole role, String divisionId);
    }

    /** One delegation of an approval right to an acting official (и.о., врио), as recorded, with its revocation. */
    public record Delegation(
            String holder,
            String delegate,
            MemberRole role,
            String divisionId,
            LocalDate validFrom,
            LocalDate validTo,
            boolean revoked) {
        /** Whether it gives {@code actor} the right {@code role} (in {@code divisionId}) on {@code date}. */
        public boolean gives(String actor, MemberRole role, String divisionId, LocalDate date) {
            return names(actor, role, divisionId) && !date.isBefore(validFrom) && !date.isAfter(validTo);
        }

        /** Whether it names {@code actor} the delegate of {@code role} (in {@code divisionId}), whatever its period. */
        public boolean names(String actor, MemberRole role, String divisionId) {
            return !revoked
                    && delegate.equals(actor)
                    && this.role == role
                    && (!role.divisional() || Objects.equals(this.divisionId, divisionId));
        }
    }

    /**
     * The holder whose right {@code role} (in {@code divisionId}) {@code actor} exercises on {@code date} as an acting
     * official: a delegation in force gives it, and its holder still holds the right (a delegation ends with the role).
     */
    public static Optional<String> holderActingFor(
            Roles roles,
            Collection<Delegation> delegations,
            String actor,
            MemberRole role,
            String divisionId,
            LocalDate date) {
        return delegations.stream()
                .filter(d -> d.gives(actor, role, divisionId, date))
                .map(Delegation::holder)
                .filter(holder -> roles.holds(holder, role, divisionId))
                .findFirst();
    }

    /** Whose right an actor exercises at a step: {@code onBehalfOf} null when their own, else the holder's. */
    public record Right(String onBehalfOf) {
        public boolean inPerson() {
            return onBehalfOf == null;
        }
    }

    /**
     * {@code onlyTheHolderOfTheStepApproves}: the actor holds the step's role (the head of the change's own division
     * for {@link ProcedureStep#DIVISION_HEAD}, the register-wide role for the others), or acts today for its holder.
     * Empty when neither.
     */
    public static Optional<Right> holdsTheStep(
            Roles roles,
            Collection<Delegation> delegations,
            String actor,
            ProcedureStep step,
            String changeDivision,
            LocalDate today) {
        MemberRole role = step.role();
        String division = role.divisional() ? changeDivision : null;
        if (actor == null || role.divisional() && division == null) {
            return Optional.empty();
        }
        if (roles.holds(actor, role, division)) {
            return Optional.of(new Right(null));
        }
        return holderActingFor(roles, delegations, actor, role, division, today).map(Right::new);
    }

    /** {@code nobodyApprovesTheirOwnChange}: whether {@code actor} initiated the change (then they neither approve nor reject it). */
    public static boolean initiatedIt(String actor, String initiatedBy) {
        return Objects.equals(actor, initiatedBy);
    }

    /** {@code nobodyApprovesOnBehalfOfTheInitiator}: whether the right exercised is the initiator's own. */
    public static boolean onBehalfOfTheInitiator(Right right, String initiatedBy) {
        return right != null && right.onBehalfOf() != null && right.onBehalfOf().equals(initiatedBy);
    }

    /**
     * {@code onePersonOneApprovalStep}: whether {@code person} (the actor, or the holder they act for) already gave a
     * step of the change — {@code approvers} are everyone who gave one, in person or through an acting official.
     */
    public static boolean gaveAStepAlready(Set<String> approvers, String person) {
        return person != null && approvers.contains(person);
    }

    /** {@code onlyActHoldersRecordActs}: a DEPUTY, RESPONSIBLE or HEAD_OF_AUTHORITY of the register, in person. */
    public static boolean recordsActs(Roles roles, String actor) {
        return roles.holds(actor, MemberRole.DEPUTY, null)
                || roles.holds(actor, MemberRole.RESPONSIBLE, null)
                || roles.holds(actor, MemberRole.HEAD_OF_AUTHORITY, null);
    }

    /** Whether the actor proposes as the register's responsible person, which the procedure lets initiate (002 §3.2–3.3). */
    public static boolean initiatesAsResponsiblePerson(Procedure procedure, Roles roles, String actor) {
        return procedure.initiators().contains(Initiator.RESPONSIBLE)
                && roles.holds(actor, MemberRole.RESPONSIBLE, null);
    }

    /** {@code onlyMembersOfTheOwningDivisionInitiate}: a specialist of the division that owns the process. */
    public static boolean specialistOfTheDivision(Roles roles, String actor, String division) {
        return roles.holds(actor, MemberRole.SPECIALIST, division);
    }

    /**
     * Whether the actor may propose a change of a row of {@code division}: as the responsible person where the
     * procedure lets them, or as a specialist of the division where the procedure lets divisions propose
     * ({@code onlyTheProcedureInitiatorsInitiate}, {@code onlyMembersOfTheOwningDivisionInitiate}).
     */
    public static boolean mayInitiateIn(Procedure procedure, Roles roles, String actor, String division) {
        return initiatesAsResponsiblePerson(procedure, roles, actor)
                || procedure.initiators().contains(Initiator.DIVISION)
                        && specialistOfTheDivision(roles, actor, division);
    }

    /** {@code onlyTheInitiatorWithdraws}. */
    public static boolean withdraws(String actor, String initiatedBy) {
        return actor != null && Objects.equals(actor, initiatedBy);
    }

    /**
     * Everything the register checks of the person before it accepts their rejection of the step a change awaits: they
     * hold it or act for its holder today, did not initiate the change and do not act for its initiator. The right
     * they would exercise, or empty.
     */
    public static Optional<Right> mayRejectAtTheStep(
            Roles roles,
            Collection<Delegation> delegations,
            String actor,
            ProcedureStep step,
            String changeDivision,
            String initiatedBy,
            LocalDate today) {
        return holdsTheStep(roles, delegations, actor, step, changeDivision, today)
                .filter(right -> !initiatedIt(actor, initiatedBy))
                .filter(right -> !onBehalfOfTheInitiator(right, initiatedBy));
    }

    /**
     * Everything the register checks of the person before it accepts their approval of the step a change awaits: what
     * {@link #mayRejectAtTheStep} checks, and that neither they nor the holder they act for gave an earlier step (four
     * eyes). The right they would exercise, or empty.
     */
    public static Optional<Right> mayTakeTheStep(
            Roles roles,
            Collection<Delegation> delegations,
            String actor,
            ProcedureStep step,
            String changeDivision,
            String initiatedBy,
            Set<String> approvers,
            LocalDate today) {
        return mayRejectAtTheStep(roles, delegations, actor, step, changeDivision, initiatedBy, today)
                .filter(right ->
                        !gaveAStepAlready(approvers, actor) && !gaveAStepAlready(approvers, right.onBehalfOf()));
    }

    /** Whether the person may record the approving act a change awaits (and so reject it at that step). */
    public static boolean mayTakeTheActStep(Roles roles, String actor, String initiatedBy) {
        return recordsActs(roles, actor) && !initiatedIt(actor, initiatedBy);
    }
}
