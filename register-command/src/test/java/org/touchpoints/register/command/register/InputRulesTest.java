package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ApproveByDivisionCommand;
import org.touchpoints.register.api.change.ApproveStepCommand;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.change.InitiateChangePackageCommand;
import org.touchpoints.register.api.change.PackageOperation;
import org.touchpoints.register.api.change.RejectChangeCommand;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.procedure.ProcedurePreset;
import org.touchpoints.register.api.register.ConfirmAnnualReviewCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.register.RegisterCreated;

/**
 * Every check of what a person typed is a named rule, and each refuses here: the change's description and id, the
 * texts of the approval steps, the rejection's reason, the final approval's order, the annual review's comment.
 */
class InputRulesTest {
    static final String MINISTER = "mikhail";
    static final Instant STEP_AT = Instant.parse("2024-03-05T07:00:00Z");
    /** One character more than a comment holds. */
    static final String TOO_LONG = "а".repeat(2001);

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ---- changeIsDescribed, changeIdIsWellFormed ----

    @Test
    void aChangeWithoutItsKindIsRefused() {
        fixture.given(register())
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-1",
                        null,
                        null,
                        PORTAL_DRAFT,
                        ChangeReason.NEW_TOUCHPOINT,
                        null,
                        null,
                        SPECIALIST,
                        INITIATED_AT))
                .expectException(fieldError("kind"))
                .expectExceptionMessage(rule(ChangeRules.CHANGE_IS_DESCRIBED))
                .expectNoEvents();
    }

    @Test
    void aChangeWithoutItsReasonIsRefused() {
        fixture.given(register())
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-1",
                        ChangeKind.ADD,
                        null,
                        PORTAL_DRAFT,
                        null,
                        null,
                        null,
                        SPECIALIST,
                        INITIATED_AT))
                .expectException(fieldError("reason"))
                .expectExceptionMessage(rule(ChangeRules.CHANGE_IS_DESCRIBED))
                .expectNoEvents();
    }

    @Test
    void aChangeWithATooLongCommentIsRefused() {
        fixture.given(register())
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-1",
                        ChangeKind.ADD,
                        null,
                        PORTAL_DRAFT,
                        ChangeReason.NEW_TOUCHPOINT,
                        TOO_LONG,
                        null,
                        SPECIALIST,
                        INITIATED_AT))
                .expectException(fieldError("comment"))
                .expectExceptionMessage(rule(ChangeRules.CHANGE_IS_DESCRIBED))
                .expectNoEvents();
    }

    @Test
    void aChangeIdOutsideTheIdPatternIsRefused() {
        fixture.given(register())
                .when(add("c 1/../x", PORTAL_DRAFT))
                .expectException(fieldError("changeId"))
                .expectExceptionMessage(rule(ChangeRules.CHANGE_IS_DESCRIBED))
                .expectNoEvents();
    }

    @Test
    void aPackageIdOutsideTheIdPatternIsRefused() {
        fixture.given(register())
                .when(new InitiateChangePackageCommand(
                        REGISTER,
                        "x".repeat(65),
                        List.of(
                                new PackageOperation(ChangeKind.REMOVE, SITE_ID, null),
                                new PackageOperation(ChangeKind.REMOVE, PHONE_ID, null)),
                        ChangeReason.TOUCHPOINT_EXCLUDED,
                        null,
                        null,
                        SPECIALIST,
                        INITIATED_AT,
                        false))
                .expectException(fieldError("changeId"))
                .expectExceptionMessage(rule(PackageRules.PACKAGE_IS_DESCRIBED))
                .expectNoEvents();
    }

    @Test
    void aNewProcessOfAnInitiatorOfSeveralDivisionsNamesItsDivision() {
        fixture.given(registerAnd(member(SPECIALIST, MemberRole.SPECIALIST, APPEALS)))
                .when(add("c-1", draft("Новый процесс", "ЕПГУ", org.touchpoints.register.api.row.Channel.DIGITAL, 1)))
                .expectException(fieldError("row.division"))
                .expectExceptionMessage(rule(ChangeRules.CHANGE_IS_DESCRIBED))
                .expectNoEvents();
    }

    // ---- the texts of the steps ----

    @Test
    void aDivisionApprovalWithControlCharactersInItsCommentIsRefused() {
        fixture.given(registerAnd(addInitiated("c-1", PORTAL)))
                .when(new ApproveByDivisionCommand(
                        REGISTER, "c-1", "Согласовано\u0007", null, HEAD, DIVISION_APPROVED_AT))
                .expectException(fieldError("comment"))
                .expectExceptionMessage(rule(ChangeRules.DIVISION_APPROVAL_IS_DESCRIBED))
                .expectNoEvents();
    }

    @Test
    void aStepApprovalWithATooLongCommentIsRefused() {
        fixture.given(dagestanAnd(phoneRemovedInDagestan()))
                .when(new ApproveStepCommand(REGISTER, "c-1", TOO_LONG, null, MINISTER, STEP_AT))
                .expectException(fieldError("comment"))
                .expectExceptionMessage(rule(ChangeRules.APPROVAL_IS_DESCRIBED))
                .expectNoEvents();
    }

    @Test
    void aFinalApprovalWithAnOrderDateButNoNumberIsRefused() {
        fixture.given(registerAnd(addInitiated("c-1", PORTAL), divisionApproved("c-1")))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-1", null, null, LocalDate.of(2024, 3, 6), null, DEPUTY, DEPUTY_APPROVED_AT))
                .expectException(fieldError("orderNumber"))
                .expectExceptionMessage(rule(ChangeRules.APPROVAL_ORDER_IS_DESCRIBED))
                .expectNoEvents();
    }

    @Test
    void aFinalApprovalWithATooLongOrderNumberIsRefused() {
        fixture.given(registerAnd(addInitiated("c-1", PORTAL), divisionApproved("c-1")))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-1", null, "№".repeat(101), null, null, DEPUTY, DEPUTY_APPROVED_AT))
                .expectException(fieldError("orderNumber"))
                .expectExceptionMessage(rule(ChangeRules.APPROVAL_ORDER_IS_DESCRIBED))
                .expectNoEvents();
    }

    @Test
    void aRejectionWithoutItsReasonIsRefused() {
        fixture.given(registerAnd(addInitiated("c-1", PORTAL)))
                .when(new RejectChangeCommand(REGISTER, "c-1", "   ", null, HEAD, REJECTED_AT))
                .expectException(fieldError("reason"))
                .expectExceptionMessage(rule(ChangeRules.REJECTION_STATES_ITS_REASON))
                .expectNoEvents();
    }

    @Test
    void anAnnualReviewWithATooLongCommentIsRefused() {
        fixture.given(dagestanAnd())
                .when(new ConfirmAnnualReviewCommand(REGISTER, LICENSING, 2024, TOO_LONG, HEAD, STEP_AT))
                .expectException(fieldError("comment"))
                .expectExceptionMessage(rule(RegisterRules.ANNUAL_REVIEW_IS_DESCRIBED))
                .expectNoEvents();
    }

    // ---- a register under the Dagestan ministry's procedure (001): the minister approves, reviews yearly ----

    private static List<Object> dagestanAnd(Object... more) {
        Procedure procedure = ProcedurePreset.DAGESTAN_MINSTROY.procedure();
        List<Object> events = new ArrayList<>();
        events.add(new RegisterCreated(
                REGISTER,
                AUTHORITY,
                ZONE,
                procedure.deadlineWorkingDays(),
                TEMPLATE,
                null,
                ADMIN,
                CREATED_AT,
                procedure));
        events.addAll(register().subList(1, register().size()));
        events.add(member(MINISTER, MemberRole.HEAD_OF_AUTHORITY, null));
        events.addAll(List.of(more));
        return events;
    }

    private static ChangeInitiated phoneRemovedInDagestan() {
        return new ChangeInitiated(
                REGISTER,
                "c-1",
                ChangeKind.REMOVE,
                PHONE_ID,
                PHONE,
                null,
                ChangeReason.TOUCHPOINT_EXCLUDED,
                null,
                LICENSING,
                SPECIALIST,
                INITIATED_AT,
                ProcedurePreset.DAGESTAN_MINSTROY.procedure().chain());
    }
}
