package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The register's procedure is changed after creation from its settings page (administrator): the same command and
 * the same administration audit as {@code PUT …/procedure}, refusals in Russian next to the fields, the form kept.
 */
class RegisterSettingsPageIT extends BrowserIT {

    @Test
    void anAdministratorChangesTheProcedureFromTheSettingsPage() {
        String registerId = newRegister();
        String changeInFlight = initiate(registerId, "Сайт до смены порядка");
        browser.login("admin").open("/registers/" + registerId + "/setup");
        browser.go("#settings-link");
        assertThat(browser.url()).endsWith("/registers/" + registerId + "/settings");
        assertThat(browser.text("#now-procedure-steps")).contains("1) руководитель подразделения", "2) заместитель");
        assertThat(browser.text("#settings-table")).contains("московское время").doesNotContain("Europe/Moscow");

        // a deadline that is not a number, and a step chosen twice: refused by the page, next to the fields, form kept
        browser.byId("deadline").clear();
        browser.type("deadline", "пять");
        browser.selectValue("step-3", "DEPUTY");
        browser.go("#procedure-submit");
        assertThat(browser.text("#deadline-error")).contains("целое число рабочих дней");
        assertThat(browser.text("#steps-error")).contains("не более одного раза", "заместитель");
        assertThat(browser.byId("deadline").getAttribute("value")).isEqualTo("пять");

        // a deadline counted from an act the procedure does not require: the register refuses, in the form's words
        browser.byId("deadline").clear();
        browser.type("deadline", "5");
        browser.selectValue("step-3", "");
        browser.selectValue("deadlineFrom", "APPROVAL_ACT");
        browser.go("#procedure-submit");
        assertThat(browser.text("#procedure-refusal")).startsWith("Порядок не изменён");
        assertThat(browser.text("#deadlineFrom-error"))
                .isEqualTo("Срок от даты приказа считается, только если приказ обязателен");
        assertThat(browser.find("#deadlineFrom option:checked").getAttribute("value"))
                .isEqualTo("APPROVAL_ACT");

        // with the act required, it is recorded: a new chain ending at the head of the authority, 5 days from the act
        browser.selectValue("approvalAct", "REQUIRED");
        browser.selectValue("step-3", "HEAD_OF_AUTHORITY");
        browser.byId("annualReview").clear();
        browser.type("annualReview", "15.11");
        browser.go("#procedure-submit");
        assertThat(browser.text("#settings-done")).contains("Порядок ведения перечня изменён");
        assertThat(browser.text("#now-procedure-steps")).contains("3) руководитель органа власти");
        assertThat(browser.text("#now-procedure-deadline")).contains("5 рабочих дней со дня приказа об утверждении");
        assertThat(browser.text("#now-procedure-review")).contains("15 ноября");

        JsonNode procedure = ok(api.as("admin").get("/api/v1/registers/" + registerId))
                .json()
                .get("procedure");
        assertThat(procedure.get("approvalAct").asString()).isEqualTo("REQUIRED");
        assertThat(procedure.get("deadlineWorkingDays").asInt()).isEqualTo(5);
        assertThat(procedure.get("annualReviewBy").asString()).isEqualTo("11-15");
        List<String> steps = new ArrayList<>();
        procedure.get("approvalSteps").values().forEach(s -> steps.add(s.asString()));
        assertThat(steps).containsExactly("DIVISION_HEAD", "DEPUTY", "HEAD_OF_AUTHORITY");
        // the change already in the chain keeps the chain it started under
        List<String> inFlight = new ArrayList<>();
        ok(api.as("auditor").get("/api/v1/changes/" + changeInFlight))
                .json()
                .get("procedureSteps")
                .values()
                .forEach(s -> inFlight.add(s.asString()));
        assertThat(inFlight).containsExactly("DIVISION_HEAD", "DEPUTY");

        // audited like every administrative action
        List<JsonNode> audit = new ArrayList<>();
        ok(api.as("auditor").get("/api/v1/admin/audit")).json().values().forEach(audit::add);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action").asString()).isEqualTo("PROCEDURE_CHANGED");
            assertThat(e.get("target").asString()).isEqualTo(registerId);
            assertThat(e.get("actor").asString()).isEqualTo("admin");
            assertThat(e.get("details").asString()).contains("HEAD_OF_AUTHORITY", "срок 5 раб. дн.");
        });
    }

    @Test
    void thePresetFillsTheWholeProcedureAndTheFormWorksFromTheKeyboard() {
        String registerId = newRegister();
        browser.login("admin").open("/registers/" + registerId + "/settings");
        // keyboard only: focus the preset, choose the Novosibirsk procedure with the arrow keys, submit with Enter
        WebElement preset = browser.byId("preset");
        browser.driver().executeScript("arguments[0].focus()", preset);
        while (!"NOVOSIBIRSK_GSN".equals(preset.getAttribute("value"))) {
            preset.sendKeys(Keys.ARROW_DOWN);
        }
        browser.leave(() -> browser.byId("annualReview").sendKeys(Keys.ENTER));
        assertThat(browser.text("#settings-done")).contains("Порядок ведения перечня изменён");
        assertThat(browser.text("#now-procedure-act")).contains("обязателен");
        assertThat(browser.text("#now-procedure-deadline")).contains("5 рабочих дней");
    }

    @Test
    void onlyAnAdministratorOpensIt() {
        String registerId = newRegister();
        for (String user : List.of("deputy", "auditor")) {
            browser.login(user).open("/registers/" + registerId + "/settings");
            assertThat(browser.text("h1")).as(user).isEqualTo("Нет доступа");
        }
    }
}
