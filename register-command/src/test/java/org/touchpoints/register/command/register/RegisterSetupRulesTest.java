package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.register.AssignMemberCommand;
import org.touchpoints.register.api.register.CreateRegisterCommand;
import org.touchpoints.register.api.register.DefineDivisionCommand;
import org.touchpoints.register.api.register.DivisionDefined;
import org.touchpoints.register.api.register.ImportRowsCommand;
import org.touchpoints.register.api.register.MemberAssigned;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.RuleViolatedException;

/** Creating a register, its divisions and members, and its initial formation by import. */
class RegisterSetupRulesTest {

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static CreateRegisterCommand create(String registerId, String zone, Integer deadline, Template template) {
        return new CreateRegisterCommand(registerId, AUTHORITY, zone, deadline, template, null, ADMIN, CREATED_AT);
    }

    private static DefineDivisionCommand define(String divisionId, String name, List<String> processes) {
        return new DefineDivisionCommand(REGISTER, divisionId, name, processes, ADMIN, CREATED_AT);
    }

    private static AssignMemberCommand assign(String username, MemberRole role, String divisionId) {
        return new AssignMemberCommand(REGISTER, username, role, divisionId, ADMIN, CREATED_AT);
    }

    private static ImportRowsCommand importRows(RegisterRow... rows) {
        return new ImportRowsCommand(REGISTER, List.of(rows), SOURCE, ADMIN, IMPORTED_AT);
    }

    // ---- creating the register ----

    @Test
    void adminCreatesARegisterWithItsSettings() {
        fixture.givenNoPriorActivity()
                .when(new CreateRegisterCommand(
                        REGISTER,
                        "  Главное управление  «Государственная жилищная инспекция " + "Смоленской области» ",
                        ZONE,
                        10,
                        TEMPLATE,
                        null,
                        ADMIN,
                        CREATED_AT))
                .expectEvents(created());
    }

    @Test
    void registerWithoutAPublicationDeadlineIsCreated() {
        fixture.givenNoPriorActivity()
                .when(new CreateRegisterCommand(
                        "astrakhan-gzhn",
                        "Служба жилищного надзора Астраханской области",
                        "Europe/Astrakhan",
                        null,
                        Template.FIVE_COLUMN,
                        "RU-AST",
                        ADMIN,
                        CREATED_AT))
                .expectEvents(new RegisterCreated(
                        "astrakhan-gzhn",
                        "Служба жилищного надзора Астраханской области",
                        "Europe/Astrakhan",
                        null,
                        Template.FIVE_COLUMN,
                        "RU-AST",
                        ADMIN,
                        CREATED_AT));
    }

