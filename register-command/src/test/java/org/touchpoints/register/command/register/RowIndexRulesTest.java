package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * directionFollowsTheProcess and oneTouchpointPerProcess ask the register's rows of one process / one touchpoint
 * (kept beside the rows): after a row moved to another process, was renamed or removed, they see the register as it
 * stands, not as it stood.
 */
class RowIndexRulesTest {
    private static final String NEW_PROCESS = "Выдача квалификационных аттестатов";

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static List<Object> registerWith(List<Object> more) {
        List<Object> events = new ArrayList<>(register());
        events.addAll(more);
        return events;
    }

    private static RowContent row(String direction, String process, Touchpoint touchpoint, String division) {
        return new RowContent(
                direction,
                process,
                touchpoint,
                List.of(4),
                null,
                "Направление обращения и получение ответа",
                "Взаимодействие в цифровой точке",
                division);
    }

    private static InitiateChangeCommand byOtherSpecialist(InitiateChangeCommand cmd) {
        return new InitiateChangeCommand(
                cmd.registerId(),
                cmd.changeId(),
                cmd.kind(),
                cmd.rowId(),
                cmd.row(),
                cmd.reason(),
                cmd.comment(),
                null,
                OTHER_SPECIALIST,
                cmd.at());
    }

    /** The mail row, the only row of the appeals process, moved to a new process (same direction). */
    private static List<Object> mailMovedToANewProcess() {
        RowContent moved = row(APPEALS_DIRECTION, NEW_PROCESS, MAIL.touchpoint(), APPEALS);
        return registerWith(approved(editInitiated("c-move", MAIL_ID, MAIL, moved)));
    }

    @Test
    void aProcessWhoseOnlyRowMovedAwayTakesAnyDirection() {
        fixture.given(mailMovedToANewProcess())
                .when(byOtherSpecialist(add(
                        "c-appeal",
                        row(
                                SERVICES,
                                APPEALS_PROCESS,
                                new Touchpoint("ЕПГУ", Channel.DIGITAL, "https://www.gosuslugi.ru"),
                                null))))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void theProcessARowMovedToKeepsItsDirection() {
        fixture.given(mailMovedToANewProcess())
                .when(byOtherSpecialist(add(
                        "c-new",
                        row(
                                SERVICES,
                                NEW_PROCESS,
                                new Touchpoint("ЕПГУ", Channel.DIGITAL, "https://www.gosuslugi.ru"),
                                null))))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("directionFollowsTheProcess"))
                .expectNoEvents();
    }

    @Test
    void aRemovedRowsTouchpointMayBeAddedAgain() {
        fixture.given(registerWith(approved(removeInitiated("c-rm", PHONE_ID, PHONE))))
                .when(add("c-again", row(SERVICES, LICENSING_PROCESS, PHONE.touchpoint(), null)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    private static List<Object> phoneRenamed() {
        RowContent renamed = new RowContent(
                PHONE.direction(),
                PHONE.process(),
                new Touchpoint("Телефон горячей линии", Channel.OFFLINE, "8 (4812) 29-10-71"),
                PHONE.needs(),
                PHONE.otherNeed(),
                PHONE.interaction(),
                PHONE.features(),
                PHONE.division());
        return registerWith(approved(editInitiated("c-rename", PHONE_ID, PHONE, renamed)));
    }

    @Test
    void aRenamedRowsOldTouchpointMayBeAddedAgain() {
        fixture.given(phoneRenamed())
                .when(add("c-again", row(SERVICES, LICENSING_PROCESS, PHONE.touchpoint(), null)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void aRenamedRowsNewTouchpointIsTaken() {
        fixture.given(phoneRenamed())
                .when(add(
                        "c-again",
                        row(
                                SERVICES,
                                LICENSING_PROCESS,
                                new Touchpoint("Телефон горячей линии", Channel.OFFLINE, "8 (4812) 29-10-71"),
                                null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    /** The mail row, the only row of the appeals process, now in another direction (same process). */
    private static List<Object> mailInAnotherDirection() {
        RowContent redirected = row(SERVICES, APPEALS_PROCESS, MAIL.touchpoint(), APPEALS);
        return registerWith(approved(editInitiated("c-redirect", MAIL_ID, MAIL, redirected)));
    }

    @Test
    void aProcessWhoseOnlyRowChangedItsDirectionNoLongerTakesTheOldOne() {
        fixture.given(mailInAnotherDirection())
                .when(byOtherSpecialist(add(
                        "c-appeal",
                        row(
                                APPEALS_DIRECTION,
                                APPEALS_PROCESS,
                                new Touchpoint("ЕПГУ", Channel.DIGITAL, "https://www.gosuslugi.ru"),
                                null))))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("directionFollowsTheProcess"))
                .expectNoEvents();
    }

    @Test
    void aProcessWhoseOnlyRowChangedItsDirectionTakesTheNewOne() {
        fixture.given(mailInAnotherDirection())
                .when(byOtherSpecialist(add(
                        "c-appeal",
                        row(
                                "  предоставление   государственных услуг ",
                                APPEALS_PROCESS,
                                new Touchpoint("ЕПГУ", Channel.DIGITAL, "https://www.gosuslugi.ru"),
                                null))))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void theOnlyRowOfAProcessMayBeEditedIntoAnotherDirection() {
        fixture.given(register())
                .when(byOtherSpecialist(
                        edit("c-redirect", MAIL_ID, row(SERVICES, APPEALS_PROCESS, MAIL.touchpoint(), null))))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeStatus.INITIATED);
    }

    @Test
    void aRowOfAProcessWithTwoRowsMayNotBeEditedIntoAnotherDirection() {
        fixture.given(register())
                .when(edit("c-redirect", PHONE_ID, row(APPEALS_DIRECTION, LICENSING_PROCESS, PHONE.touchpoint(), null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("directionFollowsTheProcess"))
                .expectNoEvents();
    }
}
