package org.touchpoints.register.command.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.hamcrest.TypeSafeMatcher;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.change.ApprovalStep;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ApproveByDivisionCommand;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.publication.PublishCommand;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.DivisionDefined;
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
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.platform.calendar.ProductionCalendar;

/**
 * The register the behaviour tests start from (the housing inspectorate of Smolensk, seed 000), with the
 * people of every role, three imported rows, and short-hands for the commands and events of the approval
 * chain. Every row constant is written out by hand, as the aggregate is expected to record it.
 */
final class Given {
    private Given() {}

    /**
     * A fresh fixture of the Register aggregate. Its check for state changed outside event-sourcing handlers
     * compares the aggregate's maps with {@code equals}, and the aggregate's {@code Change} entries have
     * identity equality (correctly: they are mutable entities), so every comparison of a register holding a
     * change would fail although both copies hold the same values. The check is switched off here; the tests
     * see the state through what the aggregate decides next (e.g. the hash of a published version).
     */
    static FixtureConfiguration<Register> fixture() {
        FixtureConfiguration<Register> fixture = new AggregateTestFixture<>(Register.class);
        fixture.setReportIllegalStateChange(false);
        fixture.registerInjectableResource(CALENDAR); // the domain service the approvals count due dates with
        return fixture;
    }

    /** The production calendar as bundled (2024–2026, with the RU-DA and RU-TA overlays). */
    static final ProductionCalendar CALENDAR = ProductionCalendar.bundled();

    // ---- the register ----
    static final String REGISTER = "smolensk-gzhi";
    static final String AUTHORITY = "Главное управление «Государственная жилищная инспекция Смоленской области»";
    static final String ZONE = "Europe/Moscow";
    static final Template TEMPLATE = Template.SIX_COLUMN;

    static final String LICENSING = "licensing";
    static final String LICENSING_NAME = "Отдел лицензирования";
    static final String LICENSING_PROCESS = "Лицензирование предпринимательской деятельности по управлению "
            + "многоквартирными домами на территории Смоленской области";
    static final String APPEALS = "appeals";
    static final String APPEALS_NAME = "Отдел по работе с обращениями граждан";
    static final String APPEALS_PROCESS = "Прием и рассмотрение обращений и запросов, поступающих в ГЖИ СО";

    static final String SERVICES = "Предоставление государственных услуг";
    static final String APPEALS_DIRECTION = "Рассмотрение обращений и запросов";

    // ---- people ----
    static final String ADMIN = "admin";
    /** Specialist of the licensing division: initiates its changes. */
    static final String SPECIALIST = "anna";
    /** Head of the licensing division. */
    static final String HEAD = "boris";
    /** Specialist of the appeals division. */
    static final String OTHER_SPECIALIST = "vera";
    /** Head of the appeals division. */
    static final String OTHER_HEAD = "grigory";

    static final String DEPUTY = "dmitry";
    static final String PUBLISHER = "elena";

    // ---- fixed moments ----
    static final Instant CREATED_AT = Instant.parse("2024-03-01T06:00:00Z");
    static final Instant IMPORTED_AT = Instant.parse("2024-03-01T07:00:00Z");
    static final Instant INITIATED_AT = Instant.parse("2024-03-04T07:00:00Z");
    static final Instant DIVISION_APPROVED_AT = Instant.parse("2024-03-05T07:00:00Z");
    static final Instant DEPUTY_APPROVED_AT = Instant.parse("2024-03-06T07:00:00Z");
    static final Instant REJECTED_AT = Instant.parse("2024-03-06T08:00:00Z");
    static final Instant WITHDRAWN_AT = Instant.parse("2024-03-06T09:00:00Z");
    static final Instant PUBLISHED_AT = Instant.parse("2024-03-11T07:00:00Z");

    static final String SOURCE = "perechen-2024.xlsx";
    static final String URL = "https://gzhi.admin-smolensk.ru/deyatelnost/perechen";

