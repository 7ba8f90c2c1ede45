package org.touchpoints.register.api.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.register.MemberRole;

/** The step predicates the aggregate and the pages share, one behaviour each. */
class StepRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 12, 23);
    /** head: HEAD of licensing; deputy: DEPUTY; minister: HEAD_OF_AUTHORITY; io: a specialist of appeals. */
    private static final StepRules.Roles ROLES = (u, role, division) -> switch (u) {
        case "head" -> role == MemberRole.HEAD && "licensing".equals(division);
        case "deputy" -> role == MemberRole.DEPUTY;
        case "minister" -> role == MemberRole.HEAD_OF_AUTHORITY;
        case "io" -> role == MemberRole.SPECIALIST && "appeals".equals(division);
        default -> false;
    };

    private static StepRules.Delegation headToIo(LocalDate from, LocalDate to, boolean revoked) {
        return new StepRules.Delegation("head", "io", MemberRole.HEAD, "licensing", from, to, revoked);
    }

    @Test
    void theHolderTakesTheStepInPerson() {
        assertThat(StepRules.holdsTheStep(ROLES, List.of(), "head", ProcedureStep.DIVISION_HEAD, "licensing", TODAY))
                .contains(new StepRules.Right(null));
        assertThat(StepRules.holdsTheStep(ROLES, List.of(), "head", ProcedureStep.DIVISION_HEAD, "appeals", TODAY))
                .as("only the head of the change's own division")
                .isEmpty();
    }

    @Test
    void anActingOfficialTakesTheStepOnTheHoldersBehalfWithinThePeriod() {
        var delegation = List.of(headToIo(TODAY, TODAY.plusDays(4), false));
        assertThat(StepRules.mayTakeTheStep(
                        ROLES,
                        delegation,
                        "io",
                        ProcedureStep.DIVISION_HEAD,
                        "licensing",
                        "initiator",
                        Set.of(),
                        TODAY))
                .contains(new StepRules.Right("head"));
        assertThat(StepRules.mayTakeTheStep(
                        ROLES,
                        delegation,
                        "io",
                        ProcedureStep.DIVISION_HEAD,
                        "licensing",
                        "initiator",
                        Set.of(),
                        TODAY.plusDays(5)))
                .as("the period is over")
                .isEmpty();
        assertThat(StepRules.mayTakeTheStep(
                        ROLES,
                        List.of(headToIo(TODAY, TODAY, true)),
                        "io",
                        ProcedureStep.DIVISION_HEAD,
                        "licensing",
                        "initiator",
                        Set.of(),
                        TODAY))
                .as("revoked")
                .isEmpty();
        assertThat(StepRules.mayTakeTheStep(
                        ROLES, delegation, "io", ProcedureStep.DEPUTY, "licensing", "initiator", Set.of(), TODAY))
                .as("another step's right is not given")
                .isEmpty();
    }

    @Test
    void aDelegationEndsWithItsHoldersRole() {
        StepRules.Roles revoked = (u, role, division) -> !"head".equals(u) && ROLES.holds(u, role, division);
        assertThat(StepRules.holdsTheStep(
                        revoked,
                        List.of(headToIo(TODAY, TODAY, false)),
                        "io",
                        ProcedureStep.DIVISION_HEAD,
                        "licensing",
                        TODAY))
                .isEmpty();
    }

    @Test
    void nobodyTakesAStepOfTheirOwnChangeNorOnItsInitiatorsBehalf() {
        assertThat(StepRules.mayTakeTheStep(
                        ROLES, List.of(), "head", ProcedureStep.DIVISION_HEAD, "licensing", "head", Set.of(), TODAY))
                .isEmpty();
        assertThat(StepRules.mayRejectAtTheStep(
                        ROLES,
                        List.of(headToIo(TODAY, TODAY, false)),
                        "io",
                        ProcedureStep.DIVISION_HEAD,
                        "licensing",
                        "head",
                        TODAY))
                .isEmpty();
    }

    @Test
    void onePersonGivesOneStepButMayStillReject() {
        var deputyToHead =
                List.of(new StepRules.Delegation("deputy", "head", MemberRole.DEPUTY, null, TODAY, TODAY, false));
        assertThat(StepRules.mayTakeTheStep(
                        ROLES, deputyToHead, "head", ProcedureStep.DEPUTY, null, "initiator", Set.of("head"), TODAY))
                .isEmpty();
        assertThat(StepRules.mayTakeTheStep(
                        ROLES,
                        List.of(),
                        "deputy",
                        ProcedureStep.DEPUTY,
                        null,
                        "initiator",
                        Set.of("io", "deputy"),
                        TODAY))
                .as("the holder gave a step through their acting official")
                .isEmpty();
        assertThat(StepRules.mayRejectAtTheStep(
                        ROLES, deputyToHead, "head", ProcedureStep.DEPUTY, null, "initiator", TODAY))
                .contains(new StepRules.Right("deputy"));
    }

    @Test
    void actsAreRecordedByActHoldersInPersonOnly() {
        assertThat(StepRules.mayTakeTheActStep(ROLES, "minister", "initiator")).isTrue();
        assertThat(StepRules.mayTakeTheActStep(ROLES, "head", "initiator")).isFalse();
        assertThat(StepRules.mayTakeTheActStep(ROLES, "deputy", "deputy")).isFalse();
    }
}
