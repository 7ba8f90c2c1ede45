package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApprovalStep;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ApproveByDivisionCommand;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.RejectChangeCommand;
import org.touchpoints.register.api.delegation.ApprovalRightDelegated;
import org.touchpoints.register.api.delegation.DelegateApprovalRightCommand;
import org.touchpoints.register.api.delegation.DelegationRevoked;
import org.touchpoints.register.api.delegation.RevokeDelegationCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * Acting officials (исполняющий обязанности, врио): a division head or the deputy hands their approval right to a
 * named person for a period; the acting official approves and rejects on the holder's behalf, never their own
 * change, and cannot hand the right on.
 */
class ActingOfficialsTest {
    /** The person who stands in: a member of the register (a specialist of appeals), not of the licensing division. */
    static final String ACTING = "zoya";

    static final Instant DELEGATED_AT = Instant.parse("2024-03-01T08:00:00Z");
    static final LocalDate FROM = LocalDate.parse("2024-03-04");
    static final LocalDate TO = LocalDate.parse("2024-03-06");

    private FixtureConfiguration<Register> fixture;

    /** The register of {@link Given#register()}, with the acting official a specialist of appeals. */
    static List<Object> register() {
        List<Object> events = new ArrayList<>(Given.register());
        events.add(member(ACTING, MemberRole.SPECIALIST, APPEALS));
        return events;
    }

    static List<Object> registerAnd(Object... more) {
        List<Object> events = register();
        events.addAll(Arrays.asList(more));
        return events;
    }

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static DelegateApprovalRightCommand headDelegates(
            String id, String delegate, LocalDate from, LocalDate to) {
        return new DelegateApprovalRightCommand(
                REGISTER,
                id,
                null,
                delegate,
                MemberRole.HEAD,
                LICENSING,
                from,
                to,
                "Отпуск",
                false,
                HEAD,
                DELEGATED_AT);
    }

    private static ApprovalRightDelegated headDelegated(String id, String delegate) {
        return new ApprovalRightDelegated(
                REGISTER, id, HEAD, delegate, MemberRole.HEAD, LICENSING, FROM, TO, "Отпуск", HEAD, DELEGATED_AT);
    }

    private static ApprovalRightDelegated deputyDelegated(String id, String delegate) {
        return new ApprovalRightDelegated(
                REGISTER, id, DEPUTY, delegate, MemberRole.DEPUTY, null, FROM, TO, null, DEPUTY, DELEGATED_AT);
    }

    private static ApproveByDivisionCommand divisionApprovalBy(String by, Instant at) {
        return new ApproveByDivisionCommand(REGISTER, "c-portal", null, null, by, at);
    }

    // ---- delegating ----

    @Test
    void headDelegatesTheirApprovalRightForAPeriod() {
        fixture.given(register())
                .when(headDelegates("d-1", ACTING, FROM, TO))
                .expectEvents(headDelegated("d-1", ACTING))
                .expectResultMessagePayload("d-1");
    }

    @Test
    void deputyDelegatesTheFinalApproval() {
        fixture.given(register())
                .when(new DelegateApprovalRightCommand(
                        REGISTER,
                        "d-2",
                        null,
                        ACTING,
                        MemberRole.DEPUTY,
                        null,
                        FROM,
                        TO,
                        null,
                        false,
                        DEPUTY,
                        DELEGATED_AT))
                .expectEvents(deputyDelegated("d-2", ACTING));
    }

    @Test
    void administratorRecordsTheHoldersDelegation() {
        fixture.given(register())
                .when(new DelegateApprovalRightCommand(
                        REGISTER,
                        "d-1",
                        HEAD,
                        ACTING,
                        MemberRole.HEAD,
                        LICENSING,
                        FROM,
                        TO,
                        "Отпуск",
                        true,
                        ADMIN,
                        DELEGATED_AT))
                .expectEvents(new ApprovalRightDelegated(
                        REGISTER,
                        "d-1",
                        HEAD,
                        ACTING,
                        MemberRole.HEAD,
                        LICENSING,
                        FROM,
                        TO,
                        "Отпуск",
                        ADMIN,
                        DELEGATED_AT));
    }

