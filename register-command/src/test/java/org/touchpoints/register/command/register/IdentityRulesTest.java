package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.register.ImportRowsCommand;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * The register compares touchpoints and processes as a person reads them (issue 11): the tricks that made a known
 * touchpoint look new, or another division's process look like the proposer's own, are refused; invisible characters
 * are refused at input.
 */
class IdentityRulesTest {
    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RowContent licensing(String name, Channel channel, String address) {
        return new RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new Touchpoint(name, channel, address),
                List.of(1),
                null,
                null,
                null,
                null);
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
                cmd.expectedRegisterVersion(),
                actor,
                cmd.at());
    }

    // ---- oneTouchpointPerProcess compares by Identity ----

    @Test
    void theSiteWithAnotherSchemeAndATrailingSlashIsTheSameTouchpoint() {
        fixture.given(register())
                .when(add(
                        "c-site-2",
                        licensing("Официальный сайт ГЖИ", Channel.DIGITAL, "http://gzhi.admin-smolensk.ru/")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    @Test
    void aNoBreakSpaceDoesNotMakeANewTouchpoint() {
        fixture.given(register())
                .when(add(
                        "c-site-2",
                        licensing("Официальный\u00A0сайт ГЖИ", Channel.DIGITAL, "https://gzhi.admin-smolensk.ru")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    @Test
    void aLatinOInОфициальныйDoesNotMakeANewTouchpoint() {
        fixture.given(register())
                .when(add(
                        "c-site-2",
                        licensing("Oфициальный сайт ГЖИ", Channel.DIGITAL, "https://www.gzhi.admin-smolensk.ru")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    @Test
    void thePhoneWrittenWithPlusSevenIsTheSamePhone() {
        fixture.given(register())
                .when(add("c-phone-2", licensing("Телефон", Channel.OFFLINE, "+7 4812 291071")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    @Test
    void anotherPhoneNumberIsAnotherTouchpoint() {
        RowContent draft = licensing("Телефон", Channel.OFFLINE, "8 (4812) 29-10-72");
        fixture.given(register())
                .when(add("c-phone-2", draft))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(ChangeInitiated.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    // ---- process ownership compares by Identity ----

    @Test
    void aProcessNameWithANoBreakSpaceIsStillTheOwningDivisionsProcess() {
        RowContent intoLicensing = new RowContent(
                SERVICES,
                LICENSING_PROCESS.replaceFirst(" ", "\u00A0"),
                new Touchpoint("Чат-бот", Channel.DIGITAL, "@gzhi67_bot"),
                List.of(1),
                null,
                null,
                null,
                null);
        fixture.given(register())
                .when(by(add("c-bot", intoLicensing), OTHER_SPECIALIST))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"))
                .expectNoEvents();
    }

    // ---- textHasNoInvisibleCharacters ----

    @Test
    void aZeroWidthSpaceInATouchpointNameIsRefused() {
        fixture.given(register())
                .when(add(
                        "c-site-2",
                        licensing("Офици\u200Bальный сайт ГЖИ", Channel.DIGITAL, "https://gzhi.admin-smolensk.ru")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("textHasNoInvisibleCharacters"))
                .expectException(fieldError("row.touchpoint.name"))
                .expectNoEvents();
    }

    @Test
    void aBidiControlInTheProcessIsRefused() {
        RowContent draft = new RowContent(
                SERVICES,
                LICENSING_PROCESS + "\u202E",
                new Touchpoint("Чат-бот", Channel.DIGITAL, null),
                List.of(1),
                null,
                null,
                null,
                null);
        fixture.given(register())
                .when(add("c-bot", draft))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("textHasNoInvisibleCharacters"))
                .expectException(fieldError("row.process"))
                .expectNoEvents();
    }

    @Test
    void anImportedRowWithAWordJoinerInItsAddressIsRefused() {
        RowContent row = new RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new Touchpoint("Телефон", Channel.OFFLINE, "8 (4812)\u2060 29-10-71"),
                List.of(1),
                null,
                "Получение информации",
                null,
                null);
        fixture.given(emptyRegister())
                .when(new ImportRowsCommand(REGISTER, List.of(new RegisterRow("r-1", row)), SOURCE, ADMIN, IMPORTED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("textHasNoInvisibleCharacters"))
                .expectException(fieldError("rows[0].touchpoint.address"))
                .expectNoEvents();
    }

    @Test
    void aNoBreakSpaceIsNotInvisibleAndIsStoredAsWritten() {
        RowContent draft = new RowContent(
                SERVICES,
                LICENSING_PROCESS,
                new Touchpoint("Чат-бот\u00A0ГЖИ", Channel.DIGITAL, "@gzhi67_bot"),
                List.of(1),
                null,
                null,
                null,
                null);
        fixture.given(register())
                .when(add("c-bot", draft))
                .expectEvents(new ChangeInitiated(
                        REGISTER,
                        "c-bot",
                        ChangeKind.ADD,
                        "c-bot",
                        null,
                        RowRules.normalise(draft, LICENSING),
                        ChangeReason.NEW_TOUCHPOINT,
                        null,
                        LICENSING,
                        SPECIALIST,
                        INITIATED_AT));
    }
}
