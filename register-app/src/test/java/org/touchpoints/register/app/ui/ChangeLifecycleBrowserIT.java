package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.touchpoints.register.api.row.RegisterCsv;

/**
 * A change's whole life through the pages, each step by the person whose work it is: the specialist proposes,
 * the head agrees, the deputy approves by order, the publisher downloads and records the publication; the
 * dashboard and the public page then show the new version.
 */
class ChangeLifecycleBrowserIT extends BrowserIT {

    @Test
    void aProposalTravelsTheApprovalChainToThePublicPage() {
        String registerId = newRegister();
        String touchpoint = "Мобильное приложение «Госуслуги.Дом»";

        // the specialist proposes a new touchpoint from the register page
        browser.login("initiator").open("/registers/" + registerId).click("#propose-add");
        browser.select("direction", "Предоставление государственных услуг")
                .select("process", LICENSING_PROCESS)
                .type("touchpointName", touchpoint)
                .type("touchpointAddress", "https://dom.gosuslugi.ru")
                .selectValue("channel", "DIGITAL")
                .click("#need-1")
                .click("#need-4")
                .selectValue("reason", "NEW_TOUCHPOINT")
                .click("#submit-change");
        browser.find("#change-status");
        String changeId = browser.url().replaceAll(".*/changes/([^/?#]+).*", "$1");
        assertThat(browser.find("#change-status").getAttribute("class")).contains("status-INITIATED");

        // the head of the division agrees from the inbox
        browser.login("division-head").open("/inbox");
        browser.click("#approve-" + changeId);
        browser.find("#flash");
        assertThat(status(changeId)).contains("status-DIVISION_APPROVED");

        // the deputy approves by order from the inbox
        browser.login("deputy").open("/inbox");
        browser.type("order-number-" + changeId, "42-п").click("#approve-" + changeId);
        browser.find("#flash");
        browser.open("/changes/" + changeId);
        assertThat(browser.find("#change-status").getAttribute("class")).contains("status-APPROVED");
        assertThat(browser.text("#due-date")).isNotBlank();
        assertThat(browser.text("#days-left")).contains("рабоч");

        // the publisher sees the hash of what will be published, downloads it, and records the publication
        browser.login("publisher").open("/registers/" + registerId + "/publish");
        String shownHash = browser.text("#sha256").strip();
        String csvLink = browser.find("#download-csv").getAttribute("href");
        byte[] csv = api.as("publisher").bytes(csvLink.substring(csvLink.indexOf("/api/")));
        assertThat(RegisterCsv.sha256(csv)).isEqualTo(shownHash);
        browser.type("url", "https://gzhi.admin-smolensk.ru/perechen").click("#publish-submit");
        assertThat(browser.text("#result-version")).contains("1");
        assertThat(browser.text("#result-sha256")).contains(shownHash);

        // the dashboard shows the change published on time
        browser.login("auditor").open("/deadlines?registerId=" + registerId);
        WebElement row = browser.find("tr[data-change-id='" + changeId + "']");
        assertThat(row.getAttribute("class")).contains("row-PUBLISHED_ON_TIME");

        // a citizen, signed out, reads version 1 with the new touchpoint
        browser.driver().manage().deleteAllCookies();
        browser.open("/public/" + registerId);
        assertThat(browser.text("#public-version")).contains("1");
        assertThat(browser.text("#public-table")).contains(touchpoint);
        assertThat(browser.text("#public-sha256")).contains(shownHash);
    }

    private String status(String changeId) {
        browser.open("/changes/" + changeId);
        return browser.find("#change-status").getAttribute("class");
    }
}
