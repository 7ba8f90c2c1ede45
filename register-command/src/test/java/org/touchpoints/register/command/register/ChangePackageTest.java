package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApprovalStep;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.InitiateChangePackageCommand;
import org.touchpoints.register.api.change.PackageOperation;
import org.touchpoints.register.api.change.RejectChangeCommand;
import org.touchpoints.register.api.change.RowChange;
import org.touchpoints.register.api.change.WithdrawChangeCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * Change packages: several rows, one change, one approval chain; every rule checked on the register as it would stand
 * after the whole package, and a package that breaks one refused whole, naming the operation.
 */
class ChangePackageTest {

    private static final String NEW_PROCESS = "Выдача квалификационных аттестатов";

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static InitiateChangePackageCommand pkg(String changeId, PackageOperation... ops) {
        return new InitiateChangePackageCommand(
                REGISTER, changeId, List.of(ops), ChangeReason.OTHER, null, null, SPECIALIST, INITIATED_AT);
    }

    private static PackageOperation addOp(RowContent draft) {
        return new PackageOperation(ChangeKind.ADD, null, draft);
    }

    private static PackageOperation editOp(String rowId, RowContent draft) {
        return new PackageOperation(ChangeKind.EDIT, rowId, draft);
    }

    private static PackageOperation removeOp(String rowId) {
        return new PackageOperation(ChangeKind.REMOVE, rowId, null);
    }

    private static ChangeInitiated packageInitiated(String changeId, RowChange... ops) {
        return ChangeInitiated.ofPackage(
                REGISTER, changeId, List.of(ops), ChangeReason.OTHER, null, LICENSING, SPECIALIST, INITIATED_AT, null);
    }

