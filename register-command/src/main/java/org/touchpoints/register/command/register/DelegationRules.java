package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Violations.conflict;
import static org.touchpoints.register.command.register.Violations.forbidden;
import static org.touchpoints.register.command.register.Violations.notFound;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.touchpoints.register.api.Ids;
import org.touchpoints.register.api.delegation.ApprovalRightDelegated;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.rule.FieldError;

/**
 * Rules of acting officials (исполняющий обязанности, врио): a division head or the deputy hands their approval
 * right to a named person for a period. Separation of duties still holds for the acting official
 * ({@link ChangeRules#nobodyApprovesTheirOwnChange}).
 */
final class DelegationRules {
    static final Pattern ID = Pattern.compile(Ids.ID);

    private DelegationRules() {}

    /** delegationIsDescribed: an id, the delegate, the right, both dates of the period, a short comment. */
    static List<FieldError> delegationIsDescribed(
            String delegationId,
            String delegate,
            MemberRole role,
            LocalDate validFrom,
            LocalDate validTo,
            String comment) {
        List<FieldError> errors = new ArrayList<>();
        if (delegationId == null || !ID.matcher(delegationId).matches()) {
            errors.add(
                    new FieldError("delegationId", "Идентификатор: латинские буквы, цифры, «-» и «_», до 64 символов"));
        }
        InputText.check(errors, "delegate", "Исполняющий обязанности", delegate, true, 64);
        if (role == null) {
            errors.add(
                    new FieldError("role", "Укажите передаваемое право: HEAD (руководитель подразделения) или DEPUTY"));
        }
        if (validFrom == null) {
            errors.add(new FieldError("validFrom", "Укажите дату начала исполнения обязанностей"));
        }
        if (validTo == null) {
            errors.add(new FieldError("validTo", "Укажите дату окончания исполнения обязанностей"));
        }
        InputText.check(errors, "comment", "Комментарий", comment, false, 2000);
        return errors;
    }

    /** Only approval rights are delegated: a division head's (HEAD) or the deputy's (DEPUTY). */
    static void onlyApprovalRightsAreDelegated(MemberRole role) {
        if (role != MemberRole.HEAD
                && role != MemberRole.DEPUTY
                && role != MemberRole.RESPONSIBLE
                && role != MemberRole.HEAD_OF_AUTHORITY) {
            throw Violations.invalid(
                    "onlyApprovalRightsAreDelegated",
                    "Передаётся только право согласования: "
                            + "руководителя подразделения (HEAD), заместителя руководителя (DEPUTY), ответственного лица "
                            + "(RESPONSIBLE) или руководителя органа (HEAD_OF_AUTHORITY)",
                    List.of(new FieldError(
                            "role", "Передаётся только право HEAD, DEPUTY, RESPONSIBLE или HEAD_OF_AUTHORITY")));
        }
    }

    /** An acting official exercises the right, but cannot hand it on: only the holder in their own right delegates. */
    static void delegateCannotRedelegate(
            Membership members, Delegations delegations, String holder, MemberRole role, String divisionId) {
        if (!members.holds(holder, role, divisionId) && delegations.namesDelegate(holder, role, divisionId)) {
            throw forbidden(
                    "delegateCannotRedelegate",
                    "Исполняющий обязанности не может передать право согласования дальше: его передаёт только сам руководитель");
        }
    }

    /** Only the holder of the right delegates it (or an administrator records the holder's delegation). */
    static void onlyTheHolderDelegates(
            Membership members,
            String holder,
            String actor,
            boolean byAdministrator,
            MemberRole role,
            String divisionId) {
        if (!holder.equals(actor) && !byAdministrator) {
            throw forbidden(
                    "onlyTheHolderDelegates",
                    "Передать право согласования может только сам руководитель или администратор");
        }
        if (!members.holds(holder, role, divisionId)) {
            throw forbidden(
                    "onlyTheHolderDelegates",
                    "У «" + holder + "» нет права "
                            + (role == MemberRole.HEAD
                                    ? "руководителя подразделения «" + divisionId + "»"
                                    : "заместителя руководителя")
                            + ", чтобы его передать");
        }
    }

    /** Nobody delegates to themselves. */
    static void noDelegatingToOneself(String holder, String delegate) {
        if (holder.equals(delegate)) {
            throw Violations.invalid(
                    "noDelegatingToOneself",
                    "Нельзя назначить исполняющим обязанности самого себя",
                    List.of(new FieldError("delegate", "Укажите другого сотрудника")));
        }
    }

