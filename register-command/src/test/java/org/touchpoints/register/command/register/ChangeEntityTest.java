package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApproveStepCommand;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.CountDueDateCommand;
import org.touchpoints.register.api.change.RecordMissedDeadlineCommand;
import org.touchpoints.register.api.change.WithdrawChangeCommand;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * A change is an entity of the register: the commands naming it reach it (and a change the register lacks is refused
 * by the rule, not by the routing), and what is recorded about one change leaves the others as they were.
 */
class ChangeEntityTest {

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void aStepForAChangeTheRegisterLacksIsRefusedByChangeExists() {
        fixture.given(registerAnd(addInitiated("c-1", PORTAL)))
                .when(new ApproveStepCommand(REGISTER, "c-none", null, null, HEAD, DIVISION_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeExists"))
                .expectNoEvents();
    }

    @Test
    void aMissedDeadlineOfAChangeTheRegisterLacksIsRefusedByChangeExists() {
        fixture.given(register())
                .when(new RecordMissedDeadlineCommand(REGISTER, "c-none", "deadline-watcher", PUBLISHED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeExists"))
                .expectNoEvents();
    }

    @Test
    void aDueDateCountOfAChangeTheRegisterLacksIsRefusedByChangeExists() {
        fixture.given(register())
                .when(new CountDueDateCommand(REGISTER, "c-none", "calendar", PUBLISHED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("changeExists"))
                .expectNoEvents();
    }

    @Test
    void anEventOfOneChangeLeavesAnotherAtItsVersion() {
        // c-2 saw one event (its initiation); the approval of c-1 is not one of c-2's events
        fixture.given(registerAnd(
                        addInitiated("c-1", PORTAL), removeInitiated("c-2", MAIL_ID, MAIL), divisionApproved("c-1")))
                .when(new WithdrawChangeCommand(REGISTER, "c-2", 1L, SPECIALIST, WITHDRAWN_AT))
                .expectEvents(new ChangeWithdrawn(REGISTER, "c-2", SPECIALIST, WITHDRAWN_AT))
                .expectResultMessagePayload(ChangeStatus.WITHDRAWN);
    }

    @Test
    void anEventOfAChangeCountsInItsOwnVersion() {
        fixture.given(registerAnd(
                        addInitiated("c-1", PORTAL), removeInitiated("c-2", MAIL_ID, MAIL), divisionApproved("c-1")))
                .when(new WithdrawChangeCommand(REGISTER, "c-1", 1L, SPECIALIST, WITHDRAWN_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("expectedChangeVersionIsCurrent"))
                .expectNoEvents();
    }
}
