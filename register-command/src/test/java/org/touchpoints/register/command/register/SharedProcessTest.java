package org.touchpoints.register.command.register;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.touchpoints.register.command.register.Given.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApproveByDivisionCommand;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.register.DefineDivisionCommand;
import org.touchpoints.register.api.register.DivisionDefined;
import org.touchpoints.register.api.register.ImportRowsCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.register.RowImported;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * A process several divisions run (000 §2.6, 003 §2.3): shared only where the procedure says so; each row then belongs
 * to one of the divisions, is changed by its specialists and approved by its head.
 */
class SharedProcessTest {
    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RegisterCreated createdSharing(boolean shared) {
        return new RegisterCreated(
                REGISTER,
                AUTHORITY,
                ZONE,
                10,
                TEMPLATE,
                null,
                ADMIN,
                CREATED_AT,
                Procedure.legacy(10).withSharedProcesses(shared));
    }

    /** Licensing owns its process; appeals runs the licensing process too (the procedure lets them share it). */
    private static List<Object> sharing(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                createdSharing(true),
                new DivisionDefined(REGISTER, LICENSING, LICENSING_NAME, List.of(LICENSING_PROCESS), ADMIN, CREATED_AT),
                new DivisionDefined(
                        REGISTER,
                        APPEALS,
                        APPEALS_NAME,
                        List.of(APPEALS_PROCESS, LICENSING_PROCESS),
                        ADMIN,
                        CREATED_AT),
                member(SPECIALIST, MemberRole.SPECIALIST, LICENSING),
                member(HEAD, MemberRole.HEAD, LICENSING),
                member(OTHER_SPECIALIST, MemberRole.SPECIALIST, APPEALS),
                member(OTHER_HEAD, MemberRole.HEAD, APPEALS),
                member(DEPUTY, MemberRole.DEPUTY, null)));
        events.addAll(Arrays.asList(more));
        return events;
    }

    private static DefineDivisionCommand appealsTakesTheLicensingProcess() {
        return new DefineDivisionCommand(
                REGISTER, APPEALS, APPEALS_NAME, List.of(LICENSING_PROCESS), ADMIN, CREATED_AT);
    }

    private static InitiateChangeCommand addBy(String changeId, String by, RowContent draft) {
        return new InitiateChangeCommand(
                REGISTER,
                changeId,
                ChangeKind.ADD,
                null,
                draft,
                ChangeReason.NEW_TOUCHPOINT,
                null,
                null,
                by,
                INITIATED_AT);
    }

    private static InitiateChangeCommand editBy(String changeId, String by, String rowId, RowContent draft) {
        return new InitiateChangeCommand(
                REGISTER,
                changeId,
                ChangeKind.EDIT,
                rowId,
                draft,
                ChangeReason.NEEDS_CHANGED,
                null,
                null,
                by,
                INITIATED_AT);
    }

    private static ChangeInitiated addedFor(String changeId, String by, String division) {
        RowContent row = RowRules.normalise(reception(), division, TEMPLATE);
        return new ChangeInitiated(
                REGISTER,
                changeId,
                ChangeKind.ADD,
                changeId,
                null,
                row,
                ChangeReason.NEW_TOUCHPOINT,
                null,
                division,
                by,
                INITIATED_AT,
                Procedure.legacy(10).chain());
    }

    private static RowContent reception() {
        return draft(LICENSING_PROCESS, "Личный приём", Channel.OFFLINE, 2);
    }

    private static RowContent named(RowContent draft, String division) {
        return new RowContent(
                draft.direction(),
                draft.process(),
                draft.touchpoint(),
                draft.needs(),
                draft.otherNeed(),
                draft.interaction(),
                draft.features(),
                division);
    }

    /** Exactly one event: a {@code type} that passes {@code test}. */
    private static <T> Matcher<List<org.axonframework.messaging.Message<?>>> only(Class<T> type, Predicate<T> test) {
        return exactSequenceOf(
                messageWithPayload(new TypeSafeMatcher<Object>() {
                    @Override
                    protected boolean matchesSafely(Object payload) {
                        return type.isInstance(payload) && test.test(type.cast(payload));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("a " + type.getSimpleName() + " as expected");
                    }
                }),
                andNoMore());
    }

    @Test
    void theSeedsThatSayDivisionsShareAProcessAreThePresetsThatShare() {
        // 000 §2.6 and 003 §2.3 say so; 001, 002 and 004 do not
        java.util.Map<org.touchpoints.register.api.procedure.ProcedurePreset, Boolean> shares =
                new java.util.EnumMap<>(org.touchpoints.register.api.procedure.ProcedurePreset.class);
        for (var preset : org.touchpoints.register.api.procedure.ProcedurePreset.values()) {
            shares.put(preset, preset.procedure().processesMayBeShared());
        }
        org.assertj.core.api.Assertions.assertThat(shares)
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                        org.touchpoints.register.api.procedure.ProcedurePreset.SMOLENSK_GZHI, true,
                        org.touchpoints.register.api.procedure.ProcedurePreset.DAGESTAN_MINSTROY, false,
                        org.touchpoints.register.api.procedure.ProcedurePreset.ASTRAKHAN_GZHN, false,
                        org.touchpoints.register.api.procedure.ProcedurePreset.NOVOSIBIRSK_GSN, true,
                        org.touchpoints.register.api.procedure.ProcedurePreset.SMOLENSK_MINPROMTORG, false));
        org.assertj.core.api.Assertions.assertThat(Procedure.legacy(10).processesMayBeShared())
                .isFalse();
    }

    // ---- defining divisions ----

    @Test
    void aProcessAnotherDivisionOwnsIsRefusedWhenTheProcedureDoesNotShareProcesses() {
        fixture.given(
                        createdSharing(false),
                        new DivisionDefined(
                                REGISTER, LICENSING, LICENSING_NAME, List.of(LICENSING_PROCESS), ADMIN, CREATED_AT))
                .when(appealsTakesTheLicensingProcess())
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneOwnerPerProcess"))
                .expectNoEvents();
    }

    @Test
    void aProcessAnotherDivisionOwnsIsSharedWhenTheProcedureSharesProcesses() {
        fixture.given(
                        createdSharing(true),
                        new DivisionDefined(
                                REGISTER, LICENSING, LICENSING_NAME, List.of(LICENSING_PROCESS), ADMIN, CREATED_AT))
                .when(appealsTakesTheLicensingProcess())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DivisionDefined(
                        REGISTER, APPEALS, APPEALS_NAME, List.of(LICENSING_PROCESS), ADMIN, CREATED_AT));
    }

    // ---- proposing rows of a shared process ----

    @Test
    void aNewRowOfASharedProcessBelongsToTheInitiatorsDivision() {
        fixture.given(sharing())
                .when(addBy("c-reception", OTHER_SPECIALIST, reception()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(addedFor("c-reception", OTHER_SPECIALIST, APPEALS));
    }

    @Test
    void aNewRowOfASharedProcessNamingAnotherOwnerStillBelongsToTheInitiatorsDivision() {
        fixture.given(sharing())
                .when(addBy("c-reception", SPECIALIST, named(reception(), APPEALS)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(addedFor("c-reception", SPECIALIST, LICENSING));
    }

    @Test
    void aSpecialistOfBothOwnersGetsTheDivisionTheRowNames() {
        fixture.given(sharing(member(SPECIALIST, MemberRole.SPECIALIST, APPEALS)))
                .when(addBy("c-reception", SPECIALIST, named(reception(), APPEALS)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(addedFor("c-reception", SPECIALIST, APPEALS));
    }

    @Test
    void aSpecialistOfBothOwnersNamesTheDivision() {
        fixture.given(sharing(member(SPECIALIST, MemberRole.SPECIALIST, APPEALS)))
                .when(addBy("c-reception", SPECIALIST, reception()))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeIsDescribed"))
                .expectException(fieldError("row.division"))
                .expectNoEvents();
    }

    @Test
    void aSpecialistOfAnotherDivisionCannotEditARowOfTheSharedProcessThatIsNotTheirs() {
        fixture.given(sharing(imported(SITE_ID, SITE)))
                .when(editBy(
                        "c-site",
                        OTHER_SPECIALIST,
                        SITE_ID,
                        draft(LICENSING_PROCESS, "Официальный сайт ГЖИ", Channel.DIGITAL, 1, 2, 3)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"))
                .expectNoEvents();
    }

    @Test
    void aSpecialistEditsTheirDivisionsRowOfTheSharedProcess() {
        RowContent appealsSite = named(SITE, APPEALS);
        fixture.given(sharing(imported(SITE_ID, appealsSite)))
                .when(editBy(
                        "c-site",
                        OTHER_SPECIALIST,
                        SITE_ID,
                        draft(LICENSING_PROCESS, "Официальный сайт ГЖИ", Channel.DIGITAL, 1, 2, 3)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(only(
                        ChangeInitiated.class,
                        e -> APPEALS.equals(e.division())
                                && APPEALS.equals(e.after().division())));
    }

    // ---- approving ----

    @Test
    void theHeadOfAnotherOwnerCannotApproveAChangeOfTheSharedProcess() {
        fixture.given(sharing(addedFor("c-reception", SPECIALIST, LICENSING)))
                .when(new ApproveByDivisionCommand(
                        REGISTER, "c-reception", null, null, OTHER_HEAD, DIVISION_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatingDivisionsHeadApproves"))
                .expectNoEvents();
    }

    @Test
    void eachOwnersHeadApprovesTheirDivisionsChangeOfTheSharedProcess() {
        fixture.given(sharing(addedFor("c-reception", OTHER_SPECIALIST, APPEALS)))
                .when(new ApproveByDivisionCommand(
                        REGISTER, "c-reception", null, null, OTHER_HEAD, DIVISION_APPROVED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(only(DivisionApproved.class, e -> OTHER_HEAD.equals(e.by())));
    }

    // ---- importing ----

    @Test
    void anImportedRowOfASharedProcessWithoutADivisionStaysUnassigned() {
        RowContent unnamed = named(SITE, null);
        fixture.given(sharing())
                .when(new ImportRowsCommand(
                        REGISTER, List.of(new RegisterRow(SITE_ID, unnamed)), SOURCE, ADMIN, IMPORTED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(only(RowImported.class, e -> e.row().division() == null));
    }

    @Test
    void anImportedRowOfASharedProcessKeepsTheDivisionItNames() {
        fixture.given(sharing())
                .when(new ImportRowsCommand(
                        REGISTER, List.of(new RegisterRow(SITE_ID, named(SITE, APPEALS))), SOURCE, ADMIN, IMPORTED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(
                        only(RowImported.class, e -> APPEALS.equals(e.row().division())));
    }
}