    @Test
    void repeatingTheSameDelegationRecordsNothing() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING)))
                .when(headDelegates("d-1", ACTING, FROM, TO))
                .expectNoEvents()
                .expectResultMessagePayload("d-1");
    }

    @Test
    void delegationIdUsedForAnotherDelegationIsRefused() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING)))
                .when(headDelegates("d-1", OTHER_SPECIALIST, FROM, TO))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("sameDelegationIdSameDelegation"))
                .expectNoEvents();
    }

    // ---- onlyTheHolderDelegates ----

    @Test
    void headOfAnotherDivisionCannotDelegateTheHeadsRight() {
        fixture.given(register())
                .when(new DelegateApprovalRightCommand(
                        REGISTER,
                        "d-1",
                        HEAD,
                        ACTING,
                        MemberRole.HEAD,
                        LICENSING,
                        FROM,
                        TO,
                        null,
                        false,
                        OTHER_HEAD,
                        DELEGATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheHolderDelegates"))
                .expectNoEvents();
    }

    @Test
    void specialistCannotDelegateARightTheyDoNotHold() {
        fixture.given(register())
                .when(new DelegateApprovalRightCommand(
                        REGISTER,
                        "d-1",
                        null,
                        ACTING,
                        MemberRole.HEAD,
                        LICENSING,
                        FROM,
                        TO,
                        null,
                        false,
                        SPECIALIST,
                        DELEGATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheHolderDelegates"))
                .expectNoEvents();
    }

    @Test
    void administratorCannotDelegateForSomeoneWithoutTheRight() {
        fixture.given(register())
                .when(new DelegateApprovalRightCommand(
                        REGISTER,
                        "d-1",
                        PUBLISHER,
                        ACTING,
                        MemberRole.DEPUTY,
                        null,
                        FROM,
                        TO,
                        null,
                        true,
                        ADMIN,
                        DELEGATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheHolderDelegates"))
                .expectNoEvents();
    }

    // ---- onlyApprovalRightsAreDelegated, noDelegatingToOneself, delegateCannotRedelegate ----

    @Test
    void onlyApprovalRightsAreDelegated() {
        fixture.given(register())
                .when(new DelegateApprovalRightCommand(
                        REGISTER,
                        "d-1",
                        null,
                        ACTING,
                        MemberRole.PUBLISHER,
                        null,
                        FROM,
                        TO,
                        null,
                        false,
                        PUBLISHER,
                        DELEGATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyApprovalRightsAreDelegated"))
                .expectNoEvents();
    }

    @Test
    void nobodyDelegatesToThemselves() {
        fixture.given(register())
                .when(headDelegates("d-1", HEAD, FROM, TO))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("noDelegatingToOneself"))
                .expectNoEvents();
    }

    @Test
    void actingOfficialCannotHandTheRightOn() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING)))
                .when(new DelegateApprovalRightCommand(
                        REGISTER,
                        "d-2",
                        null,
                        OTHER_SPECIALIST,
                        MemberRole.HEAD,
                        LICENSING,
                        FROM,
                        TO,
                        null,
                        false,
                        ACTING,
                        DELEGATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("delegateCannotRedelegate"))
                .expectNoEvents();
    }

    @Test
    void delegationOfAnUnknownDivisionIsRefused() {
        fixture.given(register())
                .when(new DelegateApprovalRightCommand(
                        REGISTER,
                        "d-1",
                        null,
                        ACTING,
                        MemberRole.HEAD,
                        "control",
                        FROM,
                        TO,
                        null,
                        false,
                        HEAD,
                        DELEGATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("divisionRoleNamesAKnownDivision"))
                .expectNoEvents();
    }

    // ---- delegationIsDescribed, delegationPeriodIsValid, oneActingOfficialAtATime ----

    @Test
    void delegationWithoutItsPeriodIsRefused() {
        fixture.given(register())
                .when(headDelegates("d-1", ACTING, null, null))
                .expectException(fieldError("validFrom"))
                .expectExceptionMessage(rule("delegationIsDescribed"))
                .expectNoEvents();
    }

    @Test
    void delegationWithoutADelegateIsRefused() {
        fixture.given(register())
                .when(headDelegates("d-1", " ", FROM, TO))
                .expectException(fieldError("delegate"))
                .expectExceptionMessage(rule("delegationIsDescribed"))
                .expectNoEvents();
    }

    @Test
    void periodEndingBeforeItBeginsIsRefused() {
        fixture.given(register())
                .when(headDelegates("d-1", ACTING, TO, FROM))
                .expectException(fieldError("validTo"))
                .expectExceptionMessage(rule("delegationPeriodIsValid"))
                .expectNoEvents();
    }

    @Test
    void periodWhollyInThePastIsRefused() {
        fixture.given(register())
                .when(headDelegates("d-1", ACTING, LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-29")))
                .expectException(fieldError("validTo"))
                .expectExceptionMessage(rule("delegationPeriodIsValid"))
                .expectNoEvents();
    }

    @Test
    void secondActingOfficialForAnOverlappingPeriodIsRefused() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING)))
                .when(headDelegates("d-2", OTHER_SPECIALIST, TO, TO.plusDays(5)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneActingOfficialAtATime"))
                .expectNoEvents();
    }

    @Test
    void nextActingOfficialAfterThePeriodIsAccepted() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING)))
                .when(headDelegates("d-2", OTHER_SPECIALIST, TO.plusDays(1), TO.plusDays(5)))
                .expectEvents(new ApprovalRightDelegated(
                        REGISTER,
                        "d-2",
                        HEAD,
                        OTHER_SPECIALIST,
                        MemberRole.HEAD,
                        LICENSING,
                        TO.plusDays(1),
                        TO.plusDays(5),
                        "Отпуск",
                        HEAD,
                        DELEGATED_AT));
    }

    // ---- approving and rejecting as acting official ----

    @Test
    void actingHeadApprovesOnTheHeadsBehalf() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING), addInitiated("c-portal", PORTAL)))
                .when(divisionApprovalBy(ACTING, DIVISION_APPROVED_AT))
                .expectEvents(new DivisionApproved(REGISTER, "c-portal", null, HEAD, ACTING, DIVISION_APPROVED_AT));
    }

    @Test
    void headStillApprovesInPersonDuringTheDelegation() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING), addInitiated("c-portal", PORTAL)))
                .when(divisionApprovalBy(HEAD, DIVISION_APPROVED_AT))
                .expectEvents(new DivisionApproved(REGISTER, "c-portal", null, null, HEAD, DIVISION_APPROVED_AT));
    }

    @Test
    void actingDeputyGivesTheFinalApprovalOnTheDeputysBehalf() {
        fixture.given(registerAnd(
                        deputyDelegated("d-2", ACTING), addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-portal", null, null, null, null, ACTING, DEPUTY_APPROVED_AT))
                .expectEvents(new DeputyApproved(
                        REGISTER,
                        "c-portal",
                        null,
                        null,
                        null,
                        DEPUTY,
                        ACTING,
                        DEPUTY_APPROVED_AT,
                        DUE_OF_DEPUTY_APPROVAL));
    }

    @Test
    void actingHeadRejectsOnTheHeadsBehalf() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING), addInitiated("c-portal", PORTAL)))
                .when(new RejectChangeCommand(REGISTER, "c-portal", "Нет основания", null, ACTING, REJECTED_AT))
                .expectEvents(new ChangeRejected(
                        REGISTER, "c-portal", ApprovalStep.DIVISION, "Нет основания", HEAD, ACTING, REJECTED_AT));
    }

    @Test
    void actingOfficialApprovesOnTheLastDayOfThePeriodInTheRegistersZone() {
        // 23:00 in Moscow on the last day, 20:00 UTC
        Instant lastEvening = Instant.parse("2024-03-06T20:00:00Z");
        fixture.given(registerAnd(headDelegated("d-1", ACTING), addInitiated("c-portal", PORTAL)))
                .when(divisionApprovalBy(ACTING, lastEvening))
                .expectEvents(new DivisionApproved(REGISTER, "c-portal", null, HEAD, ACTING, lastEvening));
    }

    @Test
    void actingOfficialCannotApproveAfterThePeriodInTheRegistersZone() {
        // still 6 March in UTC, already 7 March in Moscow
        fixture.given(registerAnd(headDelegated("d-1", ACTING), addInitiated("c-portal", PORTAL)))
                .when(divisionApprovalBy(ACTING, Instant.parse("2024-03-06T21:30:00Z")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatingDivisionsHeadApproves"))
                .expectNoEvents();
    }

    @Test
    void actingOfficialCannotApproveBeforeThePeriod() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING), addInitiated("c-portal", PORTAL)))
                .when(divisionApprovalBy(ACTING, Instant.parse("2024-03-03T12:00:00Z")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatingDivisionsHeadApproves"))
                .expectNoEvents();
    }

    @Test
    void revokedDelegationGivesNoRight() {
        fixture.given(registerAnd(
                        headDelegated("d-1", ACTING),
                        new DelegationRevoked(REGISTER, "d-1", HEAD, DELEGATED_AT.plusSeconds(60)),
                        addInitiated("c-portal", PORTAL)))
                .when(divisionApprovalBy(ACTING, DIVISION_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatingDivisionsHeadApproves"))
                .expectNoEvents();
    }

    @Test
    void actingHeadOfOneDivisionCannotApproveAnotherDivisionsChange() {
        ApprovalRightDelegated appealsHead = new ApprovalRightDelegated(
                REGISTER,
                "d-1",
                OTHER_HEAD,
                ACTING,
                MemberRole.HEAD,
                APPEALS,
                FROM,
                TO,
                null,
                OTHER_HEAD,
                DELEGATED_AT);
        fixture.given(registerAnd(appealsHead, addInitiated("c-portal", PORTAL)))
                .when(divisionApprovalBy(ACTING, DIVISION_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatingDivisionsHeadApproves"))
                .expectNoEvents();
    }

    @Test
    void actingHeadCannotGiveTheFinalApproval() {
        fixture.given(registerAnd(
                        headDelegated("d-1", ACTING), addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-portal", null, null, null, null, ACTING, DEPUTY_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheDeputyGivesFinalApproval"))
                .expectNoEvents();
    }

    // ---- separation of duties holds for acting officials ----

    @Test
    void initiatorActingForTheHeadCannotApproveTheirOwnChange() {
        fixture.given(registerAnd(headDelegated("d-1", SPECIALIST), addInitiated("c-portal", PORTAL)))
                .when(divisionApprovalBy(SPECIALIST, DIVISION_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("nobodyApprovesTheirOwnChange"))
                .expectNoEvents();
    }

    @Test
    void initiatorActingForTheDeputyCannotGiveTheFinalApprovalOfTheirOwnChange() {
        fixture.given(registerAnd(
                        deputyDelegated("d-2", SPECIALIST),
                        addInitiated("c-portal", PORTAL),
                        divisionApproved("c-portal")))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-portal", null, null, null, null, SPECIALIST, DEPUTY_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("nobodyApprovesTheirOwnChange"))
                .expectNoEvents();
    }

    @Test
    void initiatorActingForTheHeadCannotRejectTheirOwnChange() {
        fixture.given(registerAnd(headDelegated("d-1", SPECIALIST), addInitiated("c-portal", PORTAL)))
                .when(new RejectChangeCommand(REGISTER, "c-portal", "Передумал", null, SPECIALIST, REJECTED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("nobodyApprovesTheirOwnChange"))
                .expectNoEvents();
    }

    // ---- revoking ----

    @Test
    void holderRevokesTheDelegation() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING)))
                .when(new RevokeDelegationCommand(REGISTER, "d-1", false, HEAD, DIVISION_APPROVED_AT))
                .expectEvents(new DelegationRevoked(REGISTER, "d-1", HEAD, DIVISION_APPROVED_AT))
                .expectResultMessagePayload(true);
    }

    @Test
    void administratorRevokesTheDelegation() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING)))
                .when(new RevokeDelegationCommand(REGISTER, "d-1", true, ADMIN, DIVISION_APPROVED_AT))
                .expectEvents(new DelegationRevoked(REGISTER, "d-1", ADMIN, DIVISION_APPROVED_AT));
    }

    @Test
    void repeatedRevocationRecordsNothing() {
        fixture.given(registerAnd(
                        headDelegated("d-1", ACTING),
                        new DelegationRevoked(REGISTER, "d-1", HEAD, DELEGATED_AT.plusSeconds(60))))
                .when(new RevokeDelegationCommand(REGISTER, "d-1", false, HEAD, DIVISION_APPROVED_AT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void delegateCannotRevokeTheDelegation() {
        fixture.given(registerAnd(headDelegated("d-1", ACTING)))
                .when(new RevokeDelegationCommand(REGISTER, "d-1", false, ACTING, DIVISION_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheHolderRevokes"))
                .expectNoEvents();
    }

    @Test
    void unknownDelegationCannotBeRevoked() {
        fixture.given(register())
                .when(new RevokeDelegationCommand(REGISTER, "d-9", false, HEAD, DIVISION_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("delegationExists"))
                .expectNoEvents();
    }
}