    @Test
    void registerIdAlreadyTakenIsRefused() {
        fixture.given(created())
                .when(create(REGISTER, ZONE, 5, Template.FIVE_COLUMN))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("registerIdIsUnique"))
                .expectNoEvents();
    }

    @Test
    void registerInAnUnknownTimeZoneIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create(REGISTER, "Europe/Smolensk", 10, TEMPLATE))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("registerSettingsAreValid"))
                .expectException(fieldError("timeZone"))
                .expectNoEvents();
    }

    @Test
    void publicationDeadlineOfSevenWorkingDaysIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create(REGISTER, ZONE, 7, TEMPLATE))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("registerSettingsAreValid"))
                .expectException(fieldError("publicationDeadlineWorkingDays"))
                .expectNoEvents();
    }

    @Test
    void registerIdWithCapitalLettersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create("Smolensk_GZHI", ZONE, 10, TEMPLATE))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("registerSettingsAreValid"))
                .expectException(fieldError("id"))
                .expectNoEvents();
    }

    @Test
    void registerWithoutATemplateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create(REGISTER, ZONE, 10, null))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("registerSettingsAreValid"))
                .expectException(fieldError("template"))
                .expectNoEvents();
    }

    @Test
    void registerWithoutAnAuthorityIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateRegisterCommand(REGISTER, " ", ZONE, 10, TEMPLATE, null, ADMIN, CREATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("registerSettingsAreValid"))
                .expectException(fieldError("authority"))
                .expectNoEvents();
    }

    // ---- divisions ----

    @Test
    void adminDefinesADivisionWithTheProcessesItOwns() {
        fixture.given(created())
                .when(define(LICENSING, " Отдел  лицензирования ", List.of("  " + LICENSING_PROCESS + "  ")))
                .expectEvents(new DivisionDefined(
                        REGISTER, LICENSING, LICENSING_NAME, List.of(LICENSING_PROCESS), ADMIN, CREATED_AT));
    }

    @Test
    void divisionMayBeDefinedAgainWithItsOwnProcess() {
        fixture.given(register())
                .when(define(LICENSING, "Отдел лицензирования и аттестации", List.of(LICENSING_PROCESS)))
                .expectEvents(new DivisionDefined(
                        REGISTER,
                        LICENSING,
                        "Отдел лицензирования и аттестации",
                        List.of(LICENSING_PROCESS),
                        ADMIN,
                        CREATED_AT));
    }

    @Test
    void divisionWithoutProcessesIsDefined() {
        fixture.given(created())
                .when(define("it", "Отдел информатизации", null))
                .expectEvents(
                        new DivisionDefined(REGISTER, "it", "Отдел информатизации", List.of(), ADMIN, CREATED_AT));
    }

    @Test
    void divisionIdWithCyrillicLettersIsRefused() {
        fixture.given(created())
                .when(define("лицензирование", LICENSING_NAME, List.of(LICENSING_PROCESS)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("divisionIsValid"))
                .expectException(fieldError("divisionId"))
                .expectNoEvents();
    }

    @Test
    void divisionWithoutANameIsRefused() {
        fixture.given(created())
                .when(define(LICENSING, "", List.of(LICENSING_PROCESS)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("divisionIsValid"))
                .expectException(fieldError("name"))
                .expectNoEvents();
    }

    @Test
    void divisionWithABlankProcessIsRefused() {
        fixture.given(created())
                .when(define(LICENSING, LICENSING_NAME, List.of(LICENSING_PROCESS, " ")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("divisionIsValid"))
                .expectException(fieldError("processes[1]"))
                .expectNoEvents();
    }

    @Test
    void processOwnedByAnotherDivisionIsRefused() {
        // the same process name up to case and spaces is the same process
        fixture.given(register())
                .when(define(
                        APPEALS,
                        APPEALS_NAME,
                        List.of(LICENSING_PROCESS.toUpperCase().replace(" ", "  "))))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneOwnerPerProcess"))
                .expectNoEvents();
    }

    // ---- members ----

    @Test
    void adminAssignsASpecialistToADivision() {
        fixture.given(
                        created(),
                        new DivisionDefined(
                                REGISTER, LICENSING, LICENSING_NAME, List.of(LICENSING_PROCESS), ADMIN, CREATED_AT))
                .when(assign(SPECIALIST, MemberRole.SPECIALIST, LICENSING))
                .expectEvents(member(SPECIALIST, MemberRole.SPECIALIST, LICENSING));
    }

    @Test
    void registerWideRoleIsRecordedWithoutADivision() {
        fixture.given(
                        created(),
                        new DivisionDefined(
                                REGISTER, LICENSING, LICENSING_NAME, List.of(LICENSING_PROCESS), ADMIN, CREATED_AT))
                .when(assign(DEPUTY, MemberRole.DEPUTY, LICENSING))
                .expectEvents(new MemberAssigned(REGISTER, DEPUTY, MemberRole.DEPUTY, null, ADMIN, CREATED_AT));
    }

    @Test
    void assigningARoleAlreadyHeldRecordsNothing() {
        fixture.given(register())
                .when(assign(HEAD, MemberRole.HEAD, LICENSING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void specialistOfAnUnknownDivisionIsRefused() {
        fixture.given(register())
                .when(assign("zoya", MemberRole.SPECIALIST, "it"))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("divisionRoleNamesAKnownDivision"))
                .expectNoEvents();
    }

    @Test
    void headWithoutADivisionIsRefused() {
        fixture.given(register())
                .when(assign("zoya", MemberRole.HEAD, null))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("divisionRoleNamesAKnownDivision"))
                .expectNoEvents();
    }

    // ---- import ----

    @Test
    void importRecordsEveryRowNormalisedAndOwnedByItsProcessesDivision() {
        RowContent typedSite = new RowContent(
                " " + SERVICES + " ",
                LICENSING_PROCESS,
                new Touchpoint(" Официальный  сайт ГЖИ ", Channel.DIGITAL, " https://gzhi.admin-smolensk.ru "),
                List.of(1, 3),
                null,
                null,
                null,
                null);
        RowContent typedMail = new RowContent(
                APPEALS_DIRECTION,
                APPEALS_PROCESS,
                new Touchpoint("Электронная почта", Channel.DIGITAL, "gzhi@admin-smolensk.ru"),
                List.of(4, 6),
                null,
                "Направление обращения и получение ответа",
                null,
                null);
        fixture.given(emptyRegister())
                .when(importRows(row(SITE_ID, typedSite), row(MAIL_ID, typedMail)))
                .expectEvents(imported(SITE_ID, SITE), imported(MAIL_ID, MAIL))
                .expectResultMessagePayload(2);
    }

    @Test
    void importedRowOfAProcessNoDivisionOwnsHasNoDivision() {
        RowContent typed = new RowContent(
                SERVICES,
                "Выдача квалификационных аттестатов",
                new Touchpoint("ЕПГУ", Channel.DIGITAL, null),
                List.of(4),
                null,
                "Подача заявления",
                "Через ЕПГУ",
                null);
        fixture.given(emptyRegister()).when(importRows(row("r-1", typed))).expectEvents(imported("r-1", typed));
    }

    @Test
    void importWithOneIncompleteRowRecordsNothing() {
        RowContent incomplete = new RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new Touchpoint("Телефон", Channel.OFFLINE, null),
                List.of(),
                null,
                null,
                null,
                null);
        fixture.given(emptyRegister())
                .when(importRows(row(SITE_ID, SITE), row(PHONE_ID, incomplete)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("rows[1].needs"))
                .expectNoEvents();
    }

    @Test
    void importIntoARegisterWithRowsIsRefused() {
        fixture.given(register())
                .when(importRows(row("r-new", SITE)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("importOnlyIntoAnEmptyRegister"))
                .expectNoEvents();
    }

    @Test
    void importIntoARegisterWithAChangeIsRefused() {
        List<Object> history = new ArrayList<>(emptyRegister());
        history.add(addInitiated("c-portal", PORTAL));
        fixture.given(history)
                .when(importRows(row(SITE_ID, SITE)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("importOnlyIntoAnEmptyRegister"))
                .expectNoEvents();
    }
}
