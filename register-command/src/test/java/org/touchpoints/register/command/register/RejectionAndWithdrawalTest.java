package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApprovalStep;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.RejectChangeCommand;
import org.touchpoints.register.api.change.WithdrawChangeCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.rule.RuleViolatedException;

/** An approver rejects a change at their step; the initiator withdraws it before the final approval. */
class RejectionAndWithdrawalTest {

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RejectChangeCommand rejection(String changeId, String reason, String by) {
        return new RejectChangeCommand(REGISTER, changeId, reason, null, by, REJECTED_AT);
    }

    private static WithdrawChangeCommand withdrawal(String changeId, String by) {
        return new WithdrawChangeCommand(REGISTER, changeId, null, by, WITHDRAWN_AT);
    }

    // ---- rejection ----

    @Test
    void headRejectsAtTheDivisionStep() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(rejection("c-portal", "  Услуга на ЕПГУ ещё не подключена ", HEAD))
                .expectEvents(new ChangeRejected(
                        REGISTER,
                        "c-portal",
                        ApprovalStep.DIVISION,
                        "Услуга на ЕПГУ ещё не подключена",
                        null,
                        HEAD,
                        REJECTED_AT))
                .expectResultMessagePayload(ChangeStatus.REJECTED);
    }

    @Test
    void deputyRejectsAtTheDeputyStep() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(rejection("c-portal", "Нет основания для изменения", DEPUTY))
                .expectEvents(new ChangeRejected(
                        REGISTER,
                        "c-portal",
                        ApprovalStep.DEPUTY,
                        "Нет основания для изменения",
                        null,
                        DEPUTY,
                        REJECTED_AT))
                .expectResultMessagePayload(ChangeStatus.REJECTED);
    }

    @Test
    void deputyCannotRejectAtTheDivisionStep() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(rejection("c-portal", "Нет основания", DEPUTY))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatingDivisionsHeadApproves"))
                .expectNoEvents();
    }

    @Test
    void headOfAnotherDivisionCannotReject() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(rejection("c-portal", "Не наш процесс", OTHER_HEAD))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatingDivisionsHeadApproves"))
                .expectNoEvents();
    }

    @Test
    void headCannotRejectAtTheDeputyStep() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(rejection("c-portal", "Передумал", HEAD))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheDeputyGivesFinalApproval"))
                .expectNoEvents();
    }

    @Test
    void rejectionWithoutAReasonIsRefused() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(rejection("c-portal", "   ", HEAD))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rejectionStatesItsReason"))
                .expectException(fieldError("reason"))
                .expectNoEvents();
    }

    @Test
    void rejectionWithAMissingReasonIsRefused() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(rejection("c-portal", null, DEPUTY))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rejectionStatesItsReason"))
                .expectNoEvents();
    }

    @Test
    void rejectionWithAnOverLongReasonIsRefused() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(rejection("c-portal", "а".repeat(2001), HEAD))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rejectionStatesItsReason"))
                .expectNoEvents();
    }

    @Test
    void approvedChangeCannotBeRejected() {
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(rejection("c-portal", "Поздно", DEPUTY))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("closedChangeAcceptsNothingMore"))
                .expectNoEvents();
    }

    @Test
    void rejectedChangeCannotBeRejectedAgain() {
        fixture.given(registerAnd(
                        addInitiated("c-portal", PORTAL),
                        rejected("c-portal", ApprovalStep.DIVISION, "Дублирует сайт", HEAD)))
                .when(rejection("c-portal", "Ещё раз", HEAD))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("closedChangeAcceptsNothingMore"))
                .expectNoEvents();
    }

    @Test
    void unknownChangeCannotBeRejected() {
        fixture.given(register())
                .when(rejection("c-ghost", "Нет такого", HEAD))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeExists"))
                .expectNoEvents();
    }

    @Test
    void rowOfARejectedEditStaysAsItWas() {
        fixture.given(registerAnd(
                        editInitiated("c-phone", PHONE_ID, PHONE, PHONE_EDITED),
                        divisionApproved("c-phone"),
                        rejected("c-phone", ApprovalStep.DEPUTY, "Нет основания", DEPUTY)))
                .when(publish())
                .expectEvents(published(1, List.of(), importedSha256(), null));
    }

    // ---- withdrawal ----

    @Test
    void initiatorWithdrawsAChangeAwaitingTheHead() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(withdrawal("c-portal", SPECIALIST))
                .expectEvents(new ChangeWithdrawn(REGISTER, "c-portal", SPECIALIST, WITHDRAWN_AT))
                .expectResultMessagePayload(ChangeStatus.WITHDRAWN);
    }

    @Test
    void initiatorWithdrawsAChangeAwaitingTheDeputy() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(withdrawal("c-portal", SPECIALIST))
                .expectEvents(withdrawn("c-portal"))
                .expectResultMessagePayload(ChangeStatus.WITHDRAWN);
    }

    @Test
    void headCannotWithdrawTheSpecialistsChange() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(withdrawal("c-portal", HEAD))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatorWithdraws"))
                .expectNoEvents();
    }

    @Test
    void anotherSpecialistOfTheDivisionCannotWithdrawTheChange() {
        fixture.given(registerAnd(
                        member(OTHER_SPECIALIST, MemberRole.SPECIALIST, LICENSING), addInitiated("c-portal", PORTAL)))
                .when(withdrawal("c-portal", OTHER_SPECIALIST))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatorWithdraws"))
                .expectNoEvents();
    }

    @Test
    void approvedChangeCannotBeWithdrawn() {
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(withdrawal("c-portal", SPECIALIST))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("closedChangeAcceptsNothingMore"))
                .expectNoEvents();
    }

    @Test
    void rejectedChangeCannotBeWithdrawn() {
        fixture.given(registerAnd(
                        addInitiated("c-portal", PORTAL),
                        rejected("c-portal", ApprovalStep.DIVISION, "Дублирует сайт", HEAD)))
                .when(withdrawal("c-portal", SPECIALIST))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("closedChangeAcceptsNothingMore"))
                .expectNoEvents();
    }

    @Test
    void retriedWithdrawalGetsTheFirstAnswerAndRecordsNothing() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), withdrawn("c-portal")))
                .when(withdrawal("c-portal", SPECIALIST))
                .expectNoEvents()
                .expectResultMessagePayload(ChangeStatus.WITHDRAWN);
    }

    @Test
    void retriedRejectionGetsTheFirstAnswerAndRecordsNothing() {
        fixture.given(registerAnd(
                        addInitiated("c-portal", PORTAL),
                        rejected("c-portal", ApprovalStep.DIVISION, "Не нужен", HEAD)))
                .when(rejection("c-portal", " Не нужен ", HEAD))
                .expectNoEvents()
                .expectResultMessagePayload(ChangeStatus.REJECTED);
    }

    @Test
    void unknownChangeCannotBeWithdrawn() {
        fixture.given(register())
                .when(withdrawal("c-ghost", SPECIALIST))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeExists"))
                .expectNoEvents();
    }

    @Test
    void withdrawnChangeFreesItsRowForAnotherChange() {
        fixture.given(registerAnd(editInitiated("c-phone", PHONE_ID, PHONE, PHONE_EDITED), withdrawn("c-phone")))
                .when(remove("c-phone-out", PHONE_ID))
                .expectEvents(removeInitiated("c-phone-out", PHONE_ID, PHONE));
    }
}
