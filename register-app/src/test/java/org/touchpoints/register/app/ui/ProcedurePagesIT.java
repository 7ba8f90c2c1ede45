package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.ActiveProfiles;
import org.touchpoints.register.app.Api;

/**
 * The pages of each authority's procedure, in the demo registers: a responsible person's inbox, the act step that
 * records one order for several changes, and the register page stating its procedure in words.
 */
@ActiveProfiles("demo")
class ProcedurePagesIT extends BrowserIT {
    private static final String MINPROMTORG = "smolensk-minpromtorg";

    private String propose(String by, String touchpoint) {
        Api.Response r = api.as(by)
                .post(
                        "/api/v1/registers/" + MINPROMTORG + "/changes",
                        Map.of(
                                "kind",
                                "ADD",
                                "reason",
                                "NEW_TOUCHPOINT",
                                "row",
                                Map.of(
                                        "direction",
                                        "Государственный контроль (надзор)",
                                        "process",
                                        "Консультирование",
                                        "touchpoint",
                                        Map.of("name", touchpoint, "channel", "DIGITAL"),
                                        "needs",
                                        List.of(2))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("changeId").asString();
    }

    private String status(String changeId) {
        return api.as("auditor")
                .get("/api/v1/changes/" + changeId)
                .json()
                .get("status")
                .asString();
    }

    @Test
    void aResponsiblePersonVerifiesFromTheInboxAndOneOrderApprovesTwoChanges() {
        String first = propose("mpt-responsible", "Канал министерства в MAX");
        String second = propose("mpt-specialist", "Чат-бот министерства");

        // the second authorised person verifies both from the inbox (never their own: they proposed neither)
        browser.login("mpt-responsible2").open("/inbox");
        assertThat(browser.text("#item-" + first)).contains("Канал министерства в MAX");
        browser.click("#approve-step-" + first);
        assertThat(browser.text("#flash")).contains("Шаг согласования пройден");
        assertThat(status(first)).isEqualTo("AWAITING_APPROVAL_ACT");
        browser.click("#approve-step-" + second);
        // the flash of the first approval is still on the page until the next one loads: wait for the second's effect
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> "AWAITING_APPROVAL_ACT".equals(status(second)));
        assertThat(status(second)).isEqualTo("AWAITING_APPROVAL_ACT");

        // the person who proposed the first sees it awaiting the act, and cannot approve their own change
        browser.login("mpt-responsible").open("/inbox");
        assertThat(browser.now("#act-" + first))
                .as("nobody approves their own change")
                .isEmpty();
        // the act step: one order for both
        browser.click("#act-" + second);
        assertThat(browser.byId("act-change-" + second).isSelected()).isTrue();
        assertThat(browser.byId("act-change-" + first).isSelected()).isFalse();
        browser.login("mpt-responsible2").open("/registers/" + MINPROMTORG + "/approval-acts");
        browser.click("#act-change-" + first).click("#act-change-" + second);
        browser.type("act-number", "35/а-а");
        WebElement date = browser.byId("act-date");
        browser.driver().executeScript("arguments[0].value = '2024-12-20'", date);
        browser.click("#record-act");
        assertThat(browser.text("#flash")).contains("Приказ № 35/а-а внесён").contains("утверждено изменений: 2");
        assertThat(browser.text("#acts")).contains("№ 35/а-а от 20.12.2024");
        assertThat(status(first)).isEqualTo("APPROVED");
        assertThat(status(second)).isEqualTo("APPROVED");
        browser.open("/changes/" + first);
        assertThat(browser.source()).contains("Приказ № 35/а-а от 20.12.2024");
    }

    @Test
    void anActDatedInTheFutureIsRefusedOnThePage() {
        String change = propose("mpt-specialist", "Видеочат министерства");
        api.as("mpt-responsible").post("/api/v1/changes/" + change + "/approval", "{}");
        browser.login("mpt-responsible2").open("/registers/" + MINPROMTORG + "/approval-acts?change=" + change);
        browser.type("act-number", "36/а-а");
        browser.driver()
                .executeScript(
                        "arguments[0].removeAttribute('max'); arguments[0].value = '2024-12-25'",
                        browser.byId("act-date"));
        browser.click("#record-act");
        assertThat(browser.text("#action-error")).contains("Дата приказа");
        assertThat(browser.text("#act-date-error")).contains("ещё не наступила");
        assertThat(status(change)).isEqualTo("AWAITING_APPROVAL_ACT");
    }

    @Test
    void theRegisterPageStatesItsProcedureInWords() {
        browser.login("nsk-specialist").open("/registers/novosibirsk-gsn");
        browser.click("#procedure summary");
        assertThat(browser.text("#procedure-initiators")).contains("специалисты подразделения");
        assertThat(browser.text("#procedure-steps"))
                .contains("1) руководитель подразделения")
                .contains("2) заместитель руководителя");
        assertThat(browser.text("#procedure-act")).contains("обязателен");
        assertThat(browser.text("#procedure-deadline")).isEqualTo("5 рабочих дней со дня приказа об утверждении");
        assertThat(browser.text("#procedure-review")).isEqualTo("не предусмотрен");
        assertThat(browser.text("#procedure-directions")).doesNotContain("Предоставление государственных услуг");

        browser.login("dag-specialist").open("/registers/dagestan-minstroy");
        browser.click("#procedure summary");
        assertThat(browser.text("#procedure-steps")).isEqualTo("1) руководитель органа власти");
        assertThat(browser.text("#procedure-review")).isEqualTo("ежегодно до 31 декабря");
        assertThat(browser.text("#procedure-types")).contains("Телефонная связь — офлайн-точка");

        browser.login("ast-responsible").open("/registers/astrakhan-gzhn");
        browser.click("#procedure summary");
        assertThat(browser.text("#procedure-initiators")).isEqualTo("ответственные (уполномоченные) лица перечня");
        assertThat(browser.text("#procedure-deadline")).isEqualTo("не установлен");
    }

    @Test
    void theAuthorisedPersonProposesFromTheRegisterPageWithTheRegistersOwnLists() {
        browser.login("ast-responsible").open("/registers/astrakhan-gzhn").click("#propose-add");
        assertThat(browser.all("#reason option:not([value=''])"))
                .as("002 §5.3: two grounds")
                .hasSize(2);
        assertThat(browser.all("#direction option"))
                .extracting(WebElement::getText)
                .contains("Рассмотрение обращений и запросов")
                .doesNotContain("Предоставление государственных услуг");
        browser.select("direction", "Рассмотрение обращений и запросов")
                .select("process", "Прием и рассмотрение обращений и запросов")
                .type("touchpointName", "Чат-бот службы в мессенджере MAX")
                .selectValue("channel", "DIGITAL")
                .click("#need-1")
                .selectValue("reason", "NEEDS_CHANGED")
                .click("#submit-change");
        browser.find("#change-status");
        String changeId = browser.url().replaceAll(".*/changes/([^/?#]+).*", "$1");
        assertThat(api.as("auditor")
                        .get("/api/v1/changes/" + changeId)
                        .json()
                        .get("pendingStep")
                        .asString())
                .isEqualTo("HEAD_OF_AUTHORITY");

        browser.login("ast-chief").open("/inbox");
        browser.click("#approve-step-" + changeId);
        assertThat(browser.text("#flash")).contains("Шаг согласования пройден");
        assertThat(status(changeId)).isEqualTo("APPROVED");
    }

    @Test
    void theAdministratorStartsARegisterWithASeedAuthoritysProcedure() {
        String id = "nsk-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        browser.login("admin").open("/registers/new");
        browser.type("id", id)
                .type("authority", "Инспекция госстройнадзора НСО")
                .selectValue("timeZone", "Asia/Novosibirsk")
                .selectValue("preset", "NOVOSIBIRSK_GSN")
                .click("#create-submit");
        assertThat(browser.urlContaining("/registers/" + id + "/setup")).contains("/registers/" + id + "/setup");
        var procedure = api.as("admin").get("/api/v1/registers/" + id).json().get("procedure");
        assertThat(procedure.get("preset").asString()).isEqualTo("NOVOSIBIRSK_GSN");
        assertThat(procedure.get("deadlineWorkingDays").asInt()).isEqualTo(5);
    }
}
