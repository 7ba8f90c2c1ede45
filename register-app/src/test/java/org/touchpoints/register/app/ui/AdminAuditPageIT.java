package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.touchpoints.register.app.PoisonedEvents;
import org.touchpoints.register.app.ReadModels;

/**
 * The administrators' actions on a page of their own for auditors and administrators: by name, in Moscow time, a page
 * at a time, with text they typed shown as text; others are refused and not offered the link.
 */
class AdminAuditPageIT extends BrowserIT {
    private static final String HOSTILE =
            "\"><script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Configuration axon;

    @Autowired
    @Qualifier("registerCache")
    Cache registerCache;

    @Test
    void theAuditorReadsTheAdministratorsActionsByNameInMoscowTimeAPageAtATime() {
        String register = newRegister();
        // 21:30 UTC on 3 March is 00:30 on 4 March in Moscow
        clock.set(Instant.parse("2031-03-03T21:30:00Z"));
        PoisonedEvents.storePublicationAtTheStartOfTime(
                jdbc, axon.eventSerializer(), registerCache, register, clock.instant());
        var admin = api.as("admin");
        ok(ReadModels.rebuild(admin));
        String letter = ok(admin.get("/api/v1/admin/dead-letters?sequence=" + register))
                .json()
                .get(0)
                .get("id")
                .asString();
        ok(admin.post("/api/v1/admin/dead-letters/" + letter + "/set-aside", Map.of("reason", HOSTILE)));
        for (int i = 0; i < 50; i++) {
            ok(admin.post("/api/v1/admin/dead-letters/retry?sequence=" + register, "{}"));
        }
        ok(admin.post(
                "/api/v1/calendar",
                Map.of("year", 2026, "region", "RU-XH", "source", HOSTILE, "nonWorkingDays", List.of())));

        browser.login("auditor").open("/registers");
        browser.byId("nav-admin-audit").click();
        assertThat(browser.text("h1")).isEqualTo("Журнал администрирования");
        browser.open("/admin/audit?from=2031-03-03&to=2031-03-04");
        assertThat(browser.text("main")).contains("Время московское");
        assertThat(browser.text("#admin-audit-count")).isEqualTo("Записи 1–50 из 53.");
        List<String> first =
                browser.all("#admin-audit tbody tr").get(0).findElements(org.openqa.selenium.By.tagName("td")).stream()
                        .map(org.openqa.selenium.WebElement::getText)
                        .toList();
        assertThat(first.get(0)).isEqualTo("04.03.2031 00:30");
        assertThat(first.get(1)).isEqualTo("Загружен производственный календарь");
        assertThat(first.get(2)).isEqualTo("Администратор");
        assertThat(first.get(4)).contains(HOSTILE);
        assertInert();
        assertThat(browser.all("#admin-audit tbody tr")).hasSize(50);

        browser.click("#page-next");
        assertThat(browser.text("main")).contains("Страница 2 из 2");
        assertThat(browser.all("#admin-audit tbody tr")).hasSize(3);
        assertThat(browser.text("#admin-audit tbody"))
                .contains("Отложенное событие исключено из обработки", "Перестроены представления", HOSTILE);
        assertThat(browser.text("#admin-audit tbody")).doesNotContain("admin ");
        assertInert();

        browser.login("initiator").open("/registers");
        assertThat(browser.now("#nav-admin-audit")).isEmpty();
        browser.open("/admin/audit");
        assertThat(browser.text("h1")).isEqualTo("Нет доступа");
        assertThat(browser.now("#admin-audit")).isEmpty();
    }

    private void assertInert() {
        assertThat(browser.driver().getTitle()).isNotEqualTo("pwned");
        assertThat(browser.now("main img")).isEmpty();
        assertThat(browser.now("main script")).isEmpty();
    }
}
