package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.DeputyApprovalResult;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.publication.PublicationResult;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.RuleViolatedException;

/** A change's way through the chain: initiated, approved by the head, by the deputy, then published. */
class RegisterChangeLifecycleTest {

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void specialistInitiatesAnAdditionToTheDivisionsProcess() {
        fixture.given(register())
                .when(add("c-portal", PORTAL_DRAFT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(addInitiated("c-portal", PORTAL))
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void headOfTheDivisionApprovesTheInitiatedChange() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(divisionApproval("c-portal"))
                .expectEvents(divisionApproved("c-portal"))
                .expectResultMessagePayload(ChangeStatus.DIVISION_APPROVED);
    }

    @Test
    void deputyGivesTheFinalApprovalAfterTheHead() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(deputyApproval("c-portal"))
                .expectEvents(deputyApproved("c-portal"))
                .expectResultMessagePayload(new DeputyApprovalResult(
                        "c-portal", ChangeStatus.APPROVED, DEPUTY_APPROVED_AT, null, DUE_OF_DEPUTY_APPROVAL));
    }

    @Test
    void deputyApprovesByAnOrderWithItsNumberAndDate() {
        LocalDate orderDate = LocalDate.of(2024, 3, 6);
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new ApproveByDeputyCommand(
                        REGISTER,
                        "c-portal",
                        "  Согласовано  ",
                        "  № 45-од ",
                        orderDate,
                        null,
                        DEPUTY,
                        DEPUTY_APPROVED_AT))
                .expectEvents(new DeputyApproved(
                        REGISTER,
                        "c-portal",
                        "Согласовано",
                        "№ 45-од",
                        orderDate,
                        null,
                        DEPUTY,
                        DEPUTY_APPROVED_AT,
                        DUE_OF_DEPUTY_APPROVAL))
                .expectResultMessagePayload(new DeputyApprovalResult(
                        "c-portal", ChangeStatus.APPROVED, DEPUTY_APPROVED_AT, orderDate, DUE_OF_DEPUTY_APPROVAL));
    }

    @Test
    void publisherPublishesTheApprovedAdditionAsTheFirstVersion() {
        String sha = sha256(row(SITE_ID, SITE), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL), row("c-portal", PORTAL));
        fixture.given(registerAnd(
                        addInitiated("c-portal", PORTAL), divisionApproved("c-portal"), deputyApproved("c-portal")))
                .when(publish())
                .expectEvents(published(1, List.of("c-portal"), sha, null))
                .expectResultMessagePayload(new PublicationResult(1, List.of("c-portal"), sha));
    }

    @Test
    void wholeChainFromInitiationToPublicationRecordsEveryStep() {
        String sha = sha256(row(SITE_ID, SITE), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL), row("c-portal", PORTAL));
        fixture.given(register())
                .andGivenCommands(
                        add("c-portal", PORTAL_DRAFT), divisionApproval("c-portal"), deputyApproval("c-portal"))
                .when(publish())
                .expectEvents(published(1, List.of("c-portal"), sha, null));
    }

    @Test
    void secondPublicationCoversOnlyTheChangesApprovedSinceTheFirstAndChainsItsHash() {
        String first = importedSha256();
        String second = sha256(row(SITE_ID, SITE), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL), row("c-portal", PORTAL));
        fixture.given(register())
                .andGiven(published(1, List.of(), first, null))
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(publish())
                .expectEvents(published(2, List.of("c-portal"), second, first))
                .expectResultMessagePayload(new PublicationResult(2, List.of("c-portal"), second));
    }

    @Test
    void onePublicationCoversEveryApprovedChangeInTheOrderOfApproval() {
        String sha = sha256(row(SITE_ID, SITE), row(MAIL_ID, MAIL), row("c-portal", PORTAL));
        fixture.given(register())
                .andGiven(approved(removeInitiated("c-phone-out", PHONE_ID, PHONE)))
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(publish())
                .expectEvents(published(1, List.of("c-phone-out", "c-portal"), sha, null));
    }

    @Test
    void approvedEditKeepsTheRowsPositionInTheRegister() {
        // the phone row stays before the row added after it: an edit does not move a row to the end
        String sha =
                sha256(row(SITE_ID, SITE), row(PHONE_ID, PHONE_EDITED), row(MAIL_ID, MAIL), row("c-portal", PORTAL));
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .andGiven(approved(editInitiated("c-phone", PHONE_ID, PHONE, PHONE_EDITED)))
                .when(publish())
                .expectEvents(published(1, List.of("c-portal", "c-phone"), sha, null));
    }

    @Test
    void approvedEditOfTheFirstRowStillPublishesItFirst() {
        RowContent siteEdited = new RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new Touchpoint("Официальный сайт ГЖИ", Channel.DIGITAL, "https://gzhi.admin-smolensk.ru"),
                List.of(1),
                null,
                "Получение информации",
                "Взаимодействие в цифровой точке",
                LICENSING);
        String kept = sha256(row(SITE_ID, siteEdited), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL));
        fixture.given(register())
                .andGiven(approved(editInitiated("c-site", SITE_ID, SITE, siteEdited)))
                .when(publish())
                .expectEvents(published(1, List.of("c-site"), kept, null));
    }

    @Test
    void approvedRemovalTakesTheRowOutOfThePublishedVersion() {
        String sha = sha256(row(SITE_ID, SITE), row(MAIL_ID, MAIL));
        fixture.given(register())
                .andGiven(approved(removeInitiated("c-phone-out", PHONE_ID, PHONE)))
                .when(publish())
                .expectEvents(published(1, List.of("c-phone-out"), sha, null));
    }

    @Test
    void nextEditOfAnApprovedRowStartsFromItsNewContent() {
        fixture.given(register())
                .andGiven(approved(editInitiated("c-phone", PHONE_ID, PHONE, PHONE_EDITED)))
                .when(edit("c-phone-2", PHONE_ID, PHONE_DRAFT_BACK))
                .expectEvents(editInitiated("c-phone-2", PHONE_ID, PHONE_EDITED, PHONE));
    }

    @Test
    void rowAddedByAnApprovedChangeIsAddressedByTheChangeId() {
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(remove("c-portal-out", "c-portal"))
                .expectEvents(removeInitiated("c-portal-out", "c-portal", PORTAL));
    }

    @Test
    void newProcessAddedByAnApprovedChangeBelongsToTheInitiatingDivision() {
        RowContent newProcess = new RowContent(
                SERVICES,
                "Выдача квалификационных аттестатов",
                new Touchpoint("ЕПГУ", Channel.DIGITAL, null),
                List.of(4),
                null,
                "Представление заявления, обращения, запроса, документов",
                "Взаимодействие в цифровой точке",
                LICENSING);
        fixture.given(register())
                .andGiven(approved(addInitiated("c-attest", newProcess)))
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-attest-phone",
                        ChangeKind.ADD,
                        null,
                        draft("Выдача квалификационных аттестатов", "Телефон", Channel.OFFLINE, 2),
                        ChangeReason.NEW_TOUCHPOINT,
                        null,
                        null,
                        OTHER_SPECIALIST,
                        INITIATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"))
                .expectNoEvents();
    }

    /** The phone row typed back to its imported content. */
    private static final RowContent PHONE_DRAFT_BACK = new RowContent(
            SERVICES,
            LICENSING_PROCESS,
            new Touchpoint("Телефон", Channel.OFFLINE, "8 (4812) 29-10-71"),
            List.of(1, 2),
            null,
            null,
            null,
            null);
}
