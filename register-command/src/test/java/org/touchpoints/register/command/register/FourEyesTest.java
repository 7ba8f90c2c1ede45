package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApprovalStep;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ApproveByDivisionCommand;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.RejectChangeCommand;
import org.touchpoints.register.api.delegation.ApprovalRightDelegated;
import org.touchpoints.register.api.delegation.DelegateApprovalRightCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * Four eyes: one person gives at most one approval step of a change, in person or as an acting official; nobody
 * approves on behalf of the change's initiator; the acting official is a member of the register.
 */
class FourEyesTest {
    static final LocalDate FROM = LocalDate.parse("2024-03-04");
    static final LocalDate TO = LocalDate.parse("2024-03-08");
    static final Instant DELEGATED_AT = Instant.parse("2024-03-01T08:00:00Z");
    /** A second head of the licensing division, who may propose changes as well. */
    static final String SECOND_HEAD = "kira";

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static ApprovalRightDelegated deputyDelegatedTo(String delegate) {
        return new ApprovalRightDelegated(
                REGISTER, "d-deputy", DEPUTY, delegate, MemberRole.DEPUTY, null, FROM, TO, null, DEPUTY, DELEGATED_AT);
    }

    private static ApprovalRightDelegated headDelegated(String holder, String delegate) {
        return new ApprovalRightDelegated(
                REGISTER, "d-head", holder, delegate, MemberRole.HEAD, LICENSING, FROM, TO, null, holder, DELEGATED_AT);
    }

    // ---- onePersonOneApprovalStep ----

    @Test
    void headWhoAgreedCannotAlsoApproveAsActingDeputy() {
        fixture.given(registerAnd(
                        deputyDelegatedTo(HEAD), addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-portal", null, null, null, null, HEAD, DEPUTY_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onePersonOneApprovalStep"))
                .expectNoEvents();
    }

    @Test
    void deputyWhoseHeadStepWasGivenOnTheirBehalfCannotApproveAgain() {
        // the deputy is also named acting head; the first step given as acting head counts as the deputy's step
        fixture.given(registerAnd(
                        headDelegated(HEAD, DEPUTY),
                        addInitiated("c-portal", PORTAL),
                        new DivisionApproved(REGISTER, "c-portal", null, HEAD, DEPUTY, DIVISION_APPROVED_AT)))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-portal", null, null, null, null, DEPUTY, DEPUTY_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onePersonOneApprovalStep"))
                .expectNoEvents();
    }

    @Test
    void anotherPersonGivesTheSecondStep() {
        fixture.given(registerAnd(
                        deputyDelegatedTo(OTHER_HEAD), addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-portal", null, null, null, null, OTHER_HEAD, DEPUTY_APPROVED_AT))
                .expectEvents(new DeputyApproved(
                        REGISTER,
                        "c-portal",
                        null,
                        null,
                        null,
                        DEPUTY,
                        OTHER_HEAD,
                        DEPUTY_APPROVED_AT,
                        DUE_OF_DEPUTY_APPROVAL));
    }

    // ---- nobodyApprovesOnBehalfOfTheInitiator ----

    private static ChangeInitiated initiatedBySecondHead() {
        return new ChangeInitiated(
                REGISTER,
                "c-portal",
                ChangeKind.ADD,
                "c-portal",
                null,
                PORTAL,
                ChangeReason.NEW_TOUCHPOINT,
                null,
                LICENSING,
                SECOND_HEAD,
                INITIATED_AT);
    }

    @Test
    void actingHeadCannotApproveTheInitiatorsOwnChangeOnTheInitiatorsBehalf() {
        fixture.given(registerAnd(
                        member(SECOND_HEAD, MemberRole.SPECIALIST, LICENSING),
                        member(SECOND_HEAD, MemberRole.HEAD, LICENSING),
                        headDelegated(SECOND_HEAD, OTHER_SPECIALIST),
                        initiatedBySecondHead()))
                .when(new ApproveByDivisionCommand(
                        REGISTER, "c-portal", null, null, OTHER_SPECIALIST, DIVISION_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("nobodyApprovesOnBehalfOfTheInitiator"))
                .expectNoEvents();
    }

    @Test
    void actingHeadCannotRejectOnTheInitiatorsBehalfEither() {
        fixture.given(registerAnd(
                        member(SECOND_HEAD, MemberRole.SPECIALIST, LICENSING),
                        member(SECOND_HEAD, MemberRole.HEAD, LICENSING),
                        headDelegated(SECOND_HEAD, OTHER_SPECIALIST),
                        initiatedBySecondHead()))
                .when(new RejectChangeCommand(REGISTER, "c-portal", "Не нужно", null, OTHER_SPECIALIST, REJECTED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("nobodyApprovesOnBehalfOfTheInitiator"))
                .expectNoEvents();
    }

    @Test
    void theOtherHeadStillApprovesTheInitiatingHeadsChange() {
        fixture.given(registerAnd(
                        member(SECOND_HEAD, MemberRole.SPECIALIST, LICENSING),
                        member(SECOND_HEAD, MemberRole.HEAD, LICENSING),
                        initiatedBySecondHead()))
                .when(new ApproveByDivisionCommand(REGISTER, "c-portal", null, null, HEAD, DIVISION_APPROVED_AT))
                .expectEvents(new DivisionApproved(REGISTER, "c-portal", null, null, HEAD, DIVISION_APPROVED_AT));
    }

    // ---- delegateHoldsARoleInTheRegister ----

    @Test
    void theRightIsNotHandedToAnOutsider() {
        fixture.given(register())
                .when(new DelegateApprovalRightCommand(
                        REGISTER,
                        "d-1",
                        null,
                        "stranger",
                        MemberRole.HEAD,
                        LICENSING,
                        FROM,
                        TO,
                        null,
                        false,
                        HEAD,
                        DELEGATED_AT))
                .expectException(fieldError("delegate"))
                .expectExceptionMessage(rule("delegateHoldsARoleInTheRegister"))
                .expectNoEvents();
    }

    @Test
    void anOutsiderAskingToDelegateIsRefusedForTheirRoleFirst() {
        // permission before state: the caller who holds no right learns nothing about who is a member
        fixture.given(register())
                .when(new DelegateApprovalRightCommand(
                        REGISTER,
                        "d-1",
                        HEAD,
                        "stranger",
                        MemberRole.HEAD,
                        LICENSING,
                        FROM,
                        TO,
                        null,
                        false,
                        "mallory",
                        DELEGATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheHolderDelegates"))
                .expectNoEvents();
    }

    @Test
    void aRejectionIsNotAnApprovalStep() {
        // a rejection is not an approval: the head who agreed may still reject as acting deputy
        fixture.given(registerAnd(
                        deputyDelegatedTo(HEAD), addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new RejectChangeCommand(REGISTER, "c-portal", "Передумали", null, HEAD, REJECTED_AT))
                .expectEvents(new org.touchpoints.register.api.change.ChangeRejected(
                        REGISTER, "c-portal", ApprovalStep.DEPUTY, "Передумали", DEPUTY, HEAD, REJECTED_AT));
    }
}
