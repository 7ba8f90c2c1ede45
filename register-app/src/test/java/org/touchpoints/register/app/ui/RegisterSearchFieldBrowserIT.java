package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * Beyond the drop-down limit (here 1, instead of a few hundred) the register filter of the deadline and audit pages is
 * a search field: its list holds the registers matching what is typed, suggested by the server as the person types,
 * and a typed authority that names one register is that register.
 */
@TestPropertySource(properties = "register.ui.register-drop-down-limit=1")
class RegisterSearchFieldBrowserIT extends BrowserIT {

    @Test
    void theDeadlineFilterSuggestsTheRegistersMatchingWhatIsTypedAndFiltersByTheOneNamed() {
        String word = "Поисковая" + UUID.randomUUID().toString().substring(0, 6);
        String authority = "Инспекция " + word + " области";
        String id = registerOf(authority);
        String other = newRegister();
        String change = approvedChange(id, "Официальный сайт ГЖИ");
        approvedChange(other, "Телефон горячей линии");

        browser.login("auditor").open("/deadlines");
        assertThat(browser.byId("registerId").getTagName()).isEqualTo("input");
        assertThat(browser.byId("registerId").getAttribute("list")).isEqualTo("registerId-options");
        assertThat(browser.now("#registerId-options option[value='" + other + "']"))
                .as("before typing: the first registers")
                .isNotEmpty();
        browser.type("registerId", word.toLowerCase());
        // the suggestions come from the server as the person types: only the matches remain
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.now("#registerId-options option").size() == 1
                        && !browser.now("#registerId-options option[value='" + id + "']")
                                .isEmpty());
        assertThat(browser.find("#registerId-options option").getAttribute("textContent"))
                .isEqualTo(authority);

        browser.type("registerId", authority);
        browser.leave(() -> browser.click("#filters button[type=submit]"));
        assertThat(browser.byId("registerId").getAttribute("value"))
                .as("the register the name names")
                .isEqualTo(id);
        assertThat(browser.all("#deadlines tbody tr")).hasSize(1);
        assertThat(browser.find("#deadlines tbody tr").getAttribute("data-change-id"))
                .isEqualTo(change);
        assertThat(browser.text("#registerId-hint")).contains("Выбран: " + authority);

        browser.open("/audit?registerId=" + id);
        assertThat(browser.byId("registerId").getTagName()).isEqualTo("input");
        assertThat(browser.byId("registerId").getAttribute("value")).isEqualTo(id);
    }

    /** A register of {@code authority} where the demo's initiator, division head and deputy act. */
    private String registerOf(String authority) {
        String id = "f-" + UUID.randomUUID().toString().substring(0, 8);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                id,
                                "authority",
                                authority,
                                "timeZone",
                                "Europe/Moscow",
                                "template",
                                "SIX_COLUMN",
                                "publicationDeadlineWorkingDays",
                                10)));
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + id + "/divisions",
                        Map.of(
                                "id",
                                "licensing",
                                "name",
                                "Отдел лицензирования",
                                "processes",
                                List.of(LICENSING_PROCESS))));
        for (Map<String, Object> member : List.of(
                Map.<String, Object>of("username", "initiator", "role", "SPECIALIST", "division", "licensing"),
                Map.<String, Object>of("username", "division-head", "role", "HEAD", "division", "licensing"),
                Map.<String, Object>of("username", "deputy", "role", "DEPUTY"))) {
            ok(api.as("admin").post("/api/v1/registers/" + id + "/members", member));
        }
        return id;
    }
}
