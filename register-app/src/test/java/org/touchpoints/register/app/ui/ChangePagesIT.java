package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** Proposing, approving, rejecting and viewing changes through the pages, as the people who do it. */
class ChangePagesIT extends BrowserIT {

    @Test
    void aSpecialistProposesANewRowWithAnOtherNeedAndSeesItWaitingForTheHead() {
        String id = newRegister();
        browser.login("initiator").open("/registers/" + id);
        leave(() -> browser.click("#propose-add"));

        fillRow("Telegram-канал ГЖИ СО", "https://t.me/gzhi67");
        browser.click("#need-2");
        browser.type("otherNeed", "Запись на личный приём");
        submitInTheBackground(); // a double submission: the same changeId twice records one change
        leave(() -> browser.click("#submit-change"));

        assertThat(browser.text("#flash")).contains("направлена на согласование");
        assertThat(browser.byId("change-status").getText()).isEqualTo("На согласовании у руководителя подразделения");
        assertThat(browser.byId("change-status").getAttribute("class")).contains("status-INITIATED");
        assertThat(browser.text("#change-diff")).contains("10. Другие потребности: Запись на личный приём");
        // the initiator may withdraw, not approve
        assertThat(browser.now("button[id^=withdraw-]")).hasSize(1);
        assertThat(browser.now("button[id^=approve-], button[id^=reject-]")).isEmpty();

        JsonNode change = onlyChange(id);
        assertThat(change.get("status").asString()).isEqualTo("INITIATED");
        assertThat(change.get("timeline")).hasSize(1);
        assertThat(change.get("after").get("needs").toString()).isEqualTo("[2,10]");
        assertThat(change.get("after").get("otherNeed").asString()).isEqualTo("Запись на личный приём");
        assertThat(change.get("after").get("touchpoint").get("address").asString())
                .isEqualTo("https://t.me/gzhi67");

        leave(() -> browser.click("button[id^=withdraw-]"));
        assertThat(browser.text("#flash")).isEqualTo("Изменение отозвано");
        assertThat(browser.byId("change-status").getText()).isEqualTo("Отозвано инициатором");
        assertThat(browser.now("#steps")).isEmpty();
    }

    @Test
    void anEmptyTouchpointNameIsExplainedNextToTheFieldAndNothingIsRecorded() {
        String id = newRegister();
        browser.login("initiator").open("/registers/" + id + "/changes/new?kind=ADD");
        fillRow("", "");
        browser.click("#need-1");
        leave(() -> browser.click("#submit-change"));

        assertThat(browser.text("#touchpointName-error")).contains("«Точка взаимодействия» обязательно");
        assertThat(browser.text("#form-error")).contains("Проверьте заполнение полей");
        assertThat(browser.byId("need-1").isSelected()).isTrue(); // what was typed is kept
        assertThat(changes(id)).isEmpty();
    }

    @Test
    void aTouchpointAlreadyInTheProcessIsExplainedWhileTypingAndRefusedOnSubmission() {
        String id = newRegister();
        approvedChange(id, "Официальный сайт ГЖИ");
        browser.login("initiator").open("/registers/" + id + "/changes/new?kind=ADD");
        browser.select("direction", "Предоставление государственных услуг").select("process", LICENSING_PROCESS);
        browser.type("touchpointName", "официальный  сайт ГЖИ");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> browser.byId("touchpoint-warning").isDisplayed());
        assertThat(browser.text("#touchpoint-warning")).contains("«Официальный сайт ГЖИ» уже указана в процессе");