    // ---- the imported rows, as recorded ----
    static final String SITE_ID = "r-site";
    static final RowContent SITE = new RowContent(
            SERVICES,
            LICENSING_PROCESS,
            new Touchpoint("Официальный сайт ГЖИ", Channel.DIGITAL, "https://gzhi.admin-smolensk.ru"),
            List.of(1, 3),
            null,
            "Получение информации, Получение форм документов",
            "Взаимодействие в цифровой точке",
            LICENSING);
    static final String PHONE_ID = "r-phone";
    static final RowContent PHONE = new RowContent(
            SERVICES,
            LICENSING_PROCESS,
            new Touchpoint("Телефон", Channel.OFFLINE, "8 (4812) 29-10-71"),
            List.of(1, 2),
            null,
            "Получение информации, Получение консультации",
            "Взаимодействие в офлайн-точке",
            LICENSING);
    static final String MAIL_ID = "r-mail";
    static final RowContent MAIL = new RowContent(
            APPEALS_DIRECTION,
            APPEALS_PROCESS,
            new Touchpoint("Электронная почта", Channel.DIGITAL, "gzhi@admin-smolensk.ru"),
            List.of(4, 6),
            null,
            "Направление обращения и получение ответа",
            "Взаимодействие в цифровой точке",
            APPEALS);

    // ---- a proposed new touchpoint of the licensing process: as typed, and as recorded ----
    static final RowContent PORTAL_DRAFT = new RowContent(
            SERVICES,
            LICENSING_PROCESS,
            new Touchpoint("ЕПГУ", Channel.DIGITAL, "https://www.gosuslugi.ru"),
            List.of(4, 5, 6),
            null,
            null,
            null,
            null);
    static final RowContent PORTAL = new RowContent(
            SERVICES,
            LICENSING_PROCESS,
            new Touchpoint("ЕПГУ", Channel.DIGITAL, "https://www.gosuslugi.ru"),
            List.of(4, 5, 6),
            null,
            "Представление заявления, обращения, запроса, документов, Получение информации о ходе рассмотрения, "
                    + "Получение результата, ответа, разъяснения",
            "Взаимодействие в цифровой точке",
            LICENSING);

    // ---- the phone row with one more need: as typed, and as recorded ----
    static final RowContent PHONE_EDIT_DRAFT = new RowContent(
            SERVICES,
            LICENSING_PROCESS,
            new Touchpoint("Телефон", Channel.OFFLINE, "8 (4812) 29-10-71"),
            List.of(1, 2, 5),
            null,
            null,
            "Консультации по вторникам и четвергам",
            null);
    static final RowContent PHONE_EDITED = new RowContent(
            SERVICES,
            LICENSING_PROCESS,
            new Touchpoint("Телефон", Channel.OFFLINE, "8 (4812) 29-10-71"),
            List.of(1, 2, 5),
            null,
            "Получение информации, Получение консультации, Получение информации о ходе рассмотрения",
            "Консультации по вторникам и четвергам",
            LICENSING);

    /** The register as created, with both divisions, one person per role and the three imported rows. */
    static List<Object> register() {
        return List.of(
                created(),
                new DivisionDefined(REGISTER, LICENSING, LICENSING_NAME, List.of(LICENSING_PROCESS), ADMIN, CREATED_AT),
                new DivisionDefined(REGISTER, APPEALS, APPEALS_NAME, List.of(APPEALS_PROCESS), ADMIN, CREATED_AT),
                member(SPECIALIST, MemberRole.SPECIALIST, LICENSING),
                member(HEAD, MemberRole.HEAD, LICENSING),
                member(OTHER_SPECIALIST, MemberRole.SPECIALIST, APPEALS),
                member(OTHER_HEAD, MemberRole.HEAD, APPEALS),
                member(DEPUTY, MemberRole.DEPUTY, null),
                member(PUBLISHER, MemberRole.PUBLISHER, null),
                imported(SITE_ID, SITE),
                imported(PHONE_ID, PHONE),
                imported(MAIL_ID, MAIL));
    }