    /** The period is from one date to a later (or the same) date, and does not lie wholly in the past. */
    static void delegationPeriodIsValid(LocalDate validFrom, LocalDate validTo, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (validTo.isBefore(validFrom)) {
            errors.add(new FieldError("validTo", "Дата окончания раньше даты начала"));
        } else if (validTo.isBefore(today)) {
            errors.add(new FieldError("validTo", "Период исполнения обязанностей уже закончился"));
        }
        if (!errors.isEmpty()) {
            throw Violations.invalid("delegationPeriodIsValid", errors.get(0).message(), errors);
        }
    }

    /** The longest period of one delegation: an acting official stands in for an absence, not for a term of office. */
    static final Period LONGEST_PERIOD = Period.ofYears(3);

    /** A delegation lasts at most {@link #LONGEST_PERIOD three years} (from the first to the last day inclusive). */
    static void delegationAtMostThreeYears(LocalDate validFrom, LocalDate validTo) {
        if (!validTo.isBefore(validFrom.plus(LONGEST_PERIOD))) {
            throw Violations.invalid(
                    "delegationAtMostThreeYears",
                    "Исполнять обязанности можно не дольше трёх лет подряд",
                    List.of(new FieldError("validTo", "Период исполнения обязанностей — не дольше трёх лет")));
        }
    }

    /** The acting official already holds a role in the register: the right is not handed to an outsider. */
    static void delegateHoldsARoleInTheRegister(Membership members, String delegate) {
        if (!members.holdsAnyRole(delegate)) {
            throw Violations.invalid(
                    "delegateHoldsARoleInTheRegister",
                    "Исполняющим обязанности можно назначить " + "только участника этого перечня",
                    List.of(
                            new FieldError(
                                    "delegate",
                                    "«" + delegate
                                            + "» не участвует в этом перечне: назначьте сотрудника, у которого есть роль в перечне")));
        }
    }

    /** One acting official at a time: the holder's periods for the same right do not overlap. */
    static void oneActingOfficialAtATime(
            Delegations delegations,
            String holder,
            MemberRole role,
            String divisionId,
            LocalDate validFrom,
            LocalDate validTo) {
        delegations.overlapping(holder, role, divisionId, validFrom, validTo).ifPresent(other -> {
            throw conflict(
                    "oneActingOfficialAtATime",
                    "На этот период уже назначен исполняющий обязанности «"
                            + other.granted.delegate() + "» (" + other.granted.validFrom() + " — "
                            + other.granted.validTo()
                            + "); сначала отмените это назначение");
        });
    }

    /** A repeated delegationId must repeat the same delegation; otherwise the id is taken. */
    static void sameDelegationIdSameDelegation(
            ApprovalRightDelegated recorded,
            String holder,
            String delegate,
            MemberRole role,
            String divisionId,
            LocalDate validFrom,
            LocalDate validTo,
            String comment) {
        boolean same = recorded.holder().equals(holder)
                && recorded.delegate().equals(delegate)
                && recorded.role() == role
                && Objects.equals(recorded.divisionId(), divisionId)
                && recorded.validFrom().equals(validFrom)
                && recorded.validTo().equals(validTo)
                && Objects.equals(recorded.comment(), comment);
        if (!same) {
            throw conflict(
                    "sameDelegationIdSameDelegation",
                    "Идентификатор «" + recorded.delegationId()
                            + "» уже использован для другого назначения исполняющего обязанности");
        }
    }

    /** The delegation exists in this register. */
    static Delegations.Delegation delegationExists(Delegations delegations, String delegationId) {
        return delegations
                .find(delegationId)
                .orElseThrow(() -> notFound(
                        "delegationExists", "Назначение исполняющего обязанности «" + delegationId + "» не найдено"));
    }

    /** Only the holder (or an administrator) revokes a delegation. */
    static void onlyTheHolderRevokes(Delegations.Delegation delegation, String actor, boolean byAdministrator) {
        if (!delegation.holder().equals(actor) && !byAdministrator) {
            throw forbidden(
                    "onlyTheHolderRevokes",
                    "Отменить назначение исполняющего обязанности может только сам руководитель или администратор");
        }
    }
}
