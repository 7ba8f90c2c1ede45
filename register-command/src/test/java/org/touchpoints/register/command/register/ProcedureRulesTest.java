package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.procedure.ApprovalActMode;
import org.touchpoints.register.api.procedure.ChangeProcedureCommand;
import org.touchpoints.register.api.procedure.DeadlineFrom;
import org.touchpoints.register.api.procedure.Need;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.procedure.ProcedureChanged;
import org.touchpoints.register.api.procedure.ProcedurePreset;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.procedure.TouchpointType;
import org.touchpoints.register.api.register.CreateRegisterCommand;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.rule.RuleViolatedException;

/** A procedure is complete and coherent before a register records it. */
class ProcedureRulesTest {
    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static Procedure novosibirsk() {
        return ProcedurePreset.NOVOSIBIRSK_GSN.procedure();
    }

    private static Procedure with(Procedure override) {
        return novosibirsk().overriddenBy(override);
    }

    private static Procedure only() {
        return new Procedure(null, null, null, null, null, null, null, null, null, null, null);
    }

    private void refused(Procedure procedure, String field) {
        fixture.given(register())
                .when(new ChangeProcedureCommand(REGISTER, procedure, ADMIN, DEPUTY_APPROVED_AT))
                .expectException(fieldError(field))
                .expectExceptionMessage(rule("procedureIsValid"));
    }

    @Test
    void registerCreatedWithAProcedureRecordsItWhole() {
        fixture.givenNoPriorActivity()
                .when(new CreateRegisterCommand(
                        REGISTER, AUTHORITY, "Asia/Novosibirsk", 5, TEMPLATE, null, ADMIN, CREATED_AT, novosibirsk()))
                .expectEvents(new RegisterCreated(
                        REGISTER, AUTHORITY, "Asia/Novosibirsk", 5, TEMPLATE, null, ADMIN, CREATED_AT, novosibirsk()));
    }

    @Test
    void procedureChangeIsRecorded() {
        fixture.given(register())
                .when(new ChangeProcedureCommand(REGISTER, novosibirsk(), ADMIN, DEPUTY_APPROVED_AT))
                .expectEvents(new ProcedureChanged(REGISTER, novosibirsk(), ADMIN, DEPUTY_APPROVED_AT));
    }

    @Test
    void theSameProcedureAgainRecordsNothing() {
        fixture.given(registerAnd(new ProcedureChanged(REGISTER, novosibirsk(), ADMIN, CREATED_AT)))
                .when(new ChangeProcedureCommand(REGISTER, novosibirsk(), ADMIN, DEPUTY_APPROVED_AT))
                .expectNoEvents();
    }

    @Test
    void stepsEachAtMostOnce() {
        refused(
                with(new Procedure(
                        null,
                        null,
                        List.of(ProcedureStep.DEPUTY, ProcedureStep.DEPUTY),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)),
                "procedure.approvalSteps");
    }

    @Test
    void deadlineIsOneToThirtyWorkingDays() {
        refused(
                with(new Procedure(null, null, null, null, 31, null, null, null, null, null, null)),
                "procedure.deadlineWorkingDays");
    }

    @Test
    void deadlineFromAnActOnlyWhereOneIsRequired() {
        refused(
                with(new Procedure(
                        null,
                        null,
                        null,
                        ApprovalActMode.OPTIONAL,
                        null,
                        DeadlineFrom.APPROVAL_ACT,
                        null,
                        null,
                        null,
                        null,
                        null)),
                "procedure.deadlineFrom");
    }

    @Test
    void annualReviewDateIsARealDay() {
        refused(
                with(new Procedure(null, null, null, null, null, null, "02-30", null, null, null, null)),
                "procedure.annualReviewBy");
    }

