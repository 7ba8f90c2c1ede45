package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApprovalStep;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ApproveByDivisionCommand;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.change.RejectChangeCommand;
import org.touchpoints.register.api.change.WithdrawChangeCommand;
import org.touchpoints.register.api.publication.PublishCommand;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * Optimistic concurrency: a write carries the version its author saw, and a write based on an older version is
 * refused. A change's version is the number of its events; the register's is the sequence number of its last event.
 */
class VersionRulesTest {
    /** {@link Given#register()} is twelve events: sequence numbers 0 to 11. */
    static final long REGISTER_VERSION = 11;

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ---- expectedChangeVersionIsCurrent ----

    @Test
    void withdrawalBasedOnTheChangeBeforeTheHeadsApprovalIsRefused() {
        // the initiator looked at the change (version 1), then the head approved it (version 2)
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new WithdrawChangeCommand(REGISTER, "c-portal", 1L, SPECIALIST, WITHDRAWN_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("expectedChangeVersionIsCurrent"))
                .expectNoEvents();
    }

    @Test
    void withdrawalBasedOnTheCurrentVersionIsAccepted() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new WithdrawChangeCommand(REGISTER, "c-portal", 2L, SPECIALIST, WITHDRAWN_AT))
                .expectEvents(new ChangeWithdrawn(REGISTER, "c-portal", SPECIALIST, WITHDRAWN_AT));
    }

    @Test
    void divisionApprovalOfAVersionNeverSeenIsRefused() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(new ApproveByDivisionCommand(REGISTER, "c-portal", null, 3L, HEAD, DIVISION_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("expectedChangeVersionIsCurrent"))
                .expectNoEvents();
    }

    @Test
    void divisionApprovalOfTheCurrentVersionIsAccepted() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(new ApproveByDivisionCommand(REGISTER, "c-portal", null, 1L, HEAD, DIVISION_APPROVED_AT))
                .expectEvents(divisionApproved("c-portal"));
    }

    @Test
    void finalApprovalOfAnOlderVersionIsRefused() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-portal", null, null, null, 1L, DEPUTY, DEPUTY_APPROVED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("expectedChangeVersionIsCurrent"))
                .expectNoEvents();
    }

    @Test
    void finalApprovalOfTheCurrentVersionIsAccepted() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new ApproveByDeputyCommand(
                        REGISTER, "c-portal", null, null, null, 2L, DEPUTY, DEPUTY_APPROVED_AT))
                .expectEvents(deputyApproved("c-portal"));
    }

    @Test
    void rejectionOfAnOlderVersionIsRefused() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new RejectChangeCommand(REGISTER, "c-portal", "Нет основания", 1L, DEPUTY, REJECTED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("expectedChangeVersionIsCurrent"))
                .expectNoEvents();
    }

    @Test
    void rejectionOfTheCurrentVersionIsAccepted() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(new RejectChangeCommand(REGISTER, "c-portal", "Нет основания", 2L, DEPUTY, REJECTED_AT))
                .expectEvents(new ChangeRejected(
                        REGISTER, "c-portal", ApprovalStep.DEPUTY, "Нет основания", null, DEPUTY, REJECTED_AT));
    }

    @Test
    void theVersionOfAChangeCountsOnlyItsOwnEvents() {
        // another change's events move the register, not this change
        fixture.given(registerAnd(
                        addInitiated("c-portal", PORTAL),
                        addInitiated("c-chat", draftAsRecorded("Чат-бот")),
                        divisionApproved("c-chat")))
                .when(new ApproveByDivisionCommand(REGISTER, "c-portal", null, 1L, HEAD, DIVISION_APPROVED_AT))
                .expectEvents(divisionApproved("c-portal"));
    }

    // ---- expectedRegisterVersionIsCurrent ----

    @Test
    void initiationBasedOnAnOlderRegisterIsRefused() {
        fixture.given(registerAnd(approved(addInitiated("c-portal", PORTAL)).toArray()))
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-phone",
                        ChangeKind.EDIT,
                        PHONE_ID,
                        PHONE_EDIT_DRAFT,
                        ChangeReason.NEEDS_CHANGED,
                        null,
                        REGISTER_VERSION,
                        SPECIALIST,
                        INITIATED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("expectedRegisterVersionIsCurrent"))
                .expectNoEvents();
    }

    @Test
    void initiationBasedOnTheCurrentRegisterIsAccepted() {
        fixture.given(register())
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-phone",
                        ChangeKind.EDIT,
                        PHONE_ID,
                        PHONE_EDIT_DRAFT,
                        ChangeReason.NEEDS_CHANGED,
                        null,
                        REGISTER_VERSION,
                        SPECIALIST,
                        INITIATED_AT))
                .expectEvents(editInitiated("c-phone", PHONE_ID, PHONE, PHONE_EDITED));
    }

    @Test
    void publicationOfARegisterThatMovedOnIsRefused() {
        // the publisher saw the register with one approved change; a second was approved meanwhile
        fixture.given(registerAnd(approved(addInitiated("c-portal", PORTAL)).toArray()))
                .andGiven(approved(removeInitiated("c-phone-out", PHONE_ID, PHONE)))
                .when(new PublishCommand(REGISTER, null, URL, null, REGISTER_VERSION + 3, PUBLISHER, PUBLISHED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("expectedRegisterVersionIsCurrent"))
                .expectNoEvents();
    }

    @Test
    void publicationOfTheRegisterAsSeenIsAccepted() {
        fixture.given(registerAnd(approved(addInitiated("c-portal", PORTAL)).toArray()))
                .when(new PublishCommand(REGISTER, null, URL, null, REGISTER_VERSION + 3, PUBLISHER, PUBLISHED_AT))
                .expectEvents(published(
                        1,
                        List.of("c-portal"),
                        sha256(row(SITE_ID, SITE), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL), row("c-portal", PORTAL)),
                        null));
    }

    private static org.touchpoints.register.api.row.RowContent draftAsRecorded(String name) {
        return new org.touchpoints.register.api.row.RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new org.touchpoints.register.api.row.Touchpoint(
                        name, org.touchpoints.register.api.row.Channel.DIGITAL, null),
                List.of(1),
                null,
                "Получение информации",
                "Взаимодействие в цифровой точке",
                LICENSING);
    }
}
