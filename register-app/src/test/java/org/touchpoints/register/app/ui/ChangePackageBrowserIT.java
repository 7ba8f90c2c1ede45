package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A change package through the pages: the specialist puts three operations into one change on «Пакет изменений», the
 * head and the deputy each approve it once from the inbox, and all three rows are in the register at once.
 */
class ChangePackageBrowserIT extends BrowserIT {

    @Test
    void aPackageOfThreeOperationsIsProposedAndApproved() {
        String registerId = newRegister();
        String site = approvedChange(registerId, "Сайт");

        browser.login("initiator").open("/registers/" + registerId).go("#propose-package");
        // operation 1: a new touchpoint; operation 2: another one; operation 3: the site row edited
        browser.selectValue("op0-kind", "ADD")
                .type("op0-process", LICENSING_PROCESS)
                .type("op0-touchpointName", "Telegram-канал")
                .type("op0-touchpointAddress", "https://t.me/gzhi67")
                .selectValue("op0-channel", "DIGITAL")
                .click("#op0-need-1");
        browser.selectValue("op1-kind", "ADD")
                .type("op1-process", LICENSING_PROCESS)
                .type("op1-touchpointName", "Страница ВКонтакте")
                .selectValue("op1-channel", "DIGITAL")
                .click("#op1-need-1")
                .click("#op1-need-2");
        browser.selectValue("op2-kind", "EDIT")
                .selectValue("op2-rowId", site)
                .type("op2-touchpointName", "Официальный сайт ГЖИ");
        // one more operation slot, left out of the package
        browser.go("#add-operation");
        assertThat(browser.byId("op2-touchpointName").getAttribute("value")).isEqualTo("Официальный сайт ГЖИ");
        assertThat(browser.now("#op-3")).hasSize(1);
        browser.selectValue("reason", "OTHER").type("comment", "Обновление каналов связи");
        browser.go("#submit-package");
        String changeId = browser.urlContaining("/changes/").replaceAll(".*/changes/([^/?#]+).*", "$1");
        assertThat(browser.find("#change-status").getAttribute("class")).contains("status-INITIATED");
        assertThat(browser.text("#change-diff-title-1"))
                .contains("Добавление строки")
                .contains("Telegram-канал");
        assertThat(browser.text("#change-diff-title-3")).contains("Изменение строки");
        assertThat(browser.text("#change-diff-3")).contains("Сайт").contains("Официальный сайт ГЖИ");

        // the head agrees to the whole package once, from the inbox, reading it row by row
        browser.login("division-head").open("/inbox");
        assertThat(browser.text("#diff-" + changeId))
                .contains("Telegram-канал")
                .contains("Страница ВКонтакте")
                .contains("Официальный сайт ГЖИ");
        browser.go("#approve-" + changeId);
        browser.find("#flash");

        // the deputy approves it once
        browser.login("deputy").open("/inbox");
        browser.go("#approve-" + changeId);
        browser.find("#flash");
        browser.open("/changes/" + changeId);
        assertThat(browser.find("#change-status").getAttribute("class")).contains("status-APPROVED");

        List<String> names = new ArrayList<>();
        api.as("initiator")
                .get("/api/v1/registers/" + registerId + "/rows")
                .json()
                .forEach(r -> names.add(r.get("touchpoint").get("name").asString()));
        assertThat(names).containsExactly("Официальный сайт ГЖИ", "Telegram-канал", "Страница ВКонтакте");
    }

    @Test
    void aRefusedOperationIsNamedOnTheForm() {
        String registerId = newRegister();
        approvedChange(registerId, "Сайт");
        browser.login("initiator").open("/registers/" + registerId + "/packages/new");
        browser.selectValue("op0-kind", "ADD")
                .type("op0-process", LICENSING_PROCESS)
                .type("op0-touchpointName", "Telegram-канал")
                .selectValue("op0-channel", "DIGITAL")
                .click("#op0-need-1");
        browser.selectValue("op1-kind", "ADD")
                .type("op1-process", LICENSING_PROCESS)
                .type("op1-touchpointName", "сайт")
                .selectValue("op1-channel", "DIGITAL")
                .click("#op1-need-1");
        browser.selectValue("reason", "OTHER");
        browser.go("#submit-package");
        assertThat(browser.text("#form-error")).contains("Операция 2");
        assertThat(browser.text("#op1-touchpointName-error")).contains("уже указана");
        assertThat(browser.byId("op0-touchpointName").getAttribute("value")).isEqualTo("Telegram-канал");
    }
}