    @Test
    void needsHaveDistinctCodes() {
        refused(
                with(new Procedure(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new Need(1, "Получение информации"), new Need(1, "Получение консультации")),
                        null,
                        null,
                        null)),
                "procedure.needs[1].code");
    }

    @Test
    void needsAreNotEmpty() {
        refused(
                with(new Procedure(null, null, null, null, null, null, null, List.of(), null, null, null)),
                "procedure.needs");
    }

    @Test
    void touchpointTypeHasAChannel() {
        refused(
                with(new Procedure(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new TouchpointType("phone", "Телефонная связь", null)))),
                "procedure.touchpointTypes[0].channel");
    }

    private static Procedure headers(List<String> headers) {
        return novosibirsk().withColumnHeaders(headers);
    }

    @Test
    void columnHeadersFitTheTemplate() {
        // the register is six-column: five headers do not fit
        refused(headers(List.of("№", "Процесс", "Точка", "Взаимодействие", "Особенности")), "procedure.columnHeaders");
    }

    @Test
    void columnHeaderIsNotBlank() {
        refused(
                headers(List.of("№", " ", "Процесс", "Точка", "Взаимодействие", "Особенности")),
                "procedure.columnHeaders[1]");
    }

    @Test
    void columnHeaderIsAtMostTwoHundredCharacters() {
        refused(
                headers(List.of("№", "Н".repeat(201), "Процесс", "Точка", "Взаимодействие", "Особенности")),
                "procedure.columnHeaders[1]");
    }

    @Test
    void columnHeaderHasNoControlCharacters() {
        refused(
                headers(List.of("№", "Направление", "Процесс\u0007", "Точка", "Взаимодействие", "Особенности")),
                "procedure.columnHeaders[2]");
    }

    @Test
    void columnHeadersAreCheckedAgainstTheTemplateOfANewRegister() {
        fixture.givenNoPriorActivity()
                .when(new CreateRegisterCommand(
                        REGISTER,
                        AUTHORITY,
                        "Asia/Novosibirsk",
                        5,
                        org.touchpoints.register.api.row.Template.FIVE_COLUMN,
                        null,
                        ADMIN,
                        CREATED_AT,
                        novosibirsk()))
                .expectException(fieldError("procedure.columnHeaders"))
                .expectExceptionMessage(rule("registerSettingsAreValid"));
    }

    @Test
    void novosibirskCarriesTheColumnHeadersOfItsSection13() {
        org.assertj.core.api.Assertions.assertThat(novosibirsk().columnHeaders())
                .containsExactly(
                        "Номер группы процессов",
                        "Наименование группы процессов",
                        "Наименование конкретного процесса",
                        "Точка взаимодействия",
                        "Осуществляемое взаимодействие с клиентом",
                        "Особенности взаимодействия с клиентом");
        fixture.given(register())
                .when(new ChangeProcedureCommand(REGISTER, novosibirsk(), ADMIN, DEPUTY_APPROVED_AT))
                .expectEvents(new ProcedureChanged(REGISTER, novosibirsk(), ADMIN, DEPUTY_APPROVED_AT));
    }

    @Test
    void everyFieldIsGivenWithoutAPreset() {
        refused(only(), "procedure.initiators");
    }

    @Test
    void initiatorsAreNamed() {
        refused(
                with(new Procedure(null, List.of(), null, null, null, null, null, null, null, null, null)),
                "procedure.initiators");
    }

    @Test
    void phoneTypesOfThePresetsAreOffline() {
        for (ProcedurePreset preset : ProcedurePreset.values()) {
            preset.procedure().touchpointTypes().stream()
                    .filter(t -> t.code().equals("phone"))
                    .forEach(t -> org.assertj.core.api.Assertions.assertThat(t.channel())
                            .isEqualTo(Channel.OFFLINE));
        }
    }

    @Test
    void everyPresetIsAValidProcedure() {
        for (ProcedurePreset preset : ProcedurePreset.values()) {
            org.assertj.core.api.Assertions.assertThat(ProcedureRules.procedureIsValid(preset.procedure(), "procedure"))
                    .as(preset.name())
                    .isEmpty();
        }
    }

    @SuppressWarnings("unused")
    private static final Class<?> REFUSAL = RuleViolatedException.class;
}
