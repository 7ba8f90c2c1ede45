package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.register.ImportRowsCommand;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.rule.Refusal;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * Permission before state: a refusal for lack of a role comes before any answer that tells what exists (a change id
 * in use, here or in another register); and once a version is published, nothing enters the register unapproved.
 */
class PermissionBeforeStateTest {
    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static InitiateChangeCommand addBy(String by, RowContent draft, boolean takenElsewhere) {
        return new InitiateChangeCommand(
                REGISTER,
                "c-portal",
                ChangeKind.ADD,
                null,
                draft,
                ChangeReason.NEW_TOUCHPOINT,
                null,
                null,
                by,
                INITIATED_AT,
                takenElsewhere);
    }

    private static org.hamcrest.Matcher<RuleViolatedException> refused(Refusal refusal) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolatedException e) {
                return e.violation().refusal() == refusal;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a refusal ").appendValue(refusal);
            }
        };
    }

    @Test
    void anOutsiderSendingAnExistingChangeIdIsRefusedForTheirRoleNotTheId() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(addBy("auditor", PORTAL_DRAFT, false))
                .expectException(refused(Refusal.FORBIDDEN))
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"))
                .expectNoEvents();
    }

    @Test
    void anOutsiderSendingAnotherRegistersChangeIdIsRefusedForTheirRole() {
        fixture.given(register())
                .when(addBy("auditor", PORTAL_DRAFT, true))
                .expectException(refused(Refusal.FORBIDDEN))
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"))
                .expectNoEvents();
    }

    @Test
    void aSpecialistSendingAnotherRegistersChangeIdIsToldTheIdIsTaken() {
        fixture.given(register())
                .when(addBy(SPECIALIST, PORTAL_DRAFT, true))
                .expectException(refused(Refusal.CONFLICT))
                .expectExceptionMessage(rule("sameChangeIdSameProposal"))
                .expectNoEvents();
    }

    // ---- importOnlyBeforeTheFirstPublication ----

    @Test
    void importIntoAnEmptyButPublishedRegisterIsRefused() {
        fixture.given(emptyRegisterAnd(published(1, List.of(), sha256(), null)))
                .when(new ImportRowsCommand(REGISTER, List.of(row(SITE_ID, SITE)), SOURCE, ADMIN, IMPORTED_AT))
                .expectException(refused(Refusal.CONFLICT))
                .expectExceptionMessage(rule("importOnlyBeforeTheFirstPublication"))
                .expectNoEvents();
    }

    private static List<Object> emptyRegisterAnd(Object... more) {
        List<Object> events = new java.util.ArrayList<>(emptyRegister());
        events.addAll(List.of(more));
        return events;
    }
}
