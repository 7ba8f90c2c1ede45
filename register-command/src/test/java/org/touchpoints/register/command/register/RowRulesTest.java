package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.RuleViolatedException;

/** What makes a proposed row complete, and how it is recorded (features, interaction, texts). */
class RowRulesTest {

    private static final String ATTEST = "Выдача квалификационных аттестатов";

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** A licensing row with these touchpoint, needs and texts. */
    private static RowContent licensing(
            Touchpoint touchpoint, List<Integer> needs, String otherNeed, String interaction, String features) {
        return new RowContent(SERVICES, LICENSING_PROCESS, touchpoint, needs, otherNeed, interaction, features, null);
    }

    private static RowContent recorded(
            Touchpoint touchpoint, List<Integer> needs, String otherNeed, String interaction, String features) {
        return new RowContent(
                SERVICES, LICENSING_PROCESS, touchpoint, needs, otherNeed, interaction, features, LICENSING);
    }

    private static final Touchpoint CHAT = new Touchpoint("Чат-бот в Telegram", Channel.DIGITAL, "@gzhi67_bot");
    private static final Touchpoint DESK =
            new Touchpoint("Приемная ГЖИ", Channel.OFFLINE, "г. Смоленск, ул. Тенишевой, 26");

    // ---- rowIsComplete ----

    @Test
    void rowWithoutATouchpointNameIsRefused() {
        fixture.given(register())
                .when(add("c-1", licensing(new Touchpoint(" ", Channel.DIGITAL, null), List.of(1), null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.touchpoint.name"))
                .expectNoEvents();
    }

    @Test
    void rowWithoutATouchpointIsRefused() {
        fixture.given(register())
                .when(add("c-1", licensing(null, List.of(1), null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.touchpoint"))
                .expectNoEvents();
    }

    @Test
    void rowWithoutAChannelIsRefused() {
        fixture.given(register())
                .when(add("c-1", licensing(new Touchpoint("Чат-бот", null, null), List.of(1), null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.touchpoint.channel"))
                .expectNoEvents();
    }

    @Test
    void rowWithoutADirectionIsRefused() {
        fixture.given(register())
                .when(add("c-1", new RowContent(null, LICENSING_PROCESS, CHAT, List.of(1), null, null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.direction"))
                .expectNoEvents();
    }

    @Test
    void rowWithoutNeedsIsRefused() {
        fixture.given(register())
                .when(add("c-1", licensing(CHAT, List.of(), null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.needs"))
                .expectNoEvents();
    }

    @Test
    void needElevenIsNotInTheClosedList() {
        fixture.given(register())
                .when(add("c-1", licensing(CHAT, List.of(1, 11), null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.needs"))
                .expectNoEvents();
    }

    @Test
    void needZeroIsNotInTheClosedList() {
        fixture.given(register())
                .when(add("c-1", licensing(CHAT, List.of(0), null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.needs"))
                .expectNoEvents();
    }

    @Test
    void repeatedNeedsAreRefused() {
        fixture.given(register())
                .when(add("c-1", licensing(CHAT, List.of(1, 2, 1), null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.needs"))
                .expectNoEvents();
    }

    @Test
    void controlCharactersInATextAreRefused() {
        fixture.given(register())
                .when(add("c-1", licensing(CHAT, List.of(1), null, "Ответы\u0007на вопросы", null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.interaction"))
                .expectNoEvents();
    }

    @Test
    void controlCharactersInTheTouchpointNameAreRefused() {
        fixture.given(register())
                .when(add(
                        "c-1",
                        licensing(new Touchpoint("Чат\u0000бот", Channel.DIGITAL, null), List.of(1), null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.touchpoint.name"))
                .expectNoEvents();
    }

    @Test
    void overLongTouchpointNameIsRefused() {
        fixture.given(register())
                .when(add(
                        "c-1",
                        licensing(
                                new Touchpoint("Ч".repeat(501), Channel.DIGITAL, null), List.of(1), null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.touchpoint.name"))
                .expectNoEvents();
    }

    @Test
    void overLongFeaturesAreRefused() {
        fixture.given(register())
                .when(add("c-1", licensing(CHAT, List.of(1), null, null, "о".repeat(2001))))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.features"))
                .expectNoEvents();
    }

    @Test
    void editProposingAnIncompleteRowIsRefused() {
        fixture.given(register())
                .when(edit(
                        "c-phone",
                        PHONE_ID,
                        licensing(new Touchpoint("Телефон", Channel.OFFLINE, null), null, null, null, null)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("rowIsComplete"))
                .expectException(fieldError("row.needs"))
                .expectNoEvents();
    }

    // ---- how a complete row is recorded ----

    @Test
    void featuresOfADigitalTouchpointDefaultToTheDigitalPhrase() {
        fixture.given(register())
                .when(add("c-chat", licensing(CHAT, List.of(2), null, null, null)))
                .expectEvents(addInitiated(
                        "c-chat",
                        recorded(CHAT, List.of(2), null, "Получение консультации", "Взаимодействие в цифровой точке")));
    }

    @Test
    void featuresOfAnOfflineTouchpointDefaultToTheOfflinePhrase() {
        fixture.given(register())
                .when(add("c-desk", licensing(DESK, List.of(4), null, null, " ")))
                .expectEvents(addInitiated(
                        "c-desk",
                        recorded(
                                DESK,
                                List.of(4),
                                null,
                                "Представление заявления, обращения, запроса, документов",
                                "Взаимодействие в офлайн-точке")));
    }

    @Test
    void statedFeaturesAndInteractionAreKeptTrimmed() {
        fixture.given(register())
                .when(add(
                        "c-desk",
                        licensing(
                                DESK,
                                List.of(4, 6),
                                null,
                                "  Приём документов и выдача лицензий ",
                                " Приём по предварительной записи\n")))
                .expectEvents(addInitiated(
                        "c-desk",
                        recorded(
                                DESK,
                                List.of(4, 6),
                                null,
                                "Приём документов и выдача лицензий",
                                "Приём по предварительной записи")));
    }

    @Test
    void otherNeedDefaultsToTheInteractionText() {
        fixture.given(register())
                .when(add("c-chat", licensing(CHAT, List.of(10), null, "Запись на приём", null)))
                .expectEvents(addInitiated(
                        "c-chat",
                        recorded(
                                CHAT,
                                List.of(10),
                                "Запись на приём",
                                "Запись на приём",
                                "Взаимодействие в цифровой точке")));
    }

    @Test
    void otherNeedIsDroppedWithoutNeedTen() {
        fixture.given(register())
                .when(add("c-chat", licensing(CHAT, List.of(1), "Запись на приём", null, null)))
                .expectEvents(addInitiated(
                        "c-chat",
                        recorded(CHAT, List.of(1), null, "Получение информации", "Взаимодействие в цифровой точке")));
    }

    @Test
    void namesAreTrimmedAndInnerSpacesCollapsed() {
        RowContent typed = new RowContent(
                "  " + SERVICES,
                " " + ATTEST.replace(" ", "   ") + " ",
                new Touchpoint("  Чат-бот   в Telegram ", Channel.DIGITAL, "  @gzhi67_bot "),
                List.of(2),
                null,
                null,
                null,
                null);
        fixture.given(register())
                .when(add("c-chat", typed))
                .expectEvents(addInitiated(
                        "c-chat",
                        new RowContent(
                                SERVICES,
                                ATTEST,
                                CHAT,
                                List.of(2),
                                null,
                                "Получение консультации",
                                "Взаимодействие в цифровой точке",
                                LICENSING)));
    }
}