    /** The register of {@link #register()} followed by {@code more} events. */
    static List<Object> registerAnd(Object... more) {
        List<Object> events = new ArrayList<>(register());
        events.addAll(Arrays.asList(more));
        return events;
    }

    /** The register before any row was imported: divisions and people only. */
    static List<Object> emptyRegister() {
        return register().stream().filter(e -> !(e instanceof RowImported)).toList();
    }

    static RegisterCreated created() {
        return new RegisterCreated(REGISTER, AUTHORITY, ZONE, 10, TEMPLATE, null, ADMIN, CREATED_AT);
    }

    static MemberAssigned member(String username, MemberRole role, String divisionId) {
        return new MemberAssigned(REGISTER, username, role, divisionId, ADMIN, CREATED_AT);
    }

    static RowImported imported(String rowId, RowContent row) {
        return new RowImported(REGISTER, rowId, row, SOURCE, ADMIN, IMPORTED_AT);
    }

    // ---- commands of the approval chain ----

    static InitiateChangeCommand add(String changeId, RowContent draft) {
        return new InitiateChangeCommand(
                REGISTER,
                changeId,
                ChangeKind.ADD,
                null,
                draft,
                ChangeReason.NEW_TOUCHPOINT,
                null,
                null,
                SPECIALIST,
                INITIATED_AT);
    }

    static InitiateChangeCommand edit(String changeId, String rowId, RowContent draft) {
        return new InitiateChangeCommand(
                REGISTER,
                changeId,
                ChangeKind.EDIT,
                rowId,
                draft,
                ChangeReason.NEEDS_CHANGED,
                null,
                null,
                SPECIALIST,
                INITIATED_AT);
    }

    static InitiateChangeCommand remove(String changeId, String rowId) {
        return new InitiateChangeCommand(
                REGISTER,
                changeId,
                ChangeKind.REMOVE,
                rowId,
                null,
                ChangeReason.TOUCHPOINT_EXCLUDED,
                null,
                null,
                SPECIALIST,
                INITIATED_AT);
    }

    static ApproveByDivisionCommand divisionApproval(String changeId) {
        return new ApproveByDivisionCommand(REGISTER, changeId, null, null, HEAD, DIVISION_APPROVED_AT);
    }

    static ApproveByDeputyCommand deputyApproval(String changeId) {
        return new ApproveByDeputyCommand(REGISTER, changeId, null, null, null, null, DEPUTY, DEPUTY_APPROVED_AT);
    }

    static PublishCommand publish() {
        return new PublishCommand(REGISTER, null, URL, null, null, PUBLISHER, PUBLISHED_AT);
    }

    // ---- events of the approval chain ----

    static ChangeInitiated addInitiated(String changeId, RowContent recorded) {
        return new ChangeInitiated(
                REGISTER,
                changeId,
                ChangeKind.ADD,
                changeId,
                null,
                recorded,
                ChangeReason.NEW_TOUCHPOINT,
                null,
                recorded.division(),
                SPECIALIST,
                INITIATED_AT);
    }

    static ChangeInitiated editInitiated(String changeId, String rowId, RowContent before, RowContent after) {
        return new ChangeInitiated(
                REGISTER,
                changeId,
                ChangeKind.EDIT,
                rowId,
                before,
                after,
                ChangeReason.NEEDS_CHANGED,
                null,
                before.division(),
                SPECIALIST,
                INITIATED_AT);
    }

    static ChangeInitiated removeInitiated(String changeId, String rowId, RowContent before) {
        return new ChangeInitiated(
                REGISTER,
                changeId,
                ChangeKind.REMOVE,
                rowId,
                before,
                null,
                ChangeReason.TOUCHPOINT_EXCLUDED,
                null,
                before.division(),
                SPECIALIST,
                INITIATED_AT);
    }

    static DivisionApproved divisionApproved(String changeId) {
        return new DivisionApproved(REGISTER, changeId, null, null, HEAD, DIVISION_APPROVED_AT);
    }

