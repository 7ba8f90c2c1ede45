package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pages ask the register's own step rules: an acting official (и.о.) named through a delegation gets the inbox
 * entry, the task and the button, and the register accepts the click; whoever may not act (the initiator, an acting
 * official whose period is over) gets no button.
 */
class ActingOfficialBrowserIT extends BrowserIT {
    private static final String ACTING_NAME = "Белова Ирина Сергеевна, главный специалист отдела обращений";

    private LocalDate today() {
        return clock.instant().atZone(ZoneId.of("Europe/Moscow")).toLocalDate();
    }

    /** A specialist of the appeals division, named acting head of licensing from today for {@code days} days. */
    private String actingHead(String registerId, int days) {
        String acting = "io-" + registerId;
        accounts.create(acting, "demo", ACTING_NAME, null);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + registerId + "/members",
                        Map.of("username", acting, "role", "SPECIALIST", "division", "appeals")));
        ok(api.as("division-head")
                .post(
                        "/api/v1/registers/" + registerId + "/delegations",
                        Map.of(
                                "delegate",
                                acting,
                                "role",
                                "HEAD",
                                "division",
                                "licensing",
                                "validFrom",
                                today().toString(),
                                "validTo",
                                today().plusDays(days - 1).toString(),
                                "comment",
                                "Отпуск руководителя, приказ № 12-к")));
        return acting;
    }

    @Test
    void anActingHeadApprovesFromTheInbox() {
        String registerId = newRegister();
        String acting = actingHead(registerId, 7);
        String changeId = initiate(registerId, "Страница в «Одноклассниках»");

        browser.login(acting);
        assertThat(browser.url()).endsWith("/tasks");
        assertThat(browser.text("#tasks-agree")).contains("Согласовать: Добавление: Страница в «Одноклассниках»");
        assertThat(Integer.parseInt(browser.text("#task-count"))).isGreaterThanOrEqualTo(1);

        browser.go("#nav-inbox");
        assertThat(browser.url()).endsWith("/inbox");
        browser.type("approve-comment-" + changeId, "Согласовано на время отпуска руководителя");
        browser.go("#approve-" + changeId);
        assertThat(browser.text("#flash")).isNotBlank();

        JsonNode change =
                ok(api.as("auditor").get("/api/v1/changes/" + changeId)).json();
        assertThat(change.get("status").asString()).isEqualTo("DIVISION_APPROVED");
        JsonNode step = change.get("timeline").get(1);
        assertThat(step.get("event").asString()).isEqualTo("DivisionApproved");
        assertThat(step.get("by").asString()).isEqualTo(acting);
        assertThat(step.get("onBehalfOf").asString()).isEqualTo("division-head");

        // the change moved on: it now waits for the deputy, and no longer for the acting head
        browser.open("/inbox");
        assertThat(browser.now("#approve-" + changeId)).isEmpty();
        browser.login("deputy");
        browser.open("/inbox");
        assertThat(browser.find("#approve-" + changeId).getText()).isEqualTo("Утвердить");
    }

    @Test
    void whoMayNotActGetsNoButton() {
        String registerId = newRegister();
        String acting = actingHead(registerId, 1);
        String changeId = initiate(registerId, "Телефон горячей линии по лицензированию");

        // the initiator sees their change with «Отозвать», never «Согласовать» nor «Отклонить»
        browser.login("initiator");
        browser.open("/changes/" + changeId);
        assertThat(browser.find("#withdraw-" + changeId).isDisplayed()).isTrue();
        assertThat(browser.now("#approve-" + changeId)).isEmpty();
        assertThat(browser.now("#reject-" + changeId)).isEmpty();

        // the acting head may approve today ...
        browser.login(acting);
        browser.open("/changes/" + changeId);
        assertThat(browser.find("#approve-" + changeId).isDisplayed()).isTrue();

        // ... and not once the delegation's one day is over: no inbox entry, no task, no button, and the register
        // agrees
        clock.advance(Duration.ofDays(3));
        browser.open("/inbox");
        assertThat(browser.now("#approve-" + changeId)).isEmpty();
        browser.open("/tasks");
        assertThat(browser.now("#tasks-agree a[href$='/changes/" + changeId + "']"))
                .isEmpty();
        browser.open("/changes/" + changeId);
        assertThat(browser.text("#change-status")).isNotBlank();
        assertThat(browser.now("#approve-" + changeId)).isEmpty();
        assertThat(browser.now("#reject-" + changeId)).isEmpty();
        var refused = api.as(acting).post("/api/v1/changes/" + changeId + "/division-approval", "{}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("rule").asString()).isEqualTo("onlyTheInitiatingDivisionsHeadApproves");

        // the head in person still has the button
        browser.login("division-head");
        browser.open("/changes/" + changeId);
        assertThat(browser.find("#approve-" + changeId).isDisplayed()).isTrue();
    }

    @Test
    void anActingHeadOfTheAuthorityTakesTheProceduresOwnStep() {
        String registerId = newRegister();
        // the register's procedure: one step, the head of the authority's (001 §5.1)
        ObjectNode procedure = (ObjectNode) ok(api.as("admin").get("/api/v1/registers/" + registerId))
                .json()
                .get("procedure");
        procedure.putArray("approvalSteps").add("HEAD_OF_AUTHORITY");
        ok(api.as("admin")
                .send(
                        "PUT",
                        "/api/v1/registers/" + registerId + "/procedure",
                        "application/json",
                        procedure.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String minister = "min-" + registerId;
        accounts.create(minister, "demo", "Магомедов Руслан Ахмедович, министр", null);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + registerId + "/members",
                        Map.of("username", minister, "role", "HEAD_OF_AUTHORITY")));
        String acting = "io-" + registerId;
        accounts.create(acting, "demo", "Алиева Патимат Магомедовна, первый заместитель министра", null);
        ok(api.as("admin")
                .post("/api/v1/registers/" + registerId + "/members", Map.of("username", acting, "role", "PUBLISHER")));
        ok(api.as(minister)
                .post(
                        "/api/v1/registers/" + registerId + "/delegations",
                        Map.of(
                                "delegate",
                                acting,
                                "role",
                                "HEAD_OF_AUTHORITY",
                                "validFrom",
                                today().toString(),
                                "validTo",
                                today().plusDays(6).toString(),
                                "comment",
                                "Командировка министра")));
        String changeId = initiate(registerId, "Личный кабинет на портале министерства");

        browser.login(acting);
        browser.go("#nav-inbox");
        browser.go("#approve-step-" + changeId);
        assertThat(browser.text("#flash")).contains("Шаг согласования пройден");
        JsonNode change =
                ok(api.as("auditor").get("/api/v1/changes/" + changeId)).json();
        assertThat(change.get("status").asString()).isEqualTo("APPROVED");
        JsonNode step = change.get("timeline").get(1);
        assertThat(step.get("by").asString()).isEqualTo(acting);
        assertThat(step.get("onBehalfOf").asString()).isEqualTo(minister);
    }
}
