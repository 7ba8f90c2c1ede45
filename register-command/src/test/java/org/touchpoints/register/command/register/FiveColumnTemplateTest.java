package org.touchpoints.register.command.register;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.publication.PublishCommand;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.DivisionDefined;
import org.touchpoints.register.api.register.ImportRowsCommand;
import org.touchpoints.register.api.register.MemberAssigned;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.register.RowImported;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * The five-column template of seed 004 (Минпромторг Смоленской области): no direction column, processes numbered by
 * the authority's table, a new process after the last.
 */
class FiveColumnTemplateTest {
    private static final String REGISTER = "smolensk-minpromtorg";
    private static final String AUTHORITY = "Министерство промышленности и торговли Смоленской области";
    private static final String CONTROL = "control";
    private static final String SPECIALIST = "olga";
    private static final String HEAD = "pavel";
    private static final String DEPUTY = "roman";
    private static final String PUBLISHER = "sofia";
    private static final Instant AT = Instant.parse("2024-03-20T07:00:00Z");
    private static final String SOURCE = "perechen-004.csv";

    private static final String INFORMING = "Информирование";
    private static final String CONSULTING = "Консультирование";
    private static final String APPEAL = "Досудебное обжалование результатов проверки";

    private static final RowContent SITE = row(
            INFORMING,
            "официальный сайт Министерства",
            Channel.DIGITAL,
            "https://dpt.admin-smolensk.ru/",
            "получение информации",
            "Цифровая точка");
    private static final RowContent MAIL = row(
            INFORMING,
            "Электронная почта:",
            Channel.DIGITAL,
            "otdelgoscen@yandex.ru",
            "Получение информации",
            "Цифровая точка");
    private static final RowContent PHONE = row(
            CONSULTING,
            "Телефонная связь",
            Channel.OFFLINE,
            "+7 (4812) 29-25-09",
            "Получение консультации",
            "Офлайн-точка");
    /** The new process as a specialist types it: no direction. */
    private static final RowContent EPGU_DRAFT = new RowContent(
            null,
            APPEAL,
            new Touchpoint("ЕПГУ", Channel.DIGITAL, "https://knd.gosuslugi.ru/"),
            List.of(4, 5, 6),
            null,
            "направление клиентом жалобы, получение результата рассмотрения жалобы",
            "Цифровая точка",
            null);
    /** ... and as the register records it: the process stands in for the direction, as an imported row has it. */
    private static final RowContent EPGU = new RowContent(
            APPEAL,
            APPEAL,
            EPGU_DRAFT.touchpoint(),
            List.of(4, 5, 6),
            null,
            EPGU_DRAFT.interaction(),
            "Цифровая точка",
            CONTROL);

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = Given.fixture();
    }

    private static RowContent row(
            String process, String name, Channel channel, String address, String interaction, String features) {
        return new RowContent(
                process,
                process,
                new Touchpoint(name, channel, address),
                List.of(1),
                null,
                interaction,
                features,
                null);
    }

    private static RegisterCreated created(Template template) {
        return new RegisterCreated(REGISTER, AUTHORITY, "Europe/Moscow", 10, template, null, "admin", AT);
    }

    private static List<Object> people() {
        return List.of(
                new DivisionDefined(REGISTER, CONTROL, "Отдел регионального контроля", List.of(), "admin", AT),
                new MemberAssigned(REGISTER, SPECIALIST, MemberRole.SPECIALIST, CONTROL, "admin", AT),
                new MemberAssigned(REGISTER, HEAD, MemberRole.HEAD, CONTROL, "admin", AT),
                new MemberAssigned(REGISTER, DEPUTY, MemberRole.DEPUTY, null, "admin", AT),
                new MemberAssigned(REGISTER, PUBLISHER, MemberRole.PUBLISHER, null, "admin", AT));
    }

    private static ImportRowsCommand importing(Integer... numbers) {
        return new ImportRowsCommand(
                REGISTER,
                List.of(
                        new RegisterRow("r-site", SITE, numbers[0]),
                        new RegisterRow("r-mail", MAIL, numbers[1]),
                        new RegisterRow("r-phone", PHONE, numbers[2])),
                SOURCE,
                "admin",
                AT);
    }

    private static InitiateChangeCommand proposeTheNewProcess() {
        return new InitiateChangeCommand(
                REGISTER,
                "c-appeal",
                ChangeKind.ADD,
                null,
                EPGU_DRAFT,
                ChangeReason.NEW_TOUCHPOINT,
                null,
                null,
                SPECIALIST,
                AT.plusSeconds(60));
    }

    @Test
    void importKeepsTheNumbersOfAFiveColumnTable() {
        fixture.given(created(Template.FIVE_COLUMN))
                .when(importing(1, 1, 2))
                .expectEvents(
                        new RowImported(REGISTER, "r-site", SITE, SOURCE, "admin", AT, 1),
                        new RowImported(REGISTER, "r-mail", MAIL, SOURCE, "admin", AT, 1),
                        new RowImported(REGISTER, "r-phone", PHONE, SOURCE, "admin", AT, 2));
    }

    @Test
    void importOfASixColumnTableNumberedByDirectionRecordsNoNumbers() {
        // each process is its own direction here, numbered in the order they come: what the layout gives anyway
        fixture.given(created(Template.SIX_COLUMN))
                .when(importing(1, 1, 2))
                .expectEvents(
                        new RowImported(REGISTER, "r-site", SITE, SOURCE, "admin", AT, null),
                        new RowImported(REGISTER, "r-mail", MAIL, SOURCE, "admin", AT, null),
                        new RowImported(REGISTER, "r-phone", PHONE, SOURCE, "admin", AT, null));
    }

    @Test
    void aFiveColumnRowNeedsNoDirection() {
        fixture.given(created(Template.FIVE_COLUMN))
                .andGiven(people())
                .when(proposeTheNewProcess())
                .expectEvents(new ChangeInitiated(
                        REGISTER,
                        "c-appeal",
                        ChangeKind.ADD,
                        "c-appeal",
                        null,
                        EPGU,
                        ChangeReason.NEW_TOUCHPOINT,
                        null,
                        CONTROL,
                        SPECIALIST,
                        AT.plusSeconds(60)));
    }

    @Test
    void aFiveColumnRowIsRecordedInItsProcessWhateverDirectionWasSent() {
        // a client still sending a hidden direction: the template has none, the row joins its process
        RowContent telegram = new RowContent(
                "Государственный контроль (надзор)",
                INFORMING,
                new Touchpoint("Telegram-канал", Channel.DIGITAL, null),
                List.of(1),
                null,
                "Получение информации",
                "Цифровая точка",
                null);
        fixture.given(created(Template.FIVE_COLUMN), new RowImported(REGISTER, "r-site", SITE, SOURCE, "admin", AT, 1))
                .andGiven(people())
                .when(new InitiateChangeCommand(
                        REGISTER,
                        "c-telegram",
                        ChangeKind.ADD,
                        null,
                        telegram,
                        ChangeReason.NEW_TOUCHPOINT,
                        null,
                        null,
                        SPECIALIST,
                        AT.plusSeconds(60)))
                .expectEvents(new ChangeInitiated(
                        REGISTER,
                        "c-telegram",
                        ChangeKind.ADD,
                        "c-telegram",
                        null,
                        new RowContent(
                                INFORMING,
                                INFORMING,
                                telegram.touchpoint(),
                                List.of(1),
                                null,
                                "Получение информации",
                                "Цифровая точка",
                                CONTROL),
                        ChangeReason.NEW_TOUCHPOINT,
                        null,
                        CONTROL,
                        SPECIALIST,
                        AT.plusSeconds(60)));
    }

    @Test
    void aSixColumnRowStillNeedsItsDirection() {
        fixture.given(created(Template.SIX_COLUMN))
                .andGiven(people())
                .when(proposeTheNewProcess())
                .expectNoEvents()
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("Направление деятельности"));
    }

    @Test
    void aNewProcessIsPublishedAfterTheLastNumberedOneAndRenumbersNothing() {
        // the file numbers «Информирование» 3 and «Консультирование» 7 (numbers of its own, not 1 and 2)
        List<Object> history = new java.util.ArrayList<>(List.of(
                created(Template.FIVE_COLUMN),
                new RowImported(REGISTER, "r-site", SITE, SOURCE, "admin", AT, 3),
                new RowImported(REGISTER, "r-mail", MAIL, SOURCE, "admin", AT, 3),
                new RowImported(REGISTER, "r-phone", PHONE, SOURCE, "admin", AT, 7)));
        history.addAll(people());
        history.add(new ChangeInitiated(
                REGISTER,
                "c-appeal",
                ChangeKind.ADD,
                "c-appeal",
                null,
                EPGU,
                ChangeReason.NEW_TOUCHPOINT,
                null,
                CONTROL,
                SPECIALIST,
                AT.plusSeconds(60)));
        history.add(new DivisionApproved(REGISTER, "c-appeal", null, null, HEAD, AT.plusSeconds(120)));
        history.add(new DeputyApproved(REGISTER, "c-appeal", null, null, null, null, DEPUTY, AT.plusSeconds(180)));
        String csv = String.join(",", Template.FIVE_COLUMN.headers()) + "\r\n"
                + "3,Информирование,официальный сайт Министерства https://dpt.admin-smolensk.ru/,получение информации,Цифровая точка\r\n"
                + "3,Информирование,Электронная почта: otdelgoscen@yandex.ru,Получение информации,Цифровая точка\r\n"
                + "7,Консультирование,Телефонная связь +7 (4812) 29-25-09,Получение консультации,Офлайн-точка\r\n"
                + "8,Досудебное обжалование результатов проверки,ЕПГУ https://knd.gosuslugi.ru/,\"направление клиентом "
                + "жалобы, получение результата рассмотрения жалобы\",Цифровая точка\r\n";
        String sha = RegisterCsv.sha256(csv.getBytes(StandardCharsets.UTF_8));
        Instant publishedAt = AT.plusSeconds(240);
        fixture.given(history)
                .when(new PublishCommand(
                        REGISTER, null, "https://dpt.admin-smolensk.ru/perechen", null, null, PUBLISHER, publishedAt))
                .expectEvents(new Published(
                        REGISTER,
                        1,
                        "https://dpt.admin-smolensk.ru/perechen",
                        publishedAt,
                        List.of("c-appeal"),
                        sha,
                        null,
                        null,
                        PUBLISHER,
                        publishedAt));
    }
}
