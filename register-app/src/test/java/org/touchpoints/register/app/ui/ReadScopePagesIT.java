package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Read scope in the browser, signed in through the login form: a member of another register sees the 403 page on a
 * register's pages and «не найдено» on its change, and does not find it in the list; the auditor reads them.
 */
class ReadScopePagesIT extends BrowserIT {

    @Test
    void aMemberOfAnotherRegisterSeesTheForbiddenPageAndTheAuditorTheRegister() {
        String mine = newRegister();
        accounts.create("elsewhere-specialist", "demo", "Специалист другого органа", null);
        String other = "p-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = api.as("admin");
        ok(admin.post(
                "/api/v1/registers",
                Map.of(
                        "id",
                        other,
                        "authority",
                        "Другой орган власти",
                        "timeZone",
                        "Europe/Moscow",
                        "template",
                        "SIX_COLUMN")));
        ok(admin.post(
                "/api/v1/registers/" + other + "/divisions",
                Map.of("id", "licensing", "name", "Отдел лицензирования", "processes", List.of(LICENSING_PROCESS))));
        ok(admin.post(
                "/api/v1/registers/" + other + "/members",
                Map.of("username", "elsewhere-specialist", "role", "SPECIALIST", "division", "licensing")));
        String draft = ok(api.as("elsewhere-specialist")
                        .post("/api/v1/registers/" + other + "/changes", addRow("Черновая точка другого органа")))
                .json()
                .get("changeId")
                .asString();

        browser.login("initiator");
        StringBuilder texts = new StringBuilder();
        StringBuilder sources = new StringBuilder();
        for (int page = 1; page <= 1000; page++) { // 50 registers a page; other tests' registers may come first
            browser.open("/registers?page=" + page);
            texts.append(browser.text("main"));
            sources.append(browser.source());
            if (browser.now("#page-next").isEmpty()) {
                break;
            }
        }
        assertThat(texts.toString()).contains("ГЖИ Смоленской области").doesNotContain("Другой орган власти");
        assertThat(sources.toString()).contains("/registers/" + mine).doesNotContain("/registers/" + other);
        for (String page : List.of(
                "/registers/" + other,
                "/registers/" + other + "/changes",
                "/registers/" + other + "/touchpoints",
                "/deadlines?registerId=" + other)) {
            browser.open(page);
            assertThat(browser.text("h1")).as(page).isEqualTo("Нет доступа");
            assertThat(browser.text("main"))
                    .as(page)
                    .contains("участникам этого перечня")
                    .doesNotContain("Черновая точка другого органа");
        }
        browser.open("/changes/" + draft);
        assertThat(browser.text("h1")).isEqualTo("Не найдено");
        assertThat(browser.text("main")).doesNotContain("Черновая точка другого органа");

        browser.login("auditor").open("/registers/" + other + "/changes");
        assertThat(browser.text("main")).contains("Черновая точка другого органа");
        browser.open("/changes/" + draft);
        assertThat(browser.text("main")).contains("Черновая точка другого органа");
    }
}
