package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.app.Api;

/**
 * What a civil servant reads: people by name and position (the service itself as «Система»), dates as дд.мм.гггг,
 * the zone in words, events in Russian, and a Russian page for an address that does not exist.
 */
class WordsForPeopleBrowserIT extends BrowserIT {
    private static final String PUBLISHER_NAME = "Кузнецова Анна Сергеевна, консультант отдела информатизации";

    @Test
    void peopleAreShownByNameAndDatesTheRussianWay() {
        String registerId = newRegister();
        accounts.create("kuznetsova", "demo", PUBLISHER_NAME, null);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + registerId + "/members",
                        Map.of("username", "kuznetsova", "role", "PUBLISHER")));
        String changeId = initiate(registerId, "Официальный сайт");
        ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}"));
        ok(api.as("deputy")
                .post(
                        "/api/v1/changes/" + changeId + "/deputy-approval",
                        Map.of("orderNumber", "15-п", "orderDate", "2024-12-20")));
        ok(api.as("kuznetsova")
                .post(
                        "/api/v1/registers/" + registerId + "/publications",
                        Map.of("url", "https://gzhi.admin-smolensk.ru/perechen")));

        browser.login("initiator").open("/changes/" + changeId);
        assertThat(browser.text("#timeline"))
                .contains("Приказ № 15-п от 20.12.2024")
                .doesNotContain("2024-12-20")
                .contains(PUBLISHER_NAME);

        browser.login("publisher").open("/registers/" + registerId + "/publish");
        assertThat(browser.text("#versions")).contains(PUBLISHER_NAME).doesNotContain("kuznetsova");
        assertThat(browser.source()).contains("московское время").doesNotContain("Europe/Moscow");

        browser.login("auditor").open("/audit?registerId=" + registerId);
        String history = browser.text("#history");
        assertThat(history)
                .contains(
                        "Утверждено заместителем руководителя",
                        "Администратор",
                        PUBLISHER_NAME,
                        "Отдел лицензирования",
                        "20.12.2024")
                .doesNotContain("DeputyApproved", "kuznetsova");
        assertThat(browser.source()).contains("московское время");
    }

    @Test
    void anUnknownAddressIsARussianPageForABrowserAndAProblemForAProgram() {
        browser.login("initiator").open("/no-such-page");
        assertThat(browser.text("h1")).isEqualTo("Не найдено");
        assertThat(browser.text("main")).contains("Страница не найдена");
        assertThat(browser.source()).doesNotContain("\"status\"");

        Api.Response api404 = api.as("initiator").get("/api/v1/no-such-endpoint");
        assertThat(api404.status()).isEqualTo(404);
        assertThat(api404.contentType()).startsWith("application/problem+json");
        assertThat(api404.json().get("detail").asString()).contains("Адрес не найден");
    }
}
