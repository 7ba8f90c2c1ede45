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
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.change.ApprovalActRecorded;
import org.touchpoints.register.api.change.ApprovalActResult;
import org.touchpoints.register.api.change.ApprovalStep;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ApproveByDivisionCommand;
import org.touchpoints.register.api.change.ApproveStepCommand;
import org.touchpoints.register.api.change.ChangeApproved;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.change.RecordApprovalActCommand;
import org.touchpoints.register.api.change.RejectChangeCommand;
import org.touchpoints.register.api.change.StepApprovalResult;
import org.touchpoints.register.api.change.StepApproved;
import org.touchpoints.register.api.delegation.ApprovalRightDelegated;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.procedure.ProcedurePreset;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.register.ConfirmAnnualReviewCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.RuleViolatedException;

/** Each authority's procedure drives the chain of its changes: one behaviour per test, for every preset. */
class ProcedureChainTest {
    /** The register's responsible (authorised) persons. */
    static final String RESPONSIBLE = "rita";

    static final String OTHER_RESPONSIBLE = "roman";
    /** The minister / head of the service. */
    static final String MINISTER = "mikhail";

    static final Instant STEP_AT = Instant.parse("2024-03-05T07:00:00Z");
    static final Instant ACT_RECORDED_AT = Instant.parse("2024-03-12T07:00:00Z");
    static final LocalDate ACT_DATE = LocalDate.of(2024, 3, 7);
    /** Ten working days from Tue 05.03.2024: 06, 07, (08 a holiday) 11, 12, 13, 14, 15, 18, 19, 20.03. */
    static final PublicationDue DUE_05_03 = due(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 20));
    /** Novosibirsk counts five working days from the act's date, Thu 07.03.2024: (08 a holiday) 11, 12, 13, 14, 15.03. */
    static final PublicationDue DUE_OF_THE_ACT_IN_NOVOSIBIRSK = due(ACT_DATE, 5, LocalDate.of(2024, 3, 15));

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** The Given register, run under {@code preset}'s procedure, with responsible persons and a minister. */
    private static List<Object> under(ProcedurePreset preset, Object... more) {
        List<Object> events = new ArrayList<>();
        Procedure procedure = preset.procedure();
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
        events.add(member(RESPONSIBLE, MemberRole.RESPONSIBLE, null));
        events.add(member(OTHER_RESPONSIBLE, MemberRole.RESPONSIBLE, null));
        events.add(member(MINISTER, MemberRole.HEAD_OF_AUTHORITY, null));
        events.addAll(Arrays.asList(more));
        return events;
    }

    private static ApprovalChain chain(ProcedurePreset preset) {
        return preset.procedure().chain();
    }

    private static InitiateChangeCommand removePhone(String by) {
        return new InitiateChangeCommand(
                REGISTER,
                "c-1",
                ChangeKind.REMOVE,
                PHONE_ID,
                null,
                ChangeReason.TOUCHPOINT_EXCLUDED,
                null,
                null,
                by,
                INITIATED_AT);
    }

    private static ChangeInitiated phoneRemoved(ProcedurePreset preset, String id, String by) {
        return new ChangeInitiated(
                REGISTER,
                id,
                ChangeKind.REMOVE,
                PHONE_ID,
                PHONE,
                null,
                ChangeReason.TOUCHPOINT_EXCLUDED,
                null,
                LICENSING,
                by,
                INITIATED_AT,
                chain(preset));
    }

    private static ChangeInitiated siteRemoved(ProcedurePreset preset, String id, String by) {
        return new ChangeInitiated(
                REGISTER,
                id,
                ChangeKind.REMOVE,
                SITE_ID,
                SITE,
                null,
                ChangeReason.TOUCHPOINT_EXCLUDED,
                null,
                LICENSING,
                by,
                INITIATED_AT,
                chain(preset));
    }

    private static ApproveStepCommand approval(String changeId, String by) {
        return new ApproveStepCommand(REGISTER, changeId, null, null, by, STEP_AT);
    }

    private static RecordApprovalActCommand act(String by, LocalDate date, String... changeIds) {
        return new RecordApprovalActCommand(REGISTER, "act-1", "15-п", date, List.of(changeIds), by, ACT_RECORDED_AT);
    }

    // ---- SMOLENSK_GZHI (000): the deputy's agreement only (§3.4) ----

    @Test
    void smolenskGzhiChangeRunsUnderTheDeputyAlone() {
        RowContent edited = PHONE_EDITED;
        fixture.given(under(ProcedurePreset.SMOLENSK_GZHI))
                .when(edit("c-1", PHONE_ID, PHONE_EDIT_DRAFT))
                .expectEvents(new ChangeInitiated(
                        REGISTER,
                        "c-1",
                        ChangeKind.EDIT,
                        PHONE_ID,
                        PHONE,
                        edited,
                        ChangeReason.NEEDS_CHANGED,
                        null,
                        LICENSING,
                        SPECIALIST,
                        INITIATED_AT,
                        chain(ProcedurePreset.SMOLENSK_GZHI)));
    }

    @Test
    void smolenskGzhiDeputyApprovesFirstAndTheChangeIsInTheRegister() {
        fixture.given(under(
                        ProcedurePreset.SMOLENSK_GZHI, phoneRemoved(ProcedurePreset.SMOLENSK_GZHI, "c-1", SPECIALIST)))
                .when(deputyApproval("c-1"))
                .expectEvents(deputyApproved("c-1"));
    }

    @Test
    void smolenskGzhiHasNoDivisionHeadStep() {
        fixture.given(under(
                        ProcedurePreset.SMOLENSK_GZHI, phoneRemoved(ProcedurePreset.SMOLENSK_GZHI, "c-1", SPECIALIST)))
                .when(divisionApproval("c-1"))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("theStepIsPending"));
    }

    @Test
    void smolenskGzhiAllowsOnlyTheThreeGroundsOfItsProcedure() {
        fixture.given(under(ProcedurePreset.SMOLENSK_GZHI))
                .when(removePhone(SPECIALIST))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("reasonIsAllowedByTheProcedure"));
    }

    @Test
    void smolenskGzhiRefusesANeedOutsideItsNine() {
        RowContent draft = new RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new Touchpoint("ЕПГУ", Channel.DIGITAL, "https://www.gosuslugi.ru"),
                List.of(4, 7),
                null,
                null,
                null,
                null);
        fixture.given(under(ProcedurePreset.SMOLENSK_GZHI))
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-1",
                        ChangeKind.ADD,
                        null,
                        draft,
                        ChangeReason.NEEDS_CHANGED,
                        null,
                        null,
                        SPECIALIST,
                        INITIATED_AT))
                .expectException(fieldError("row.needs"))
                .expectExceptionMessage(rule("rowFitsTheProcedure"));
    }

    // ---- DAGESTAN_MINSTROY (001): the minister approves (§5.1) ----

    @Test
    void dagestanMinisterApprovesAndTheChangeIsInTheRegister() {
        fixture.given(under(
                        ProcedurePreset.DAGESTAN_MINSTROY,
                        phoneRemoved(ProcedurePreset.DAGESTAN_MINSTROY, "c-1", SPECIALIST)))
                .when(approval("c-1", MINISTER))
                .expectEvents(new ChangeApproved(
                        REGISTER,
                        "c-1",
                        ProcedureStep.HEAD_OF_AUTHORITY,
                        null,
                        null,
                        null,
                        null,
                        null,
                        MINISTER,
                        STEP_AT,
                        DUE_05_03))
                .expectResultMessagePayload(new StepApprovalResult("c-1", ChangeStatus.APPROVED, null, DUE_05_03));
    }

    @Test
    void dagestanDeputyHasNoStep() {
        fixture.given(under(
                        ProcedurePreset.DAGESTAN_MINSTROY,
                        phoneRemoved(ProcedurePreset.DAGESTAN_MINSTROY, "c-1", SPECIALIST)))
                .when(approval("c-1", DEPUTY))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheHeadOfTheAuthorityApproves"));
    }

    @Test
    void dagestanActingMinisterApprovesOnTheMinistersBehalf() {
        LocalDate day = LocalDate.of(2024, 3, 5);
        fixture.given(under(
                        ProcedurePreset.DAGESTAN_MINSTROY,
                        new ApprovalRightDelegated(
                                REGISTER,
                                "d-1",
                                MINISTER,
                                DEPUTY,
                                MemberRole.HEAD_OF_AUTHORITY,
                                null,
                                day,
                                day,
                                "Командировка",
                                ADMIN,
                                CREATED_AT),
                        phoneRemoved(ProcedurePreset.DAGESTAN_MINSTROY, "c-1", SPECIALIST)))
                .when(approval("c-1", DEPUTY))
                .expectEvents(new ChangeApproved(
                        REGISTER,
                        "c-1",
                        ProcedureStep.HEAD_OF_AUTHORITY,
                        null,
                        null,
                        null,
                        null,
                        MINISTER,
                        DEPUTY,
                        STEP_AT,
                        DUE_05_03));
    }

    @Test
    void dagestanConfirmsItsAnnualReview() {
        fixture.given(under(ProcedurePreset.DAGESTAN_MINSTROY))
                .when(new ConfirmAnnualReviewCommand(REGISTER, LICENSING, 2024, null, HEAD, STEP_AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void annualReviewOnlyWhereTheProcedureHasIt() {
        fixture.given(under(ProcedurePreset.NOVOSIBIRSK_GSN))
                .when(new ConfirmAnnualReviewCommand(REGISTER, LICENSING, 2024, null, HEAD, STEP_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("annualReviewIsPartOfTheProcedure"));
    }

    // ---- ASTRAKHAN_GZHN (002): one authorised person enters, the head of the service approves ----

    private static InitiateChangeCommand mailNeedsBy(String by) {
        RowContent draft = new RowContent(
                APPEALS_DIRECTION,
                APPEALS_PROCESS,
                new Touchpoint("Электронная почта", Channel.DIGITAL, "gzhi@admin-smolensk.ru"),
                List.of(4, 5, 6),
                null,
                null,
                null,
                null);
        return new InitiateChangeCommand(
                REGISTER,
                "c-1",
                ChangeKind.EDIT,
                MAIL_ID,
                draft,
                ChangeReason.NEEDS_CHANGED,
                null,
                null,
                by,
                INITIATED_AT);
    }

    @Test
    void astrakhanDivisionSpecialistsDoNotInitiate() {
        fixture.given(under(ProcedurePreset.ASTRAKHAN_GZHN))
                .when(mailNeedsBy(OTHER_SPECIALIST))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheProcedureInitiatorsInitiate"));
    }

    @Test
    void astrakhanResponsiblePersonInitiatesForAnyDivision() {
        fixture.given(under(ProcedurePreset.ASTRAKHAN_GZHN))
                .when(mailNeedsBy(RESPONSIBLE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void astrakhanHeadOfTheServiceApproves() {
        ChangeInitiated initiated = new ChangeInitiated(
                REGISTER,
                "c-1",
                ChangeKind.REMOVE,
                MAIL_ID,
                MAIL,
                null,
                ChangeReason.NEEDS_CHANGED,
                null,
                APPEALS,
                RESPONSIBLE,
                INITIATED_AT,
                chain(ProcedurePreset.ASTRAKHAN_GZHN));
        fixture.given(under(ProcedurePreset.ASTRAKHAN_GZHN, initiated))
                .when(approval("c-1", MINISTER))
                .expectEvents(new ChangeApproved(
                        REGISTER,
                        "c-1",
                        ProcedureStep.HEAD_OF_AUTHORITY,
                        null,
                        null,
                        null,
                        null,
                        null,
                        MINISTER,
                        STEP_AT,
                        PublicationDue.none(LocalDate.of(2024, 3, 5)))); // no deadline stated
    }

    @Test
    void astrakhanAllowsOnlyItsTwoGrounds() {
        fixture.given(under(ProcedurePreset.ASTRAKHAN_GZHN))
                .when(removePhone(RESPONSIBLE))
                .expectException(fieldError("reason"))
                .expectExceptionMessage(rule("reasonIsAllowedByTheProcedure"));
    }

    @Test
    void astrakhanRefusesADirectionOutsideAppeals() {
        fixture.given(under(ProcedurePreset.ASTRAKHAN_GZHN))
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-1",
                        ChangeKind.EDIT,
                        PHONE_ID,
                        PHONE_EDIT_DRAFT,
                        ChangeReason.NEEDS_CHANGED,
                        null,
                        null,
                        RESPONSIBLE,
                        INITIATED_AT))
                .expectException(fieldError("row.direction"))
                .expectExceptionMessage(rule("rowFitsTheProcedure"));
    }

    // ---- NOVOSIBIRSK_GSN (003): head, deputy, then an order of the inspection ----

    @Test
    void novosibirskHeadApprovesFirst() {
        fixture.given(under(
                        ProcedurePreset.NOVOSIBIRSK_GSN,
                        phoneRemoved(ProcedurePreset.NOVOSIBIRSK_GSN, "c-1", SPECIALIST)))
                .when(divisionApproval("c-1"))
                .expectEvents(divisionApproved("c-1"))
                .expectResultMessagePayload(ChangeStatus.DIVISION_APPROVED);
    }

    @Test
    void novosibirskDeputysApprovalLeavesTheChangeAwaitingTheOrder() {
        fixture.given(under(
                        ProcedurePreset.NOVOSIBIRSK_GSN,
                        phoneRemoved(ProcedurePreset.NOVOSIBIRSK_GSN, "c-1", SPECIALIST),
                        divisionApproved("c-1")))
                .when(deputyApproval("c-1"))
                .expectEvents(new StepApproved(
                        REGISTER, "c-1", ProcedureStep.DEPUTY, null, null, DEPUTY, DEPUTY_APPROVED_AT));
    }

    @Test
    void novosibirskOrderIsNotTypedAtTheDeputysClick() {
        fixture.given(under(
                        ProcedurePreset.NOVOSIBIRSK_GSN,
                        phoneRemoved(ProcedurePreset.NOVOSIBIRSK_GSN, "c-1", SPECIALIST),
                        divisionApproved("c-1")))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-1", null, "15-п", LocalDate.of(2024, 3, 6), null, DEPUTY, DEPUTY_APPROVED_AT))
                .expectException(fieldError("orderNumber"))
                .expectExceptionMessage(rule("orderOnlyWhereTheProcedureTakesIt"));
    }

    @Test
    void novosibirskGenericApprovalAfterTheLastStepAsksForTheAct() {
        fixture.given(novosibirskAwaitingAct("c-1"))
                .when(approval("c-1", MINISTER))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("approvalActIsItsOwnStep"));
    }

    private static List<Object> novosibirskAwaitingAct(String... ids) {
        List<Object> events = new ArrayList<>();
        for (String id : ids) {
            events.add(
                    id.equals("c-1")
                            ? phoneRemoved(ProcedurePreset.NOVOSIBIRSK_GSN, id, SPECIALIST)
                            : siteRemoved(ProcedurePreset.NOVOSIBIRSK_GSN, id, SPECIALIST));
            events.add(new DivisionApproved(REGISTER, id, null, null, HEAD, DIVISION_APPROVED_AT));
            events.add(new StepApproved(REGISTER, id, ProcedureStep.DEPUTY, null, null, DEPUTY, DEPUTY_APPROVED_AT));
        }
        return under(ProcedurePreset.NOVOSIBIRSK_GSN, events.toArray());
    }

    @Test
    void oneActApprovesTwoChangesAwaitingIt() {
        fixture.given(novosibirskAwaitingAct("c-1", "c-2"))
                .when(act(DEPUTY, ACT_DATE, "c-1", "c-2"))
                .expectEvents(
                        new ApprovalActRecorded(
                                REGISTER, "act-1", "15-п", ACT_DATE, List.of("c-1", "c-2"), DEPUTY, ACT_RECORDED_AT),
                        new ChangeApproved(
                                REGISTER,
                                "c-1",
                                null,
                                null,
                                "act-1",
                                "15-п",
                                ACT_DATE,
                                null,
                                DEPUTY,
                                ACT_RECORDED_AT,
                                DUE_OF_THE_ACT_IN_NOVOSIBIRSK),
                        new ChangeApproved(
                                REGISTER,
                                "c-2",
                                null,
                                null,
                                "act-1",
                                "15-п",
                                ACT_DATE,
                                null,
                                DEPUTY,
                                ACT_RECORDED_AT,
                                DUE_OF_THE_ACT_IN_NOVOSIBIRSK))
                .expectResultMessagePayload(new ApprovalActResult("act-1", List.of("c-1", "c-2")));
    }

    @Test
    void actIsNotDatedInTheFuture() {
        fixture.given(novosibirskAwaitingAct("c-1"))
                .when(act(DEPUTY, LocalDate.of(2024, 3, 13), "c-1"))
                .expectException(fieldError("date"))
                .expectExceptionMessage(rule("actIsNotDatedInTheFuture"));
    }

    @Test
    void actIsNotDatedBeforeTheLastApproval() {
        fixture.given(novosibirskAwaitingAct("c-1"))
                .when(act(DEPUTY, LocalDate.of(2024, 3, 5), "c-1"))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("actNotBeforeTheLastApproval"));
    }

    @Test
    void actCoversOnlyChangesAwaitingIt() {
        fixture.given(under(
                        ProcedurePreset.NOVOSIBIRSK_GSN,
                        phoneRemoved(ProcedurePreset.NOVOSIBIRSK_GSN, "c-1", SPECIALIST)))
                .when(act(DEPUTY, ACT_DATE, "c-1"))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("actCoversOnlyChangesAwaitingIt"));
    }

    @Test
    void actWithOneChangeNotAwaitingItRecordsNothing() {
        List<Object> given = new ArrayList<>(novosibirskAwaitingAct("c-1"));
        given.add(siteRemoved(ProcedurePreset.NOVOSIBIRSK_GSN, "c-2", SPECIALIST));
        fixture.given(given)
                .when(act(DEPUTY, ACT_DATE, "c-1", "c-2"))
                .expectNoEvents()
                .expectException(RuleViolatedException.class);
    }

    @Test
    void onlyActHoldersRecordActs() {
        fixture.given(novosibirskAwaitingAct("c-1"))
                .when(act(HEAD, ACT_DATE, "c-1"))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyActHoldersRecordActs"));
    }

    @Test
    void actIsDescribedByNumberDateAndChanges() {
        fixture.given(novosibirskAwaitingAct("c-1"))
                .when(new RecordApprovalActCommand(REGISTER, "act-1", " ", null, List.of(), DEPUTY, ACT_RECORDED_AT))
                .expectException(fieldError("number"))
                .expectExceptionMessage(rule("approvalActIsDescribed"));
    }

    @Test
    void repeatedActRecordsNothingNew() {
        List<Object> given = new ArrayList<>(novosibirskAwaitingAct("c-1"));
        given.add(
                new ApprovalActRecorded(REGISTER, "act-1", "15-п", ACT_DATE, List.of("c-1"), DEPUTY, ACT_RECORDED_AT));
        given.add(new ChangeApproved(
                REGISTER, "c-1", null, null, "act-1", "15-п", ACT_DATE, null, DEPUTY, ACT_RECORDED_AT));
        fixture.given(given)
                .when(act(DEPUTY, ACT_DATE, "c-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new ApprovalActResult("act-1", List.of("c-1")));
    }

    @Test
    void anActIdNamesOneAct() {
        List<Object> given = new ArrayList<>(novosibirskAwaitingAct("c-1"));
        given.add(
                new ApprovalActRecorded(REGISTER, "act-1", "15-п", ACT_DATE, List.of("c-1"), DEPUTY, ACT_RECORDED_AT));
        given.add(new ChangeApproved(
                REGISTER, "c-1", null, null, "act-1", "15-п", ACT_DATE, null, DEPUTY, ACT_RECORDED_AT));
        fixture.given(given)
                .when(new RecordApprovalActCommand(
                        REGISTER, "act-1", "16-п", ACT_DATE, List.of("c-1"), DEPUTY, ACT_RECORDED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("sameActIdSameAct"));
    }

    @Test
    void changeAwaitingTheActIsRejectedAtTheActStep() {
        fixture.given(novosibirskAwaitingAct("c-1"))
                .when(new RejectChangeCommand(REGISTER, "c-1", "Не включать", null, DEPUTY, REJECTED_AT))
                .expectEvents(new ChangeRejected(
                        REGISTER, "c-1", ApprovalStep.APPROVAL_ACT, "Не включать", null, DEPUTY, REJECTED_AT));
    }

    // ---- SMOLENSK_MINPROMTORG (004): authorised persons verify, an order of the ministry approves ----

    @Test
    void minpromtorgResponsiblePersonInitiates() {
        fixture.given(under(ProcedurePreset.SMOLENSK_MINPROMTORG))
                .when(removePhone(RESPONSIBLE))
                .expectEvents(phoneRemoved(ProcedurePreset.SMOLENSK_MINPROMTORG, "c-1", RESPONSIBLE));
    }

    @Test
    void minpromtorgDivisionSpecialistInitiatesToo() {
        fixture.given(under(ProcedurePreset.SMOLENSK_MINPROMTORG))
                .when(removePhone(SPECIALIST))
                .expectEvents(phoneRemoved(ProcedurePreset.SMOLENSK_MINPROMTORG, "c-1", SPECIALIST));
    }

    @Test
    void minpromtorgAuthorisedPersonVerifiesAndTheChangeAwaitsTheOrder() {
        fixture.given(under(
                        ProcedurePreset.SMOLENSK_MINPROMTORG,
                        phoneRemoved(ProcedurePreset.SMOLENSK_MINPROMTORG, "c-1", SPECIALIST)))
                .when(approval("c-1", RESPONSIBLE))
                .expectEvents(
                        new StepApproved(REGISTER, "c-1", ProcedureStep.RESPONSIBLE, null, null, RESPONSIBLE, STEP_AT))
                .expectResultMessagePayload(new StepApprovalResult(
                        "c-1", ChangeStatus.AWAITING_APPROVAL_ACT, StepApprovalResult.APPROVAL_ACT));
    }

    @Test
    void minpromtorgResponsiblePersonDoesNotVerifyTheirOwnChange() {
        fixture.given(under(
                        ProcedurePreset.SMOLENSK_MINPROMTORG,
                        phoneRemoved(ProcedurePreset.SMOLENSK_MINPROMTORG, "c-1", RESPONSIBLE)))
                .when(approval("c-1", RESPONSIBLE))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("nobodyApprovesTheirOwnChange"));
    }

    @Test
    void minpromtorgOnlyAuthorisedPersonsVerify() {
        fixture.given(under(
                        ProcedurePreset.SMOLENSK_MINPROMTORG,
                        phoneRemoved(ProcedurePreset.SMOLENSK_MINPROMTORG, "c-1", SPECIALIST)))
                .when(approval("c-1", HEAD))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyAResponsiblePersonApproves"));
    }

    @Test
    void nobodyRecordsTheActOfTheirOwnChange() {
        fixture.given(under(
                        ProcedurePreset.SMOLENSK_MINPROMTORG,
                        phoneRemoved(ProcedurePreset.SMOLENSK_MINPROMTORG, "c-1", RESPONSIBLE),
                        new StepApproved(
                                REGISTER, "c-1", ProcedureStep.RESPONSIBLE, null, null, OTHER_RESPONSIBLE, STEP_AT)))
                .when(act(RESPONSIBLE, ACT_DATE, "c-1"))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("nobodyApprovesTheirOwnChange"));
    }

    @Test
    void minpromtorgOrderOfTheMinistryApproves() {
        fixture.given(under(
                        ProcedurePreset.SMOLENSK_MINPROMTORG,
                        phoneRemoved(ProcedurePreset.SMOLENSK_MINPROMTORG, "c-1", SPECIALIST),
                        new StepApproved(REGISTER, "c-1", ProcedureStep.RESPONSIBLE, null, null, RESPONSIBLE, STEP_AT)))
                .when(act(OTHER_RESPONSIBLE, ACT_DATE, "c-1"))
                .expectEvents(
                        new ApprovalActRecorded(
                                REGISTER,
                                "act-1",
                                "15-п",
                                ACT_DATE,
                                List.of("c-1"),
                                OTHER_RESPONSIBLE,
                                ACT_RECORDED_AT),
                        new ChangeApproved(
                                REGISTER,
                                "c-1",
                                null,
                                null,
                                "act-1",
                                "15-п",
                                ACT_DATE,
                                null,
                                OTHER_RESPONSIBLE,
                                ACT_RECORDED_AT,
                                due(ACT_DATE, LocalDate.of(2024, 3, 22)))); // ten days from the act's date
    }

    // ---- a register created without a procedure, whose procedure then changes ----

    @Test
    void changeInTheChainKeepsTheProcedureItStartedUnder() {
        fixture.given(registerAnd(
                        removeInitiated("c-1", PHONE_ID, PHONE),
                        divisionApproved("c-1"),
                        new org.touchpoints.register.api.procedure.ProcedureChanged(
                                REGISTER, ProcedurePreset.DAGESTAN_MINSTROY.procedure(), ADMIN, STEP_AT)))
                .when(deputyApproval("c-1"))
                .expectEvents(deputyApproved("c-1"));
    }

    @Test
    void changeInitiatedAfterTheProcedureChangedRunsTheNewChain() {
        fixture.given(registerAnd(new org.touchpoints.register.api.procedure.ProcedureChanged(
                        REGISTER, ProcedurePreset.DAGESTAN_MINSTROY.procedure(), ADMIN, CREATED_AT)))
                .when(remove("c-1", PHONE_ID))
                .expectEvents(new ChangeInitiated(
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
                        chain(ProcedurePreset.DAGESTAN_MINSTROY)));
    }

    @Test
    void genericApprovalTakesTodaysStepsToo() {
        fixture.given(registerAnd(removeInitiated("c-1", PHONE_ID, PHONE)))
                .when(approval("c-1", HEAD))
                .expectEvents(new DivisionApproved(REGISTER, "c-1", null, null, HEAD, STEP_AT))
                .expectResultMessagePayload(new StepApprovalResult("c-1", ChangeStatus.DIVISION_APPROVED, "DEPUTY"));
    }

    @Test
    void genericApprovalOfTodaysLastStepIsTheDeputysApproval() {
        fixture.given(registerAnd(removeInitiated("c-1", PHONE_ID, PHONE), divisionApproved("c-1")))
                .when(approval("c-1", DEPUTY))
                .expectEvents(new DeputyApproved(REGISTER, "c-1", null, null, null, null, DEPUTY, STEP_AT, DUE_05_03));
    }

    @Test
    void nobodyApprovesTheirOwnChangeAtAnyStep() {
        fixture.given(under(
                        ProcedurePreset.ASTRAKHAN_GZHN,
                        new ChangeInitiated(
                                REGISTER,
                                "c-1",
                                ChangeKind.REMOVE,
                                MAIL_ID,
                                MAIL,
                                null,
                                ChangeReason.NEEDS_CHANGED,
                                null,
                                APPEALS,
                                MINISTER,
                                INITIATED_AT,
                                chain(ProcedurePreset.ASTRAKHAN_GZHN))))
                .when(approval("c-1", MINISTER))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("nobodyApprovesTheirOwnChange"));
    }

    @Test
    void divisionHeadApprovalEndpointKeepsItsRule() {
        fixture.given(registerAnd(removeInitiated("c-1", PHONE_ID, PHONE)))
                .when(new ApproveByDivisionCommand(REGISTER, "c-1", null, null, OTHER_HEAD, STEP_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatingDivisionsHeadApproves"));
    }

    @Test
    void onePersonGivesOneStepOfAProceduresChain() {
        Procedure twoSteps = ProcedurePreset.DAGESTAN_MINSTROY
                .procedure()
                .overriddenBy(new Procedure(
                        null,
                        null,
                        List.of(ProcedureStep.DIVISION_HEAD, ProcedureStep.HEAD_OF_AUTHORITY),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        List<Object> given = new ArrayList<>();
        given.add(new RegisterCreated(REGISTER, AUTHORITY, ZONE, 10, TEMPLATE, null, ADMIN, CREATED_AT, twoSteps));
        given.addAll(register().subList(1, register().size()));
        given.add(member(HEAD, MemberRole.HEAD_OF_AUTHORITY, null)); // the head of the division is also the minister
        given.add(new ChangeInitiated(
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
                twoSteps.chain()));
        given.add(new DivisionApproved(REGISTER, "c-1", null, null, HEAD, DIVISION_APPROVED_AT));
        fixture.given(given)
                .when(new ApproveStepCommand(REGISTER, "c-1", "Утверждаю", null, HEAD, STEP_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onePersonOneApprovalStep"));
    }
}