        browser.select("channel", "Цифровая точка").click("#need-1");
        leave(() -> browser.click("#submit-change"));
        assertThat(browser.text("#touchpointName-error")).contains("«Официальный сайт ГЖИ» уже указана в процессе");
        assertThat(browser.text("#form-error")).contains("такая точка взаимодействия уже есть в процессе");
        assertThat(changes(id)).hasSize(1);
    }

    @Test
    void theHeadAndThenTheDeputyApproveFromTheirInboxesAndTheDeadlineIsCounted() {
        String id = newRegister();
        String changeId = initiate(id, "Личный приём в отделе лицензирования");

        browser.login("division-head").open("/inbox");
        assertThat(browser.text("#item-" + changeId)).contains("Личный приём в отделе лицензирования");
        assertThat(browser.text("#diff-" + changeId)).contains("1. Получение информации");
        browser.type("approve-comment-" + changeId, "Согласовано, точка работает");
        leave(() -> browser.byId("approve-" + changeId).click());
        assertThat(browser.text("#flash")).contains("согласовано");
        assertThat(browser.now("#item-" + changeId)).isEmpty();

        browser.login("deputy").open("/inbox");
        browser.type("order-number-" + changeId, "15-п");
        browser.driver()
                .executeScript("document.getElementById(arguments[0]).value = '2024-12-20';", "order-date-" + changeId);
        leave(() -> browser.byId("approve-" + changeId).click());
        assertThat(browser.text("#flash")).contains("утверждено");

        browser.open("/changes/" + changeId);
        assertThat(browser.byId("change-status").getAttribute("class")).contains("status-APPROVED");
        assertThat(browser.text("#order")).isEqualTo("№ 15-п от 20.12.2024");
        // 10 working days after 20.12.2024 by the 2024/2025 calendars (28.12 worked, 30.12–08.01 off)
        assertThat(browser.text("#due-date")).contains("14.01.2025").contains("осталось 10 рабочих дней");
        assertThat(browser.text("#timeline"))
                .contains("Согласовано руководителем подразделения")
                .contains("Согласовано, точка работает")
                .contains("Утверждено заместителем руководителя")
                .contains("20.12.2024 12:00"); // 09:00 UTC in Moscow
    }

    @Test
    void aRejectionNeedsItsReasonAndTheReasonShowsInTheTimeline() {
        String id = newRegister();
        String changeId = initiate(id, "Факс приёмной");
        browser.login("division-head").open("/changes/" + changeId);

        leave(() -> browser.byId("reject-" + changeId).click());
        assertThat(browser.text("#reject-reason-" + changeId + "-error")).contains("«Причина отклонения» обязательно");
        assertThat(browser.byId("change-status").getAttribute("class")).contains("status-INITIATED");

        browser.type("reject-reason-" + changeId, "Факс больше не используется");
        leave(() -> browser.byId("reject-" + changeId).click());
        assertThat(browser.text("#flash")).contains("отклонено");
        assertThat(browser.byId("change-status").getAttribute("class")).contains("status-REJECTED");
        assertThat(browser.text("#timeline")).contains("Отклонено").contains("Факс больше не используется");
    }

    @Test
    void rowsAreEditedAndRemovedFromTheRegisterPage() {
        String id = newRegister();
        String site = approvedChange(id, "Официальный сайт ГЖИ");
        String fax = approvedChange(id, "Факс приёмной");
        browser.login("initiator").open("/registers/" + id);

        leave(() -> browser.find("tr[data-row-id='" + site + "'] a[href*='kind=EDIT']")
                .click());
        assertThat(browser.byId("touchpointName").getAttribute("value")).isEqualTo("Официальный сайт ГЖИ");
        assertThat(browser.byId("need-2").isSelected()).isTrue();
        browser.type("touchpointAddress", "https://gzhi.admin-smolensk.ru")
                .click("#need-4")
                .select("reason", "Изменение удовлетворяемых потребностей клиента в точке взаимодействия");
        leave(() -> browser.click("#submit-change"));
        assertThat(browser.byId("change-status").getAttribute("class")).contains("status-INITIATED");
        assertThat(browser.all("#change-diff tr.changed th").stream()
                        .map(e -> e.getText())
                        .toList())
                .containsExactly(
                        "Адрес (ссылка, телефон, почта)",
                        "Удовлетворяемые потребности",
                        "Осуществляемое взаимодействие");

        browser.open("/registers/" + id + "/changes/new?kind=EDIT&rowId=" + site);
        assertThat(browser.text("#open-change")).contains("уже есть изменение на согласовании");

        browser.open("/registers/" + id);
        leave(() -> browser.find("tr[data-row-id='" + fax + "'] a[href*='kind=REMOVE']")
                .click());
        assertThat(browser.text("#current-row")).contains("Факс приёмной");
        leave(() -> browser.click("#submit-change"));
        assertThat(browser.text("h1")).startsWith("Исключение строки: Факс приёмной");
        assertThat(changes(id).stream().map(c -> c.get("kind").asString()).toList())
                .contains("EDIT", "REMOVE");
    }

    @Test
    void whoMayNotActSeesNoStepsAndAForgedStepIsRefusedAndRecordsNothing() {
        String id = newRegister();
        String row = approvedChange(id, "Официальный сайт ГЖИ");
        String changeId = initiate(id, "Личный приём");

        browser.login("other-head").open("/changes/" + changeId);
        assertThat(browser.byId("change-status").getText()).isNotEmpty();
        assertThat(browser.now("#steps")).isEmpty();
        forgePost("/changes/" + changeId + "/division-approval");
        assertThat(browser.text("h1")).isEqualTo("Нет доступа");
        assertThat(browser.text(".alert-error")).contains("руководитель подразделения «licensing»");
        JsonNode change = api.as("auditor").get("/api/v1/changes/" + changeId).json();
        assertThat(change.get("status").asString()).isEqualTo("INITIATED");
        assertThat(change.get("timeline")).hasSize(1);

        browser.login("other-initiator").open("/registers/" + id);
        assertThat(browser.now("tr[data-row-id='" + row + "'] a")).isEmpty();
        browser.open("/registers/" + id + "/changes/new?kind=EDIT&rowId=" + row);
        assertThat(browser.text("h1")).isEqualTo("Нет доступа");
        browser.open("/registers/" + id + "/changes/new?kind=EDIT&rowId=no-such-row");
        assertThat(browser.text("h1")).isEqualTo("Не найдено");

        // a row for a process of another division, offered by editing the form: the register refuses it
        browser.open("/registers/" + id + "/changes/new?kind=ADD");
        assertThat(browser.all("#process option").stream().map(o -> o.getText()).toList())
                .doesNotContain(LICENSING_PROCESS);
        browser.driver().executeScript("""
                const option = document.createElement('option');
                option.value = option.textContent = arguments[0];
                document.getElementById('process').appendChild(option);""", LICENSING_PROCESS);
        fillRow("Чужая точка", "");
        browser.click("#need-1");
        leave(() -> browser.click("#submit-change"));
        assertThat(browser.text("h1")).isEqualTo("Нет доступа");
        assertThat(browser.text(".alert-error")).contains("только специалист подразделения «licensing»");
        assertThat(changes(id)).hasSize(2);
    }

    /** Does what leaves the page (a link, a submission) and waits until the next page has replaced it. */
    private void leave(Runnable action) {
        browser.leave(action);
    }

    /** Posts the proposal form as it stands, without leaving the page (as a first click of a double click). */
    private void submitInTheBackground() {
        Object status = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('change-form');
                fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual' })
                  .then((response) => done(response.type), (error) => done(String(error)));""");
        assertThat(status).isEqualTo("opaqueredirect"); // accepted: redirected to the change page
    }

    /** Submits a POST the page does not offer, with the session's CSRF token, as a person could by hand. */
    private void forgePost(String path) {
        browser.driver().executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                const token = document.createElement('input');
                token.name = '_csrf';
                token.value = document.querySelector('input[name=_csrf]').value;
                form.appendChild(token);
                document.body.appendChild(form);
                form.submit();""", path);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> d.getCurrentUrl().endsWith(path));
    }

    private void fillRow(String name, String address) {
        browser.select("direction", "Предоставление государственных услуг")
                .select("process", LICENSING_PROCESS)
                .type("touchpointName", name)
                .type("touchpointAddress", address)
                .select("channel", "Цифровая точка");
    }

    private List<JsonNode> changes(String registerId) {
        List<JsonNode> list = new java.util.ArrayList<>();
        api.as("auditor")
                .get("/api/v1/registers/" + registerId + "/changes")
                .json()
                .forEach(list::add);
        return list;
    }

    private JsonNode onlyChange(String registerId) {
        List<JsonNode> all = changes(registerId);
        assertThat(all).hasSize(1);
        return api.as("auditor")
                .get("/api/v1/changes/" + all.get(0).get("changeId").asString())
                .json();
    }
}
