package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Each person lands on what waits for them, with the count in the header. */
class LandingTasksBrowserIT extends BrowserIT {
    private static final String HEAD_NAME = "Соколов Андрей Петрович, начальник отдела лицензирования";

    @Test
    void theInitiatorLandsOnTheirRejectedChangeWithTheReason() {
        String registerId = newRegister();
        accounts.create("sokolov", "demo", HEAD_NAME, null);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + registerId + "/members",
                        Map.of("username", "sokolov", "role", "HEAD", "division", "licensing")));
        String changeId = initiate(registerId, "Страница во «ВКонтакте»");

        // the head lands on the proposal to agree, and rejects it there
        browser.login("sokolov");
        assertThat(browser.url()).endsWith("/tasks");
        assertThat(browser.text("#tasks-agree")).contains("Согласовать: Добавление: Страница во «ВКонтакте»");
        assertThat(Integer.parseInt(browser.text("#task-count"))).isGreaterThanOrEqualTo(1);
        browser.click("#tasks-agree a[href$='/changes/" + changeId + "']");
        browser.type("reject-reason-" + changeId, "Страница ещё не заведена; приложите ссылку")
                .click("#reject-" + changeId);
        browser.find("#flash");

        browser.login("initiator");
        assertThat(browser.url()).endsWith("/tasks");
        WebElement returned = browser.find("#tasks-returned");
        assertThat(returned.getText())
                .contains(
                        "Отклонено: Добавление: Страница во «ВКонтакте»",
                        "Причина: Страница ещё не заведена; приложите ссылку",
                        HEAD_NAME,
                        "20.12.2024")
                .doesNotContain("sokolov");
        // other tests of the shared application may have returned the initiator's changes too
        assertThat(Integer.parseInt(browser.text("#count-returned").replaceAll("\\D.*", "")))
                .isGreaterThanOrEqualTo(1);
        assertThat(Integer.parseInt(browser.text("#task-count"))).isGreaterThanOrEqualTo(1);
        returned.findElement(org.openqa.selenium.By.cssSelector("a[href$='/changes/" + changeId + "']"))
                .click();
        assertThat(browser.text("#change-status")).isEqualTo("Отклонено");
    }

    @Test
    void thePublisherLandsOnPublicationsDueOverdueFirst() {
        String late = newRegister();
        approvedChange(late, "Официальный сайт");
        clock.advance(Duration.ofDays(30)); // due 14.01.2025, now 19.01.2025: overdue
        String fresh = newRegister();
        approvedChange(fresh, "Телефон приёмной");

        browser.login("publisher");
        assertThat(browser.url()).endsWith("/tasks");
        List<WebElement> due = browser.all("#tasks-publish li");
        List<String> hrefs = due.stream()
                .map(li -> li.findElement(org.openqa.selenium.By.tagName("a")).getAttribute("href"))
                .toList();
        int lateAt = indexOf(hrefs, "/registers/" + late + "/publish");
        int freshAt = indexOf(hrefs, "/registers/" + fresh + "/publish");
        assertThat(lateAt).isNotNegative().isLessThan(freshAt);
        assertThat(due.get(lateAt).getAttribute("class")).contains("urgent");
        assertThat(due.get(lateAt).getText()).contains("просрочено");
        assertThat(due.get(freshAt).getText()).contains("1 утверждённое изменение", "осталось");
    }

    private static int indexOf(List<String> hrefs, String suffix) {
        for (int i = 0; i < hrefs.size(); i++) {
            if (hrefs.get(i).endsWith(suffix)) {
                return i;
            }
        }
        return -1;
    }
}