    /**
     * The deadline of a change of this register approved on 06.03.2024 (Moscow): ten working days from 07.03 —
     * 07, (08 a holiday) 11, 12, 13, 14, 15, 18, 19, 20, 21.03.2024.
     */
    static final PublicationDue DUE_OF_DEPUTY_APPROVAL = due(LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 21));

    /** A deadline of ten working days counted by the federal calendar (the version string is the calendar's own). */
    static PublicationDue due(LocalDate madeOn, LocalDate dueDate) {
        return due(madeOn, 10, dueDate);
    }

    /** A deadline of {@code workingDays} counted by the federal calendar. */
    static PublicationDue due(LocalDate madeOn, int workingDays, LocalDate dueDate) {
        return new PublicationDue(
                madeOn, workingDays, dueDate, null, null, null, CALENDAR.version(null, madeOn, dueDate));
    }

    static DeputyApproved deputyApproved(String changeId) {
        return new DeputyApproved(
                REGISTER, changeId, null, null, null, null, DEPUTY, DEPUTY_APPROVED_AT, DUE_OF_DEPUTY_APPROVAL);
    }

    static DeputyApproved deputyApproved(String changeId, String orderNumber, LocalDate orderDate) {
        LocalDate madeOn = PublicationDue.madeOn(DEPUTY_APPROVED_AT, orderDate, java.time.ZoneId.of(ZONE));
        return new DeputyApproved(
                REGISTER,
                changeId,
                null,
                orderNumber,
                orderDate,
                null,
                DEPUTY,
                DEPUTY_APPROVED_AT,
                CALENDAR.publicationDue(madeOn, 10, null));
    }

    static ChangeRejected rejected(String changeId, ApprovalStep step, String reason, String by) {
        return new ChangeRejected(REGISTER, changeId, step, reason, null, by, REJECTED_AT);
    }

    static ChangeWithdrawn withdrawn(String changeId) {
        return new ChangeWithdrawn(REGISTER, changeId, SPECIALIST, WITHDRAWN_AT);
    }

    static Published published(int version, List<String> covered, String sha256, String previousSha256) {
        return new Published(
                REGISTER, version, URL, PUBLISHED_AT, covered, sha256, previousSha256, null, PUBLISHER, PUBLISHED_AT);
    }

    /** The changes already through the whole chain (initiated, approved by both), one after another. */
    static List<Object> approved(ChangeInitiated initiated) {
        return List.of(initiated, divisionApproved(initiated.changeId()), deputyApproved(initiated.changeId()));
    }

    // ---- the published content ----

    static RegisterRow row(String rowId, RowContent content) {
        return new RegisterRow(rowId, content);
    }

    /** The hash of the canonical CSV of these rows, in the order they stand in the register. */
    static String sha256(RegisterRow... rowsInEntryOrder) {
        return RegisterCsv.sha256(RegisterCsv.render(TEMPLATE, List.of(rowsInEntryOrder)));
    }

    /** The hash of the register as imported, before any change. */
    static String importedSha256() {
        return sha256(row(SITE_ID, SITE), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL));
    }

    // ---- drafts typed by a specialist ----

    /** A row as a specialist types it: no interaction, features or division. */
    static RowContent draft(String process, String touchpoint, Channel channel, Integer... needs) {
        return new RowContent(
                SERVICES, process, new Touchpoint(touchpoint, channel, null), List.of(needs), null, null, null, null);
    }

    // ---- matchers ----

    /** The message of a {@code RuleViolatedException} names its rule first: {@code rule + ": " + message}. */
    static Matcher<String> rule(String name) {
        return Matchers.startsWith(name + ":");
    }

    /** A refusal of an input rule that names the offending field. */
    static Matcher<RuleViolatedException> fieldError(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolatedException e) {
                return e.violation().errors().stream().map(FieldError::field).anyMatch(field::equals);
            }

            @Override
            public void describeTo(Description description) {
                description
                        .appendText("a rule violation with an error on field ")
                        .appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(RuleViolatedException e, Description description) {
                description.appendText("errors were ").appendValue(e.violation().errors());
            }
        };
    }
}
