package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The deputy decides with the earlier steps in view and the due date an approval today would start; a row with an
 * open change links to it instead of offering a second one; an existing process brings its direction; an edit that
 * changes nothing is refused with a clear message.
 */
class ApproverCardsBrowserIT extends BrowserIT {
    private static final String HEAD_NAME = "Орлова Ирина Викторовна, начальник отдела лицензирования";

    @Test
    void theDeputysCardShowsTheHeadsAgreementAndTheDueDateAnApprovalTodayWouldStart() {
        String registerId = newRegister();
        accounts.create("orlova", "demo", HEAD_NAME, null);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + registerId + "/members",
                        Map.of("username", "orlova", "role", "HEAD", "division", "licensing")));
        String changeId = initiate(registerId, "Telegram-канал ГЖИ");
        ok(api.as("orlova")
                .post(
                        "/api/v1/changes/" + changeId + "/division-approval",
                        Map.of("comment", "Канал ведёт пресс-служба, адрес проверен")));

        browser.login("deputy").open("/inbox");
        String steps = browser.text("#steps-" + changeId);
        assertThat(steps)
                .contains(
                        "Согласовано руководителем подразделения",
                        HEAD_NAME,
                        "20.12.2024",
                        "Канал ведёт пресс-служба, адрес проверен")
                .doesNotContain("orlova");
        // Friday 20.12.2024 in Moscow + 10 working days (28.12 a working Saturday, 30.12–08.01 off) = 14.01.2025
        assertThat(browser.text("#due-if-approved-" + changeId))
                .isEqualTo("Если утвердить сегодня, опубликовать нужно не позднее 14.01.2025");

        browser.open("/changes/" + changeId);
        assertThat(browser.text("#due-if-approved")).contains("14.01.2025");
        assertThat(browser.text("#timeline")).contains(HEAD_NAME, "Канал ведёт пресс-служба");

        // approved: the recorded due date is the same one
        browser.open("/inbox").click("#approve-" + changeId);
        browser.find("#flash");
        browser.open("/changes/" + changeId);
        assertThat(browser.text("#due-date")).contains("14.01.2025");
        assertThat(browser.now("#due-if-approved")).isEmpty();
    }

    @Test
    void aRowWithAnOpenChangeLinksToItAndAnEditThatChangesNothingIsRefused() {
        String registerId = newRegister();
        approvedChange(registerId, "Официальный сайт");
        String rowId = ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/rows"))
                .json()
                .get(0)
                .get("rowId")
                .asString();

        // an edit that changes nothing: refused by the register with a message saying so
        browser.login("initiator").open("/registers/" + registerId + "/changes/new?kind=EDIT&rowId=" + rowId);
        browser.selectValue("reason", "NEEDS_CHANGED").click("#submit-change");
        assertThat(browser.text("#form-error")).contains("Изменение ничего не меняет в строке");

        // an open change of the row: the register page links to it, with no «Изменить / Исключить»
        String open = ok(api.as("initiator")
                        .post(
                                "/api/v1/registers/" + registerId + "/changes",
                                Map.of("kind", "REMOVE", "rowId", rowId, "reason", "TOUCHPOINT_EXCLUDED")))
                .json()
                .get("changeId")
                .asString();
        browser.open("/registers/" + registerId);
        WebElement row = browser.find("tr[data-row-id='" + rowId + "']");
        assertThat(row.getText())
                .contains("На согласовании: Исключение от 20.12.2024")
                .doesNotContain("Изменить")
                .doesNotContain(open);
        assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".open-change a"))
                        .getAttribute("href"))
                .endsWith("/changes/" + open);
    }

    @Test
    void choosingAnExistingProcessFixesTheDirectionAndAnotherOneIsRefused() {
        String registerId = newRegister();
        approvedChange(registerId, "Официальный сайт"); // the licensing process now stands in state services

        browser.login("initiator").open("/registers/" + registerId + "/changes/new?kind=ADD");
        browser.select("process", LICENSING_PROCESS);
        assertThat(browser.byId("direction").getAttribute("value")).isEqualTo("Предоставление государственных услуг");
        assertThat(browser.text("#direction-fixed")).contains("определено выбранным процессом");

        // another direction for that process (chosen after the process): refused, the field says which one it takes
        browser.select("direction", "Рассмотрение обращений и запросов")
                .type("touchpointName", "Чат-бот")
                .selectValue("channel", "DIGITAL")
                .click("#need-1")
                .selectValue("reason", "NEW_TOUCHPOINT")
                .click("#submit-change");
        assertThat(browser.text("#direction-error")).contains("Предоставление государственных услуг");
        List<WebElement> flash = browser.now("#change-status");
        assertThat(flash).isEmpty();
    }
}
