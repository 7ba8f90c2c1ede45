package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.touchpoints.register.platform.account.AccountStore;
import org.touchpoints.register.query.deadline.DeadlineWatcher;
import org.touchpoints.register.query.reminder.ReminderPolicy;
import org.touchpoints.register.query.reminder.ReminderSender;

/** Reminders go by real SMTP (an embedded GreenMail server) to whoever's step is waiting, and to publishers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApplicationIT.Clocks.class)
class RemindersIT {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("register-mail-it-");
        registry.add("register.embedded-postgres.data-dir", dir::toString);
        registry.add("register.embedded-postgres.durable", () -> "false");
        registry.add("register.scheduling.enabled", () -> "false");
        registry.add("register.mail.enabled", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountStore accounts;

    @Autowired
    ReminderSender sender;

    @Autowired
    ReminderPolicy policy;

    @Autowired
    DeadlineWatcher watcher;

    @Test
    void theWaitingApproverAndThenThePublishersAreReminded() throws Exception {
        clock.set(Instant.parse("2024-12-20T09:00:00Z"));
        accounts.create("admin", "demo", "Администратор", "ADMIN");
        for (String u : List.of("initiator", "division-head", "deputy", "publisher")) {
            accounts.create(u, "demo", u, null, u + "@gzhi.example");
        }
        Api api = Api.at(port);
        Api admin = api.as("admin");
        ApplicationIT.ok(admin.post(
                "/api/v1/registers",
                Map.of(
                        "id",
                        "mail-test",
                        "authority",
                        "ГЖИ",
                        "timeZone",
                        "Europe/Moscow",
                        "template",
                        "SIX_COLUMN",
                        "publicationDeadlineWorkingDays",
                        10)));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-test/divisions",
                Map.of(
                        "id",
                        "licensing",
                        "name",
                        "Лицензирование",
                        "processes",
                        List.of(ApplicationIT.LICENSING_PROCESS))));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-test/members",
                Map.of("username", "initiator", "role", "SPECIALIST", "division", "licensing")));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-test/members",
                Map.of("username", "division-head", "role", "HEAD", "division", "licensing")));
        ApplicationIT.ok(
                admin.post("/api/v1/registers/mail-test/members", Map.of("username", "deputy", "role", "DEPUTY")));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-test/members", Map.of("username", "publisher", "role", "PUBLISHER")));

        String change = ApplicationIT.ok(
                        api.as("initiator").post("/api/v1/registers/mail-test/changes", ApplicationIT.addRow("Сайт")))
                .json()
                .get("changeId")
                .asString();
        assertThat(sender.sendPending()).isEqualTo(1);
        MimeMessage toHead = smtp.getReceivedMessages()[0];
        assertThat(toHead.getAllRecipients()[0].toString()).isEqualTo("division-head@gzhi.example");
        assertThat(toHead.getSubject()).isEqualTo("Изменение перечня ожидает вашего согласования");
        assertThat((String) toHead.getContent()).contains(change).contains("Сайт");

        ApplicationIT.ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        assertThat(sender.sendPending()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()[1].getAllRecipients()[0].toString())
                .isEqualTo("deputy@gzhi.example");
        ApplicationIT.ok(api.as("deputy")
                .post(
                        "/api/v1/changes/" + change + "/deputy-approval",
                        Map.of("orderNumber", "15-п", "orderDate", "2024-12-20")));
        assertThat(sender.sendPending())
                .as("the initiator hears of the approval")
                .isEqualTo(1);
        MimeMessage approved = smtp.getReceivedMessages()[2];
        assertThat(approved.getAllRecipients()[0].toString()).isEqualTo("initiator@gzhi.example");
        assertThat(approved.getSubject()).isEqualTo("Ваше изменение перечня утверждено");
        assertThat((String) approved.getContent())
                .contains(change, "приказ № 15-п от 20.12.2024", "/changes/" + change);

        clock.set(Instant.parse("2025-01-10T09:00:00Z")); // two working days left: at risk
        policy.remindOfPublicationsAtRisk();
        policy.remindOfPublicationsAtRisk();
        assertThat(sender.sendPending()).as("once per change").isEqualTo(1);
        assertThat(smtp.getReceivedMessages()[3].getAllRecipients()[0].toString())
                .isEqualTo("publisher@gzhi.example");
        assertThat(smtp.getReceivedMessages()[3].getSubject()).contains("истекает 14.01.2025");

        // a rebuild of the read models empties q_change, not the reminders' own bookkeeping: nothing is sent again
        rebuild(admin);
        policy.remindOfPublicationsAtRisk();
        assertThat(sender.sendPending()).as("a rebuild sends no reminder again").isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(4);

        clock.set(Instant.parse("2025-01-15T09:00:00Z"));
        assertThat(watcher.recordMissedDeadlines()).isEqualTo(1);
        assertThat(sender.sendPending()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()[4].getSubject()).isEqualTo("Срок публикации перечня истёк");
        rebuild(admin);
        policy.remindOfPublicationsAtRisk();
        assertThat(watcher.recordMissedDeadlines())
                .as("the miss is recorded once, rebuild or not")
                .isZero();
        assertThat(sender.sendPending()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(5);

        // a rejected change: the initiator hears who rejected it and why
        String rejected = ApplicationIT.ok(api.as("initiator")
                        .post("/api/v1/registers/mail-test/changes", ApplicationIT.addRow("Чат-бот")))
                .json()
                .get("changeId")
                .asString();
        ApplicationIT.ok(api.as("division-head")
                .post(
                        "/api/v1/changes/" + rejected + "/rejection",
                        Map.of("reason", "Чат-бот ещё не введён в эксплуатацию")));
        assertThat(sender.sendPending()).isEqualTo(2); // to the head on initiation, to the initiator on rejection
        // GreenMail lists the letters by mailbox, not in the order they came: find the rejection by its subject
        MimeMessage rejection = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().equals("Ваше изменение перечня отклонено");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(rejection.getAllRecipients()[0].toString()).isEqualTo("initiator@gzhi.example");
        assertThat(rejection.getSubject()).isEqualTo("Ваше изменение перечня отклонено");
        assertThat((String) rejection.getContent()).contains(rejected, "Причина: Чат-бот ещё не введён в эксплуатацию");
    }

    private static void rebuild(Api admin) {
        Api.Response rebuilt = ReadModels.rebuild(admin);
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().get("events").asLong()).isPositive();
    }

    @Test
    void underAProcedureOfItsOwnTheHolderOfTheNextStepAndThenOfTheActAreReminded() throws Exception {
        clock.set(Instant.parse("2024-12-20T09:00:00Z"));
        accounts.create("admin", "demo", "Администратор", "ADMIN");
        for (String u : List.of("p-initiator", "p-head", "p-deputy", "p-minister")) {
            accounts.create(u, "demo", u, null, u + "@gov.example");
        }
        Api api = Api.at(port);
        Api admin = api.as("admin");
        ApplicationIT.ok(admin.post(
                "/api/v1/registers",
                Map.of(
                        "id",
                        "mail-procedure",
                        "authority",
                        "Инспекция",
                        "procedure",
                        Map.of(
                                "preset",
                                "NOVOSIBIRSK_GSN",
                                "approvalSteps",
                                List.of("DIVISION_HEAD", "HEAD_OF_AUTHORITY", "DEPUTY"),
                                "directions",
                                List.of("Предоставление государственных услуг")))));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-procedure/divisions",
                Map.of(
                        "id",
                        "licensing",
                        "name",
                        "Лицензирование",
                        "processes",
                        List.of(ApplicationIT.LICENSING_PROCESS))));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-procedure/members",
                Map.of("username", "p-initiator", "role", "SPECIALIST", "division", "licensing")));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-procedure/members",
                Map.of("username", "p-head", "role", "HEAD", "division", "licensing")));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-procedure/members", Map.of("username", "p-deputy", "role", "DEPUTY")));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-procedure/members",
                Map.of("username", "p-minister", "role", "HEAD_OF_AUTHORITY")));
        sender.sendPending();
        List<String> seen = mail();

        String change = ApplicationIT.ok(api.as("p-initiator")
                        .post("/api/v1/registers/mail-procedure/changes", ApplicationIT.addRow("Портал")))
                .json()
                .get("changeId")
                .asString();
        assertThat(sender.sendPending()).isEqualTo(1);
        assertThat(since(seen)).containsExactly("p-head@gov.example: Изменение перечня ожидает вашего согласования");
        seen = mail();
        ApplicationIT.ok(api.as("p-head").post("/api/v1/changes/" + change + "/approval", "{}"));
        assertThat(sender.sendPending()).isEqualTo(1);
        assertThat(since(seen))
                .as("the next step is the head of the authority's")
                .containsExactly("p-minister@gov.example: Изменение перечня ожидает вашего согласования");
        seen = mail();
        ApplicationIT.ok(api.as("p-minister").post("/api/v1/changes/" + change + "/approval", "{}"));
        assertThat(sender.sendPending()).isEqualTo(1);
        assertThat(since(seen)).containsExactly("p-deputy@gov.example: Изменение перечня ожидает вашего согласования");
        seen = mail();
        ApplicationIT.ok(api.as("p-deputy").post("/api/v1/changes/" + change + "/approval", "{}"));
        // the act is a step of its own: those who may record it hear of it
        assertThat(sender.sendPending()).isEqualTo(2);
        assertThat(since(seen))
                .containsExactlyInAnyOrder(
                        "p-deputy@gov.example: Изменение перечня ожидает утверждения приказом",
                        "p-minister@gov.example: Изменение перечня ожидает утверждения приказом");
    }

    /**
     * The reminders group reads only its own tables: with the read models of the projections group emptied (as a
     * rebuild leaves them until it has replayed), whoever's step is next, the initiator and the publishers still hear.
     */
    @Test
    void remindersGoByWhatTheirOwnGroupRecordedNotByTheReadModels(
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception {
        // dates of their own, so this change is never at risk or overdue when the other tests look
        clock.set(Instant.parse("2025-03-03T09:00:00Z"));
        accounts.create("admin", "demo", "Администратор", "ADMIN");
        for (String u : List.of("o-initiator", "o-head", "o-deputy", "o-publisher")) {
            accounts.create(u, "demo", u, null, u + "@own.example");
        }
        Api api = Api.at(port);
        Api admin = api.as("admin");
        ApplicationIT.ok(admin.post(
                "/api/v1/registers",
                Map.of(
                        "id",
                        "mail-own",
                        "authority",
                        "ГЖИ",
                        "timeZone",
                        "Europe/Moscow",
                        "template",
                        "SIX_COLUMN",
                        "publicationDeadlineWorkingDays",
                        10)));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-own/divisions",
                Map.of(
                        "id",
                        "licensing",
                        "name",
                        "Лицензирование",
                        "processes",
                        List.of(ApplicationIT.LICENSING_PROCESS))));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-own/members",
                Map.of("username", "o-initiator", "role", "SPECIALIST", "division", "licensing")));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-own/members",
                Map.of("username", "o-head", "role", "HEAD", "division", "licensing")));
        ApplicationIT.ok(
                admin.post("/api/v1/registers/mail-own/members", Map.of("username", "o-deputy", "role", "DEPUTY")));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-own/members", Map.of("username", "o-publisher", "role", "PUBLISHER")));
        sender.sendPending();
        List<String> seen = mail();
        String change = ApplicationIT.ok(
                        api.as("o-initiator").post("/api/v1/registers/mail-own/changes", ApplicationIT.addRow("Сайт")))
                .json()
                .get("changeId")
                .asString();

        // the members are gone from the read models, and the change's deadline is not there yet
        assertThat(jdbc.sql("delete from q_member where register_id = 'mail-own'")
                        .update())
                .isEqualTo(4);
        ApplicationIT.ok(api.as("o-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        ApplicationIT.ok(api.as("o-deputy").post("/api/v1/changes/" + change + "/deputy-approval", "{}"));
        assertThat(jdbc.sql("update q_change set approved_at = null, due_date = null where change_id = ?")
                        .param(change)
                        .update())
                .isEqualTo(1);
        clock.set(Instant.parse("2025-03-14T09:00:00Z")); // due 17.03.2025: at risk
        policy.remindOfPublicationsAtRisk();
        policy.remindOfPublicationsAtRisk();
        sender.sendPending();
        assertThat(since(seen))
                .filteredOn(m -> m.contains("@own.example"))
                .containsExactlyInAnyOrder(
                        "o-head@own.example: Изменение перечня ожидает вашего согласования",
                        "o-deputy@own.example: Изменение перечня ожидает утверждения",
                        "o-initiator@own.example: Ваше изменение перечня утверждено",
                        "o-publisher@own.example: Срок публикации перечня истекает 17.03.2025");

        // the rebuild brings the read models back, and sends nothing
        seen = mail();
        rebuild(admin);
        policy.remindOfPublicationsAtRisk();
        assertThat(sender.sendPending()).as("a rebuild sends no reminder").isZero();
        assertThat(since(seen)).isEmpty();
        assertThat(jdbc.sql("select count(*) from q_member where register_id = 'mail-own'")
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    /** Every message received, as «recipient: subject» (the mail server lists them by mailbox, not by arrival). */
    private static List<String> mail() throws Exception {
        List<String> received = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            received.add(m.getAllRecipients()[0] + ": " + m.getSubject());
        }
        return received;
    }

    /** The messages received since {@code before} was taken. */
    private static List<String> since(List<String> before) throws Exception {
        List<String> now = new java.util.ArrayList<>(mail());
        for (String m : before) {
            now.remove(m);
        }
        return now;
    }

    /** A due date the calendar cannot count is not silence: the publishers get an at-risk reminder saying why. */
    @Test
    void aDueDateTheCalendarCannotCountIsRemindedAsAtRisk() throws Exception {
        clock.set(Instant.parse("2029-02-01T09:00:00Z")); // no calendar for 2029
        accounts.create("admin", "demo", "Администратор", "ADMIN");
        for (String u : List.of("initiator", "division-head", "deputy", "publisher")) {
            accounts.create(u, "demo", u, null, u + "@gzhi.example");
        }
        Api api = Api.at(port);
        Api admin = api.as("admin");
        ApplicationIT.ok(admin.post(
                "/api/v1/registers",
                Map.of(
                        "id",
                        "mail-no-calendar",
                        "authority",
                        "ГЖИ",
                        "timeZone",
                        "Europe/Moscow",
                        "template",
                        "SIX_COLUMN",
                        "publicationDeadlineWorkingDays",
                        10)));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-no-calendar/divisions",
                Map.of(
                        "id",
                        "licensing",
                        "name",
                        "Лицензирование",
                        "processes",
                        List.of(ApplicationIT.LICENSING_PROCESS))));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-no-calendar/members",
                Map.of("username", "initiator", "role", "SPECIALIST", "division", "licensing")));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-no-calendar/members",
                Map.of("username", "division-head", "role", "HEAD", "division", "licensing")));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-no-calendar/members", Map.of("username", "deputy", "role", "DEPUTY")));
        ApplicationIT.ok(admin.post(
                "/api/v1/registers/mail-no-calendar/members", Map.of("username", "publisher", "role", "PUBLISHER")));
        String change = ApplicationIT.ok(api.as("initiator")
                        .post("/api/v1/registers/mail-no-calendar/changes", ApplicationIT.addRow("Сайт")))
                .json()
                .get("changeId")
                .asString();
        ApplicationIT.ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        ApplicationIT.ok(api.as("deputy").post("/api/v1/changes/" + change + "/deputy-approval", "{}"));
        sender.sendPending(); // the approvers' reminders
        int before = smtp.getReceivedMessages().length;

        policy.remindOfPublicationsAtRisk();
        assertThat(sender.sendPending()).isEqualTo(1);
        MimeMessage toPublisher = smtp.getReceivedMessages()[before];
        assertThat(toPublisher.getAllRecipients()[0].toString()).isEqualTo("publisher@gzhi.example");
        assertThat(toPublisher.getSubject()).isEqualTo("Срок публикации перечня не рассчитан");
        assertThat((String) toPublisher.getContent()).contains(change).contains("нет календаря на 2029 год");
    }
}