    /** A licensing row as typed: a digital touchpoint with the given name, meeting need 1. */
    private static RowContent licensingDraft(String name) {
        return new RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new Touchpoint(name, Channel.DIGITAL, null),
                List.of(1),
                null,
                null,
                null,
                null);
    }

    /** {@link #licensingDraft} as recorded. */
    private static RowContent licensing(String process, String name) {
        return new RowContent(
                SERVICES,
                process,
                new Touchpoint(name, Channel.DIGITAL, null),
                List.of(1),
                null,
                "Получение информации",
                "Взаимодействие в цифровой точке",
                LICENSING);
    }

    /** A package of three: a new portal row, the phone row edited, the site row removed. */
    private static InitiateChangePackageCommand threeOperations(String changeId) {
        return pkg(changeId, addOp(PORTAL_DRAFT), editOp(PHONE_ID, PHONE_EDIT_DRAFT), removeOp(SITE_ID));
    }

    private static ChangeInitiated threeOperationsInitiated(String changeId) {
        return packageInitiated(
                changeId,
                new RowChange(ChangeKind.ADD, changeId + "-1", null, PORTAL),
                new RowChange(ChangeKind.EDIT, PHONE_ID, PHONE, PHONE_EDITED),
                new RowChange(ChangeKind.REMOVE, SITE_ID, SITE, null));
    }

    // ---- what a package records ----

    @Test
    void packageRecordsEveryOperationInOneChange() {
        fixture.given(register())
                .when(threeOperations("p-1"))
                .expectEvents(threeOperationsInitiated("p-1"))
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void packageOfOneOperationIsTheSingleRowChange() {
        fixture.given(register())
                .when(new InitiateChangePackageCommand(
                        REGISTER,
                        "c-portal",
                        List.of(addOp(PORTAL_DRAFT)),
                        ChangeReason.NEW_TOUCHPOINT,
                        null,
                        null,
                        SPECIALIST,
                        INITIATED_AT))
                .expectEvents(addInitiated("c-portal", PORTAL));
    }

    @Test
    void packageOfOneOperationNamesItsFieldsAsTheOperations() {
        fixture.given(register())
                .when(pkg(
                        "p-1",
                        addOp(new RowContent(SERVICES, LICENSING_PROCESS, null, List.of(1), null, null, null, null))))
                .expectException(fieldError("operations[0].row.touchpoint"))
                .expectNoEvents();
    }

    @Test
    void repeatingThePackageRecordsNothingNew() {
        fixture.given(registerAnd(threeOperationsInitiated("p-1")))
                .when(threeOperations("p-1"))
                .expectNoEvents()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void anotherPackageUnderTheSameIdIsRefused() {
        fixture.given(registerAnd(threeOperationsInitiated("p-1")))
                .when(pkg("p-1", addOp(PORTAL_DRAFT), removeOp(SITE_ID)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("sameChangeIdSameProposal"))
                .expectNoEvents();
    }

    // ---- 1 to 500 operations ----

    @Test
    void packageWithoutOperationsIsRefused() {
        fixture.given(register())
                .when(pkg("p-1"))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("operations"))
                .expectNoEvents();
    }

    @Test
    void packageOfMoreThan500OperationsIsRefused() {
        List<PackageOperation> ops = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            ops.add(addOp(licensingDraft("Точка " + i)));
        }
        fixture.given(register())
                .when(new InitiateChangePackageCommand(
                        REGISTER, "p-1", ops, ChangeReason.OTHER, null, null, SPECIALIST, INITIATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("operations"))
                .expectNoEvents();
    }

    @Test
    void packageOf500OperationsIsAccepted() {
        List<PackageOperation> ops = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ops.add(addOp(licensingDraft("Точка " + i)));
        }
        fixture.given(register())
                .when(new InitiateChangePackageCommand(
                        REGISTER, "p-1", ops, ChangeReason.OTHER, null, null, SPECIALIST, INITIATED_AT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void operationWithoutItsRowIsRefusedNamingIt() {
        fixture.given(register())
                .when(pkg("p-1", addOp(PORTAL_DRAFT), new PackageOperation(ChangeKind.EDIT, PHONE_ID, null)))
                .expectException(fieldError("operations[1].row"))
                .expectNoEvents();
    }

    @Test
    void operationOfKindPackageIsRefused() {
        fixture.given(register())
                .when(pkg("p-1", addOp(PORTAL_DRAFT), new PackageOperation(ChangeKind.PACKAGE, null, PORTAL_DRAFT)))
                .expectException(fieldError("operations[1].kind"))
                .expectNoEvents();
    }

    // ---- rules on the register as it would stand after the package ----

    @Test
    void packageBreakingOneTouchpointPerProcessInItsThirdOperationRecordsNothing() {
        fixture.given(register())
                .when(pkg(
                        "p-1",
                        addOp(licensingDraft("Telegram-канал")),
                        editOp(PHONE_ID, PHONE_EDIT_DRAFT),
                        addOp(new RowContent(
                                SERVICES,
                                LICENSING_PROCESS,
                                new Touchpoint(
                                        "Официальный сайт ГЖИ", Channel.DIGITAL, "https://gzhi.admin-smolensk.ru/"),
                                List.of(2),
                                null,
                                null,
                                null,
                                null))))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectException(fieldError("operations[2].row.touchpoint.name"))
                .expectNoEvents();
    }

    @Test
    void twoOperationsProposingOneTouchpointAreRefused() {
        fixture.given(register())
                .when(pkg(
                        "p-1",
                        addOp(licensingDraft("Telegram-канал")),
                        addOp(licensingDraft("VK")),
                        addOp(licensingDraft("Telegram-канал "))))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectException(fieldError("operations[2].row.touchpoint.name"))
                .expectNoEvents();
    }

    @Test
    void aTouchpointMayMoveToAnotherRowWithinThePackage() {
        // the site row is removed and a new row takes its touchpoint: after the package the process has it once
        RowContent siteAgain = new RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new Touchpoint("Официальный сайт ГЖИ", Channel.DIGITAL, "https://gzhi.admin-smolensk.ru"),
                List.of(1, 2, 3),
                null,
                null,
                null,
                null);
        fixture.given(register())
                .when(pkg("p-1", removeOp(SITE_ID), addOp(siteAgain)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void operationOnARowWithAnOpenChangeIsRefusedNamingIt() {
        fixture.given(registerAnd(editInitiated("c-phone", PHONE_ID, PHONE, PHONE_EDITED)))
                .when(pkg("p-1", addOp(licensingDraft("Telegram-канал")), removeOp(SITE_ID), removeOp(PHONE_ID)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneOpenChangePerRow"))
                .expectException(fieldError("operations[2].rowId"))
                .expectNoEvents();
    }

    @Test
    void anOpenPackageHoldsEveryRowItTouches() {
        fixture.given(registerAnd(threeOperationsInitiated("p-1")))
                .when(remove("c-site-out", SITE_ID))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneOpenChangePerRow"))
                .expectNoEvents();
    }

    @Test
    void anOpenPackageHoldsEveryTouchpointItProposes() {
        fixture.given(registerAnd(threeOperationsInitiated("p-1")))
                .when(add("c-portal", PORTAL_DRAFT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    @Test
    void oneRowTouchedTwiceIsRefused() {
        fixture.given(register())
                .when(pkg("p-1", editOp(PHONE_ID, PHONE_EDIT_DRAFT), removeOp(PHONE_ID)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onePackageOperationPerRow"))
                .expectException(fieldError("operations[1].rowId"))
                .expectNoEvents();
    }

    @Test
    void operationOnAMissingRowIsRefusedNamingIt() {
        fixture.given(register())
                .when(pkg("p-1", addOp(PORTAL_DRAFT), removeOp("r-none")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("editOrRemoveTargetsAnExistingRow"))
                .expectException(fieldError("operations[1].rowId"))
                .expectNoEvents();
    }

    @Test
    void operationOnAnotherDivisionsProcessIsRefused() {
        fixture.given(register())
                .when(pkg("p-1", addOp(PORTAL_DRAFT), removeOp(MAIL_ID)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"))
                .expectNoEvents();
    }

    @Test
    void packageOfTwoDivisionsIsRefusedWhereTheDivisionHeadApproves() {
        fixture.given(registerAnd(member(SPECIALIST, MemberRole.SPECIALIST, APPEALS)))
                .when(pkg("p-1", addOp(PORTAL_DRAFT), removeOp(MAIL_ID)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("aPackageBelongsToOneDivision"))
                .expectException(fieldError("operations[1].row"))
                .expectNoEvents();
    }

    @Test
    void operationNotChangingItsRowIsRefusedNamingIt() {
        fixture.given(register())
                .when(pkg("p-1", addOp(PORTAL_DRAFT), editOp(PHONE_ID, PHONE)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("anEditChangesTheRow"))
                .expectException(fieldError("operations[1].row"))
                .expectNoEvents();
    }

    @Test
    void incompleteRowsAreAllNamed() {
        RowContent noNeeds = new RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new Touchpoint("VK", Channel.DIGITAL, null),
                List.of(),
                null,
                null,
                null,
                null);
        fixture.given(register())
                .when(pkg("p-1", addOp(noNeeds), addOp(PORTAL_DRAFT), addOp(noNeeds.withDivision(null))))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("operations[0].row.needs"))
                .expectException(fieldError("operations[2].row.needs"))
                .expectNoEvents();
    }

    @Test
    void directionFollowsTheProcessAfterThePackage() {
        RowContent otherDirection = new RowContent(
                APPEALS_DIRECTION,
                LICENSING_PROCESS,
                new Touchpoint("VK", Channel.DIGITAL, null),
                List.of(1),
                null,
                null,
                null,
                null);
        fixture.given(register())
                .when(pkg("p-1", addOp(PORTAL_DRAFT), addOp(otherDirection)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("directionFollowsTheProcess"))
                .expectException(fieldError("operations[1].row.direction"))
                .expectNoEvents();
    }

    // ---- through the chain: one approval, every row at once ----

    /** A new process with its 8 touchpoints, as typed and as the package records them. */
    private static List<PackageOperation> newProcessOps() {
        List<PackageOperation> ops = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            ops.add(addOp(new RowContent(
                    SERVICES,
                    NEW_PROCESS,
                    new Touchpoint("Точка " + i, Channel.DIGITAL, null),
                    List.of(1),
                    null,
                    null,
                    null,
                    null)));
        }
        return ops;
    }

    private static ChangeInitiated newProcessInitiated() {
        List<RowChange> ops = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            ops.add(new RowChange(ChangeKind.ADD, "p-new-" + i, null, licensing(NEW_PROCESS, "Точка " + i)));
        }
        return ChangeInitiated.ofPackage(
                REGISTER,
                "p-new",
                ops,
                ChangeReason.PROCESS_REGISTRY_CHANGED,
                null,
                LICENSING,
                SPECIALIST,
                INITIATED_AT,
                null);
    }

    @Test
    void packageAddingAProcessWithEightTouchpointsIsRecordedAsOneChange() {
        fixture.given(register())
                .when(new InitiateChangePackageCommand(
                        REGISTER,
                        "p-new",
                        newProcessOps(),
                        ChangeReason.PROCESS_REGISTRY_CHANGED,
                        null,
                        null,
                        SPECIALIST,
                        INITIATED_AT))
                .expectEvents(newProcessInitiated());
    }

    @Test
    void packageAddingAProcessWithEightTouchpointsEntersTheRegisterAtOnce() {
        // after one final approval the register holds all eight rows: the published version is the register with them
        List<RegisterRow> rows = new ArrayList<>(List.of(row(SITE_ID, SITE), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL)));
        for (int i = 1; i <= 8; i++) {
            rows.add(row("p-new-" + i, licensing(NEW_PROCESS, "Точка " + i)));
        }
        String sha = sha256(rows.toArray(RegisterRow[]::new));
        fixture.given(registerAnd(newProcessInitiated(), divisionApproved("p-new"), deputyApproved("p-new")))
                .when(publish())
                .expectEvents(published(1, List.of("p-new"), sha, null));
    }

    @Test
    void approvedPackageEntersTheRegisterAsAWhole() {
        RegisterRow[] after = {row(PHONE_ID, PHONE_EDITED), row(MAIL_ID, MAIL), row("p-1-1", PORTAL)};
        fixture.given(registerAnd(threeOperationsInitiated("p-1"), divisionApproved("p-1"), deputyApproved("p-1")))
                .when(publish())
                .expectEvents(published(1, List.of("p-1"), sha256(after), null));
    }

    @Test
    void packageIsApprovedByTheChainOnce() {
        fixture.given(registerAnd(threeOperationsInitiated("p-1"), divisionApproved("p-1")))
                .when(deputyApproval("p-1"))
                .expectEvents(deputyApproved("p-1"));
    }

    @Test
    void atEntryTheTouchpointsAreCheckedAgain() {
        // a row with the package's touchpoint entered the register meanwhile (the import of older data, say)
        fixture.given(registerAnd(
                        threeOperationsInitiated("p-1"), divisionApproved("p-1"), imported("r-portal", PORTAL)))
                .when(deputyApproval("p-1"))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    @Test
    void packageApprovedByAnActEntersTheRegisterAsAWhole() {
        // Novosibirsk (003): the head, the deputy, then an order of the inspection approves the package
        var procedure = org.touchpoints.register.api.procedure.ProcedurePreset.NOVOSIBIRSK_GSN.procedure();
        List<Object> events = new ArrayList<>();
        events.add(new org.touchpoints.register.api.register.RegisterCreated(
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
        ChangeInitiated initiated = threeOperationsInitiated("p-1");
        events.add(ChangeInitiated.ofPackage(
                REGISTER,
                "p-1",
                initiated.operations(),
                ChangeReason.OTHER,
                null,
                LICENSING,
                SPECIALIST,
                INITIATED_AT,
                procedure.chain()));
        events.add(divisionApproved("p-1"));
        events.add(new org.touchpoints.register.api.change.StepApproved(
                REGISTER,
                "p-1",
                org.touchpoints.register.api.procedure.ProcedureStep.DEPUTY,
                null,
                null,
                DEPUTY,
                DEPUTY_APPROVED_AT));
        java.time.LocalDate actDate = java.time.LocalDate.of(2024, 3, 7);
        events.add(new org.touchpoints.register.api.change.ApprovalActRecorded(
                REGISTER, "act-1", "15-п", actDate, List.of("p-1"), DEPUTY, PUBLISHED_AT.minusSeconds(3600)));
        events.add(new org.touchpoints.register.api.change.ChangeApproved(
                REGISTER, "p-1", null, null, "act-1", "15-п", actDate, null, DEPUTY, PUBLISHED_AT.minusSeconds(3600)));
        RegisterRow[] after = {row(PHONE_ID, PHONE_EDITED), row(MAIL_ID, MAIL), row("p-1-1", PORTAL)};
        fixture.given(events).when(publish()).expectEvents(published(1, List.of("p-1"), sha256(after), null));
    }

    // ---- withdrawal and rejection of a package ----

    @Test
    void initiatorWithdrawsAPackageAndItsRowsAreFreeAgain() {
        fixture.given(registerAnd(threeOperationsInitiated("p-1")))
                .when(new WithdrawChangeCommand(REGISTER, "p-1", null, SPECIALIST, WITHDRAWN_AT))
                .expectEvents(new ChangeWithdrawn(REGISTER, "p-1", SPECIALIST, WITHDRAWN_AT))
                .expectResultMessagePayload(ChangeStatus.WITHDRAWN);
        fixture.given(registerAnd(threeOperationsInitiated("p-1"), withdrawn("p-1")))
                .when(remove("c-site-out", SITE_ID))
                .expectEvents(removeInitiated("c-site-out", SITE_ID, SITE));
    }

    @Test
    void headRejectsAPackageAndNothingOfItEntersTheRegister() {
        fixture.given(registerAnd(threeOperationsInitiated("p-1")))
                .when(new RejectChangeCommand(
                        REGISTER, "p-1", "Разделите на отдельные изменения", null, HEAD, REJECTED_AT))
                .expectEvents(rejected("p-1", ApprovalStep.DIVISION, "Разделите на отдельные изменения", HEAD))
                .expectResultMessagePayload(ChangeStatus.REJECTED);
        fixture.given(registerAnd(
                        threeOperationsInitiated("p-1"),
                        new ChangeRejected(REGISTER, "p-1", ApprovalStep.DIVISION, "Нет", null, HEAD, REJECTED_AT)))
                .when(publish())
                .expectEvents(published(1, List.of(), importedSha256(), null));
    }
}
