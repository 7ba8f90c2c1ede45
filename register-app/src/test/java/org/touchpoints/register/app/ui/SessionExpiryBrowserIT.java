package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A specialist fills in a proposal, the session ends before they send it: sending leads to sign-in, which says the
 * session ended, and back to the same form with what they typed; sending it again goes through.
 */
class SessionExpiryBrowserIT extends BrowserIT {

    @Test
    void aFormSentAfterTheSessionEndedComesBackAfterSignInWithWhatWasTyped() {
        String registerId = newRegister();
        String touchpoint = "Приёмная граждан, каб. 12";

        browser.login("initiator").open("/registers/" + registerId + "/changes/new?kind=ADD");
        browser.select("direction", "Предоставление государственных услуг")
                .select("process", LICENSING_PROCESS)
                .type("touchpointName", touchpoint)
                .type("touchpointAddress", "г. Смоленск, ул. Октябрьской революции, д. 14а")
                .selectValue("channel", "OFFLINE")
                .click("#need-1")
                .click("#need-2")
                .selectValue("reason", "NEW_TOUCHPOINT")
                .type("comment", "Приём по вторникам");

        // the session ends (as on the server after the idle timeout): the browser's session cookie is gone
        browser.driver().manage().deleteCookieNamed("REGISTER_SESSION");
        browser.leave(() -> browser.click("#submit-change"));

        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(browser.text("#session-ended")).contains("Сеанс работы завершился");
        assertThat(browser.source()).doesNotContain("Нет доступа");

        browser.byId("username").sendKeys("initiator");
        browser.byId("password").sendKeys("demo");
        browser.leave(() -> browser.click("#login-submit"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/registers/" + registerId + "/changes/new"));

        assertThat(browser.text(".draft-restored")).contains("Восстановлено");
        assertThat(browser.byId("touchpointName").getAttribute("value")).isEqualTo(touchpoint);
        assertThat(browser.byId("touchpointAddress").getAttribute("value"))
                .isEqualTo("г. Смоленск, ул. Октябрьской революции, д. 14а");
        assertThat(browser.byId("process").getAttribute("value")).isEqualTo(LICENSING_PROCESS);
        assertThat(browser.byId("channel").getAttribute("value")).isEqualTo("OFFLINE");
        assertThat(browser.byId("need-1").isSelected()).isTrue();
        assertThat(browser.byId("need-2").isSelected()).isTrue();
        assertThat(browser.byId("need-3").isSelected()).isFalse();
        assertThat(browser.byId("comment").getAttribute("value")).isEqualTo("Приём по вторникам");

        browser.click("#submit-change");
        assertThat(browser.find("#change-status").getAttribute("class")).contains("status-INITIATED");
        assertThat(browser.text("main")).contains(touchpoint);

        // the draft is forgotten once the proposal went through: a new form starts empty
        browser.open("/registers/" + registerId + "/changes/new?kind=ADD");
        assertThat(browser.byId("touchpointName").getAttribute("value")).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".draft-restored")))
                .isEmpty();
    }
}
