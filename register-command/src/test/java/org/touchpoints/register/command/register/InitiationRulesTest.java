package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApprovalStep;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.RuleViolatedException;

/** Who may initiate a change, of what, and when a proposal is refused before it enters the chain. */
class InitiationRulesTest {

    private static final String NEW_PROCESS = "Выдача квалификационных аттестатов";

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static InitiateChangeCommand by(InitiateChangeCommand cmd, String actor) {
        return new InitiateChangeCommand(
                cmd.registerId(),
                cmd.changeId(),
                cmd.kind(),
                cmd.rowId(),
                cmd.row(),
                cmd.reason(),
                cmd.comment(),
                null,
                actor,
                cmd.at());
    }

    /** A licensing row at the named touchpoint and address, meeting need 1. */
    private static RowContent touchpoint(String name, String address) {
        return new RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new Touchpoint(name, Channel.DIGITAL, address),
                List.of(1),
                null,
                null,
                null,
                null);
    }

    private static RowContent inDivision(RowContent draft, String division) {
        return draft.withDivision(division);
    }

    // ---- positive paths ----

    @Test
    void additionTakesTheChangeIdAsTheNewRowsId() {
        fixture.given(register())
                .when(add("c-portal", PORTAL_DRAFT))
                .expectEvents(new ChangeInitiated(
                        REGISTER,
                        "c-portal",
                        ChangeKind.ADD,
                        "c-portal",
                        null,
                        PORTAL,
                        ChangeReason.NEW_TOUCHPOINT,
                        null,
                        LICENSING,
                        SPECIALIST,
                        INITIATED_AT));
    }

    @Test
    void editRecordsTheRowAsItStoodAndTheProposal() {
        fixture.given(register())
                .when(edit("c-phone", PHONE_ID, PHONE_EDIT_DRAFT))
                .expectEvents(editInitiated("c-phone", PHONE_ID, PHONE, PHONE_EDITED))
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void removalRecordsTheRowAsItStoodAndNoProposal() {
        fixture.given(register())
                .when(remove("c-phone-out", PHONE_ID))
                .expectEvents(removeInitiated("c-phone-out", PHONE_ID, PHONE));
    }

    @Test
    void commentIsRecordedTrimmed() {
        fixture.given(register())
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-portal",
                        ChangeKind.ADD,
                        null,
                        PORTAL_DRAFT,
                        ChangeReason.NEW_TOUCHPOINT,
                        "  Подключена услуга на ЕПГУ \n",
                        null,
                        SPECIALIST,
                        INITIATED_AT))
                .expectEvents(new ChangeInitiated(
                        REGISTER,
                        "c-portal",
                        ChangeKind.ADD,
                        "c-portal",
                        null,
                        PORTAL,
                        ChangeReason.NEW_TOUCHPOINT,
                        "Подключена услуга на ЕПГУ",
                        LICENSING,
                        SPECIALIST,
                        INITIATED_AT));
    }

    @Test
    void newProcessBelongsToTheDivisionTheProposalNames() {
        RowContent draft = inDivision(draft(NEW_PROCESS, "ЕПГУ", Channel.DIGITAL, 4), LICENSING);
        fixture.given(registerAnd(member(SPECIALIST, MemberRole.SPECIALIST, APPEALS)))
                .when(add("c-attest", draft))
                .expectEvents(addInitiated(
                        "c-attest",
                        new RowContent(
                                SERVICES,
                                NEW_PROCESS,
                                new Touchpoint("ЕПГУ", Channel.DIGITAL, null),
                                List.of(4),
                                null,
                                "Представление заявления, обращения, запроса, документов",
                                "Взаимодействие в цифровой точке",
                                LICENSING)));
    }

    @Test
    void newProcessBelongsToTheInitiatorsOnlyDivision() {
        fixture.given(register())
                .when(add("c-attest", draft(NEW_PROCESS, "ЕПГУ", Channel.DIGITAL, 4)))
                .expectEvents(addInitiated(
                        "c-attest",
                        new RowContent(
                                SERVICES,
                                NEW_PROCESS,
                                new Touchpoint("ЕПГУ", Channel.DIGITAL, null),
                                List.of(4),
                                null,
                                "Представление заявления, обращения, запроса, документов",
                                "Взаимодействие в цифровой точке",
                                LICENSING)));
    }

    @Test
    void processOwnerDecidesTheDivisionEvenWhenTheProposalNamesAnother() {
        fixture.given(register())
                .when(add("c-portal", inDivision(PORTAL_DRAFT, APPEALS)))
                .expectEvents(addInitiated("c-portal", PORTAL));
    }

    @Test
    void sameTouchpointMayServeAnotherProcess() {
        fixture.given(register())
                .when(by(
                        add(
                                "c-appeals-site",
                                new RowContent(
                                        APPEALS_DIRECTION,
                                        APPEALS_PROCESS,
                                        new Touchpoint(
                                                "Официальный сайт ГЖИ",
                                                Channel.DIGITAL,
                                                "https://gzhi.admin-smolensk.ru"),
                                        List.of(4),
                                        null,
                                        null,
                                        null,
                                        null)),
                        OTHER_SPECIALIST))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void sameNameAtAnotherAddressIsAnotherTouchpoint() {
        // two phone lines with different numbers are two touchpoints
        fixture.given(register())
                .when(add(
                        "c-phone-2",
                        new RowContent(
                                SERVICES,
                                LICENSING_PROCESS,
                                new Touchpoint("Телефон", Channel.OFFLINE, "8 (4812) 29-10-72"),
                                List.of(5),
                                null,
                                null,
                                null,
                                null)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void editMayKeepTheRowsOwnTouchpoint() {
        fixture.given(register())
                .when(edit("c-site", SITE_ID, touchpoint("Официальный сайт ГЖИ", "https://gzhi.admin-smolensk.ru")))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void rowMayBeChangedAgainOnceItsPreviousChangeWasRejected() {
        fixture.given(registerAnd(
                        editInitiated("c-phone", PHONE_ID, PHONE, PHONE_EDITED),
                        rejected("c-phone", ApprovalStep.DIVISION, "Не тот номер", HEAD)))
                .when(remove("c-phone-out", PHONE_ID))
                .expectEvents(removeInitiated("c-phone-out", PHONE_ID, PHONE));
    }

    @Test
    void touchpointOfAWithdrawnProposalMayBeProposedAgain() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), withdrawn("c-portal")))
                .when(add("c-portal-2", PORTAL_DRAFT))
                .expectEvents(addInitiated("c-portal-2", PORTAL));
    }

    @Test
    void repeatingTheSameInitiationRecordsNothingNew() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(add("c-portal", PORTAL_DRAFT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void repeatingAnAdditionAfterItsApprovalRecordsNothingNew() {
        // the new row now bears the change's id; the repeat is still the same request, not a new addition
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(add("c-portal", PORTAL_DRAFT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void repeatingTheSameRemovalRecordsNothingNew() {
        fixture.given(registerAnd(removeInitiated("c-phone-out", PHONE_ID, PHONE)))
                .when(remove("c-phone-out", PHONE_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    // ---- onlyMembersOfTheOwningDivisionInitiate ----

    @Test
    void specialistOfAnotherDivisionCannotInitiateAChangeOfTheProcess() {
        fixture.given(register())
                .when(by(add("c-portal", PORTAL_DRAFT), OTHER_SPECIALIST))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"))
                .expectNoEvents();
    }

    @Test
    void headOfTheDivisionCannotInitiateAChange() {
        fixture.given(register())
                .when(by(remove("c-phone-out", PHONE_ID), HEAD))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"))
                .expectNoEvents();
    }

    @Test
    void personOutsideEveryDivisionCannotProposeANewProcess() {
        fixture.given(register())
                .when(by(add("c-attest", draft(NEW_PROCESS, "ЕПГУ", Channel.DIGITAL, 4)), DEPUTY))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"))
                .expectNoEvents();
    }

    @Test
    void editCannotMoveARowIntoAnotherDivisionsProcess() {
        fixture.given(register())
                .when(edit(
                        "c-phone",
                        PHONE_ID,
                        new RowContent(
                                APPEALS_DIRECTION,
                                APPEALS_PROCESS,
                                new Touchpoint("Телефон", Channel.OFFLINE, null),
                                List.of(1),
                                null,
                                null,
                                null,
                                null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"))
                .expectNoEvents();
    }

    // ---- editOrRemoveTargetsAnExistingRow ----

    @Test
    void editOfAnUnknownRowIsRefused() {
        fixture.given(register())
                .when(edit("c-ghost", "r-ghost", PHONE_EDIT_DRAFT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("editOrRemoveTargetsAnExistingRow"))
                .expectNoEvents();
    }

    @Test
    void removalOfARowAlreadyRemovedIsRefused() {
        fixture.given(register())
                .andGiven(approved(removeInitiated("c-phone-out", PHONE_ID, PHONE)))
                .when(remove("c-phone-out-2", PHONE_ID))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("editOrRemoveTargetsAnExistingRow"))
                .expectNoEvents();
    }

    @Test
    void editOfARowProposedButNotYetApprovedIsRefused() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(edit("c-portal-edit", "c-portal", PORTAL_DRAFT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("editOrRemoveTargetsAnExistingRow"))
                .expectNoEvents();
    }

    // ---- oneOpenChangePerRow ----

    @Test
    void secondChangeOfARowWithAnOpenChangeIsRefused() {
        fixture.given(registerAnd(editInitiated("c-phone", PHONE_ID, PHONE, PHONE_EDITED)))
                .when(remove("c-phone-out", PHONE_ID))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneOpenChangePerRow"))
                .expectNoEvents();
    }

    @Test
    void changeOfARowWhoseChangeAwaitsTheDeputyIsRefused() {
        fixture.given(registerAnd(editInitiated("c-phone", PHONE_ID, PHONE, PHONE_EDITED), divisionApproved("c-phone")))
                .when(edit("c-phone-2", PHONE_ID, PHONE_EDIT_DRAFT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneOpenChangePerRow"))
                .expectNoEvents();
    }

    // ---- directionFollowsTheProcess ----

    @Test
    void aRowOfAnExistingProcessInAnotherDirectionIsRefused() {
        fixture.given(register())
                .when(add(
                        "c-portal",
                        new RowContent(
                                APPEALS_DIRECTION,
                                LICENSING_PROCESS,
                                new Touchpoint("ЕПГУ", Channel.DIGITAL, "https://www.gosuslugi.ru"),
                                List.of(4),
                                null,
                                null,
                                null,
                                null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("directionFollowsTheProcess"))
                .expectNoEvents();
    }

    @Test
    void anEditMovingARowAwayFromItsProcesssDirectionIsRefused() {
        fixture.given(register())
                .when(edit(
                        "c-phone",
                        PHONE_ID,
                        new RowContent(
                                APPEALS_DIRECTION,
                                LICENSING_PROCESS,
                                PHONE.touchpoint(),
                                List.of(1, 2, 5),
                                null,
                                null,
                                null,
                                null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("directionFollowsTheProcess"))
                .expectNoEvents();
    }

    @Test
    void aNewProcessPicksItsDirection() {
        RowContent draft = new RowContent(
                APPEALS_DIRECTION,
                NEW_PROCESS,
                new Touchpoint("ЕПГУ", Channel.DIGITAL, "https://www.gosuslugi.ru"),
                List.of(4),
                null,
                null,
                null,
                LICENSING);
        fixture.given(register())
                .when(add("c-new", draft))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    // ---- anEditChangesTheRow ----

    @Test
    void anEditThatChangesNothingIsRefused() {
        fixture.given(register())
                .when(edit("c-phone", PHONE_ID, PHONE.withDivision(null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("anEditChangesTheRow"))
                .expectNoEvents();
    }

    @Test
    void anEditThatOnlyRetypesTheSameTextWithSpacesIsRefusedToo() {
        RowContent retyped = new RowContent(
                "  " + SERVICES + " ",
                LICENSING_PROCESS,
                new Touchpoint(" Телефон ", Channel.OFFLINE, " 8 (4812) 29-10-71 "),
                List.of(1, 2),
                null,
                null,
                null,
                null);
        fixture.given(register())
                .when(edit("c-phone", PHONE_ID, retyped))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("anEditChangesTheRow"))
                .expectNoEvents();
    }

    // ---- oneTouchpointPerProcess at initiation ----

    @Test
    void additionRepeatingATouchpointOfTheProcessIsRefused() {
        // the same name up to case and spaces is the same touchpoint
        fixture.given(register())
                .when(add("c-site-2", touchpoint("  официальный   сайт гжи ", "https://gzhi.admin-smolensk.ru ")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    @Test
    void editGivingARowAnotherRowsTouchpointIsRefused() {
        fixture.given(register())
                .when(edit("c-phone", PHONE_ID, touchpoint("Официальный сайт ГЖИ", "https://gzhi.admin-smolensk.ru")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    @Test
    void additionRepeatingAnotherOpenChangesProposalIsRefused() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(add("c-portal-2", touchpoint("ЕПГУ", "https://www.gosuslugi.ru")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    @Test
    void editRepeatingAnotherOpenChangesProposalIsRefused() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(edit("c-phone", PHONE_ID, touchpoint("ЕПГУ", "https://www.gosuslugi.ru")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    // ---- sameChangeIdSameProposal ----

    @Test
    void changeIdReusedForAnotherProposalIsRefused() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(add("c-portal", draft(LICENSING_PROCESS, "Портал ГИС ЖКХ", Channel.DIGITAL, 1)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("sameChangeIdSameProposal"))
                .expectNoEvents();
    }

    @Test
    void changeIdReusedByAnotherPersonIsRefused() {
        fixture.given(registerAnd(
                        member(OTHER_SPECIALIST, MemberRole.SPECIALIST, LICENSING), addInitiated("c-portal", PORTAL)))
                .when(by(add("c-portal", PORTAL_DRAFT), OTHER_SPECIALIST))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("sameChangeIdSameProposal"))
                .expectNoEvents();
    }

    @Test
    void changeIdReusedForAnotherKindOfChangeIsRefused() {
        fixture.given(registerAnd(removeInitiated("c-phone", PHONE_ID, PHONE)))
                .when(edit("c-phone", PHONE_ID, PHONE_EDIT_DRAFT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("sameChangeIdSameProposal"))
                .expectNoEvents();
    }

    @Test
    void additionWhoseIdIsAnExistingRowsIdIsRefused() {
        // the new row would take the id of the phone row and replace it on approval
        fixture.given(register())
                .when(add(PHONE_ID, PORTAL_DRAFT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("sameChangeIdSameProposal"))
                .expectNoEvents();
    }

    // ---- changeIsDescribed ----

    @Test
    void changeWithoutAKindIsRefused() {
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
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("kind"))
                .expectNoEvents();
    }

    @Test
    void changeWithoutAReasonIsRefused() {
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
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("reason"))
                .expectNoEvents();
    }

    @Test
    void additionNamingARowIdIsRefused() {
        fixture.given(register())
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-1",
                        ChangeKind.ADD,
                        "r-new",
                        PORTAL_DRAFT,
                        ChangeReason.NEW_TOUCHPOINT,
                        null,
                        null,
                        SPECIALIST,
                        INITIATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("rowId"))
                .expectNoEvents();
    }

    @Test
    void removalWithoutARowIdIsRefused() {
        fixture.given(register())
                .when(remove("c-1", " "))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("rowId"))
                .expectNoEvents();
    }

    @Test
    void editWithoutTheNewRowIsRefused() {
        fixture.given(register())
                .when(edit("c-1", PHONE_ID, null))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("row"))
                .expectNoEvents();
    }

    @Test
    void changeIdWithSpacesIsRefused() {
        fixture.given(register())
                .when(add("c 1", PORTAL_DRAFT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("changeId"))
                .expectNoEvents();
    }

    @Test
    void changeWithoutAnIdIsRefused() {
        fixture.given(register())
                .when(add(null, PORTAL_DRAFT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("changeId"))
                .expectNoEvents();
    }

    @Test
    void commentWithControlCharactersIsRefused() {
        fixture.given(register())
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-1",
                        ChangeKind.ADD,
                        null,
                        PORTAL_DRAFT,
                        ChangeReason.NEW_TOUCHPOINT,
                        "Новая\u0000точка",
                        null,
                        SPECIALIST,
                        INITIATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("comment"))
                .expectNoEvents();
    }

    @Test
    void newProcessOfAnInitiatorInTwoDivisionsMustNameItsDivision() {
        fixture.given(registerAnd(member(SPECIALIST, MemberRole.SPECIALIST, APPEALS)))
                .when(add("c-attest", draft(NEW_PROCESS, "ЕПГУ", Channel.DIGITAL, 4)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("row.division"))
                .expectNoEvents();
    }
}
