package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The administrator lets divisions share processes from the settings page (000 §2.6, 003 §2.3), then gives a second
 * division a process another runs; the setup page shows both owners.
 */
class SharedProcessesPageIT extends BrowserIT {

    @Test
    void anAdministratorLetsTwoDivisionsRunOneProcess() {
        String registerId = newRegister();
        browser.login("admin").open("/registers/" + registerId + "/settings");
        assertThat(browser.text("#now-procedure-shared")).isEqualTo("каждый процесс ведёт одно подразделение");
        assertThat(browser.byId("sharedProcesses").isSelected()).isFalse();

        // not shared yet: the register refuses a process another division runs
        browser.open("/registers/" + registerId + "/setup");
        browser.type("division-id", "appeals")
                .type("division-name", "Отдел обращений")
                .type("division-processes", LICENSING_PROCESS);
        browser.go("#division-submit");
        assertThat(browser.text("#division-refusal")).contains("уже закреплён за подразделением");

        browser.open("/registers/" + registerId + "/settings");
        browser.click("#sharedProcesses");
        browser.go("#procedure-submit");
        assertThat(browser.text("#settings-done")).contains("Порядок ведения перечня изменён");
        assertThat(browser.text("#now-procedure-shared")).contains("может вестись несколькими подразделениями");
        assertThat(browser.byId("sharedProcesses").isSelected()).isTrue();
        assertThat(ok(api.as("admin").get("/api/v1/registers/" + registerId))
                        .json()
                        .get("procedure")
                        .get("sharedProcesses")
                        .asBoolean())
                .isTrue();

        browser.open("/registers/" + registerId + "/setup");
        browser.type("division-id", "appeals")
                .type("division-name", "Отдел обращений")
                .type("division-processes", LICENSING_PROCESS);
        browser.go("#division-submit");
        assertThat(browser.all("#division-refusal")).isEmpty();
        assertThat(browser.text("#divisions-table"))
                .contains("ведут также: Отдел обращений", "ведут также: Отдел лицензирования");
    }
}
