package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.touchpoints.register.app.PoisonedEvents;

/**
 * An administrator sets an authority up in the browser alone, from an empty register: settings → divisions and their
 * processes → an account → roles → import of a file; the specialist of the division then may change the imported rows.
 * The administration pages are used from the keyboard alone, and closed to everyone else.
 */
class AdminPagesIT extends BrowserIT {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    Configuration axon;

    @Autowired
    @Qualifier("registerCache")
    Cache registerCache;

    @Test
    void anAdministratorSetsUpANewAuthorityEndToEndWithoutTheApi() throws Exception {
        String id = "setup-" + UUID.randomUUID().toString().substring(0, 8);
        String specialist = "spec-" + UUID.randomUUID().toString().substring(0, 6);
        browser.login("admin");
        go("#nav-admin");
        assertThat(browser.text("h1")).isEqualTo("Администрирование");
        go("#admin-new-register");
        assertThat(browser.text("main")).doesNotContain("API");
        browser.type("id", id).type("authority", "Инспекция по надзору за строительством");
        go("#create-submit");
        waitForUrl("/registers/" + id + "/setup");
        assertThat(browser.text("#setup-done")).contains("Перечень создан");
        assertThat(browser.text("#import-before-divisions")).contains("останутся без подразделения");

        // step 2: a division with its process; a second division may not take the same process today
        browser.type("division-id", "licensing")
                .type("division-name", "Отдел лицензирования")
                .type("division-processes", LICENSING_PROCESS);
        go("#division-submit");
        assertThat(browser.text("#divisions-table")).contains("Отдел лицензирования", LICENSING_PROCESS);
        browser.type("division-id", "appeals")
                .type("division-name", "Отдел обращений")
                .type("division-processes", LICENSING_PROCESS);
        go("#division-submit");
        assertThat(browser.text("#division-refusal")).contains("уже закреплён");
        assertThat(browser.byId("division-name").getAttribute("value"))
                .as("the form keeps what was typed")
                .isEqualTo("Отдел обращений");

        // step 3: an account, then its role in the division; a role given by mistake is taken away again
        go("#people a[href$='/admin/accounts']");
        browser.type("displayName", "Петрова Мария Ивановна, главный специалист")
                .type("username", specialist)
                .type("password", "short");
        go("#account-submit");
        assertThat(browser.text("#password-error")).contains("не короче 12 символов");
        browser.type("password", "Parol-2026-smolensk");
        go("#account-submit");
        assertThat(browser.text("#account-created")).contains("Петрова Мария Ивановна");
        assertThat(browser.text("#accounts-table")).contains(specialist, "Петрова Мария Ивановна");

        browser.open("/admin"); // 50 registers a page: the administrator finds the new one by its id
        browser.type("q", id);
        go("#admin-registers-search-submit");
        go("tr[data-register='" + id + "'] .setup-link");
        browser.selectValue("member-username", specialist).selectValue("member-role", "SPECIALIST");
        go("#member-submit");
        assertThat(browser.text("#member-refusal"))
                .as("a specialist works in a division")
                .contains("укажите подразделение");
        browser.selectValue("member-username", specialist)
                .selectValue("member-role", "SPECIALIST")
                .selectValue("member-division", "licensing");
        go("#member-submit");
        assertThat(browser.text("#setup-done")).isEqualTo("Роль назначена.");
        browser.selectValue("member-username", specialist).selectValue("member-role", "PUBLISHER");
        go("#member-submit");
        assertThat(browser.text("#members-table"))
                .contains(
                        "Петрова Мария Ивановна",
                        "Специалист подразделения",
                        "Отдел лицензирования",
                        "Ответственный за публикацию")
                .doesNotContain(specialist);
        go("tr[data-username='" + specialist + "'][data-role='PUBLISHER'] button.revoke");
        assertThat(browser.text("#setup-done")).isEqualTo("Роль снята.");
        assertThat(browser.text("#members-table"))
                .contains("Специалист подразделения")
                .doesNotContain("Ответственный за публикацию");

        // step 4: the import gives each row the division owning its process
        Path file = Files.createTempFile("setup-", ".csv");
        Files.writeString(
                file,
                "group_no,direction,process,touchpoint,interaction,features\n"
                        + "1,Предоставление государственных услуг," + LICENSING_PROCESS + ",Официальный сайт,"
                        + "Получение информации клиентом,Взаимодействие в цифровой точке\n"
                        + "1,Предоставление государственных услуг," + LICENSING_PROCESS + ",Личный приём,"
                        + "Направление обращения клиентом,Взаимодействие в физической точке\n");
        go("#setup-import");
        waitForUrl("/registers/" + id + "/import");
        browser.byId("file").sendKeys(file.toAbsolutePath().toString());
        browser.click("#dryRun").click("#import-submit");
        browser.find("#import-register-link a");
        assertThat(browser.text("#import-summary")).isEqualTo("Загружено строк: 2.");
        go("#import-back-to-setup");
        assertThat(browser.now("#unowned-processes"))
                .as("every row has its division")
                .isEmpty();

        // the specialist signs in with the password the administrator gave and may change the imported rows
        signIn(specialist, "Parol-2026-smolensk");
        browser.open("/registers/" + id);
        List<WebElement> rows = browser.all("tr[data-row-id]");
        assertThat(rows).hasSize(2);
        for (WebElement row : rows) {
            assertThat(row.findElements(By.linkText("Изменить"))).hasSize(1);
        }
    }

    @Test
    void theAdministratorDisablesEnablesAndResetsAnAccountFromThePage() {
        String username = "life-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "синяя лодка на рассвете";
        String newPassword = "зелёный чайник в полдень";
        accounts.create(username, password, "Орлова Вера Павловна, консультант", null, null);
        String row = "#accounts-table tr[data-username='" + username + "']";
        browser.login("admin").open("/admin/accounts");
        assertThat(browser.now("#accounts-table tr[data-username='admin'] form"))
                .as("not one's own account")
                .isEmpty();

        go(row + " button.toggle");
        assertThat(browser.text(row + " .row-outcome")).contains("Учётная запись отключена");
        assertThat(browser.text(row)).contains("отключена");
        assertThat(api.as(username, password).get("/api/v1/registers").status()).isEqualTo(401);

        go(row + " button.toggle");
        assertThat(browser.text(row + " .row-outcome")).isEqualTo("Учётная запись включена.");
        assertThat(browser.text(row)).contains("действует");
        assertThat(api.as(username, password).get("/api/v1/registers").status()).isEqualTo(200);

        browser.find(row + " input[name=password]").sendKeys("коротко");
        go(row + " button.reset");
        assertThat(browser.text(row + " .row-outcome")).isEqualTo("Пароль должен быть не короче 12 символов");
        assertThat(browser.find(row + " input[name=password]").getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.find(row + " input[name=password]").getAttribute("value"))
                .as("a password is never sent back")
                .isEmpty();
        assertThat(api.as(username, password).get("/api/v1/registers").status()).isEqualTo(200);

        browser.find(row + " input[name=password]").sendKeys(newPassword);
        go(row + " button.reset");
        assertThat(browser.text(row + " .row-outcome")).startsWith("Новый пароль задан");
        assertThat(api.as(username, password).get("/api/v1/registers").status()).isEqualTo(401);
        assertThat(api.as(username, newPassword).get("/api/v1/registers").status())
                .isEqualTo(200);
        StringBuilder audited = new StringBuilder();
        for (tools.jackson.databind.JsonNode e :
                api.as("auditor").get("/api/v1/admin/audit").json()) {
            if (username.equals(e.get("target").asString())) {
                audited.append(e.get("action").asString()).append(' ');
            }
        }
        assertThat(audited.toString()).contains("ACCOUNT_DISABLED", "ACCOUNT_ENABLED", "PASSWORD_RESET");
    }

    @Test
    void theAccountFormIsUsedWithTabAndEnterAlone() {
        String username = "kbd-" + UUID.randomUUID().toString().substring(0, 6);
        browser.login("admin").open("/admin/accounts");
        WebElement body = browser.find("body");
        body.sendKeys(Keys.TAB);
        assertThat(active().getAttribute("class")).isEqualTo("skip-link");
        int tabs = 0;
        while (!"displayName".equals(active().getAttribute("id")) && tabs++ < 200) {
            active().sendKeys(Keys.TAB);
        }
        assertThat(active().getAttribute("id")).as("Tab reaches the form").isEqualTo("displayName");
        active().sendKeys("Сидоров Пётр Андреевич, консультант", Keys.TAB);
        assertThat(active().getAttribute("id")).isEqualTo("username");
        active().sendKeys(username, Keys.TAB);
        assertThat(active().getAttribute("id")).isEqualTo("password");
        active().sendKeys("Klaviatura-1", Keys.TAB);
        assertThat(active().getAttribute("id")).isEqualTo("email");
        active().sendKeys(Keys.TAB);
        assertThat(active().getAttribute("id")).isEqualTo("globalRole");
        active().sendKeys(Keys.TAB);
        assertThat(active().getAttribute("id")).isEqualTo("account-submit");
        active().sendKeys(Keys.ENTER);
        assertThat(browser.text("#account-created")).contains("Сидоров Пётр Андреевич");
        assertThat(accounts.find(username)).isPresent();
    }

    @Test
    void theAdministratorsToolsWorkFromTheirPages() {
        String registerId = newRegister();
        browser.login("admin").open("/admin?q=" + registerId);

        // acting officials: named for a period, then cancelled
        go("tr[data-register='" + registerId + "'] a[href$='/delegations']");
        assertThat(browser.text("#no-delegations")).isNotBlank();
        browser.selectValue("holder", "division-head")
                .selectValue("role", "HEAD")
                .selectValue("division", "licensing")
                .selectValue("delegate", "other-head")
                .type("comment", "Отпуск, приказ № 5-к");
        setDate("validFrom", "2024-12-23");
        setDate("validTo", "2024-12-27");
        go("#delegation-submit");
        assertThat(browser.text("#delegation-done")).isEqualTo("Исполняющий обязанности назначен.");
        assertThat(browser.text("#delegations-table"))
                .contains(
                        "Отдел лицензирования",
                        "23.12.2024 — 27.12.2024",
                        "назначен, период не начался",
                        "Отпуск, приказ № 5-к");
        go("#delegations-table button.revoke");
        assertThat(browser.text("#delegations-table")).contains("отменён");
        assertThat(browser.now("#delegations-table button.revoke")).isEmpty();

        // the annual review, as the divisions confirmed it
        browser.open("/registers/" + registerId + "/review");
        assertThat(browser.text("#reviews-table")).contains("Отдел лицензирования", "не подтверждена", "31.12.2024");

        // the production calendar: the year is shown before it is loaded
        browser.open("/admin/calendar");
        browser.byId("calendar-file")
                .sendKeys(Path.of("../register-platform/src/main/resources/calendar/federal/2024.json")
                        .toAbsolutePath()
                        .normalize()
                        .toString());
        go("#calendar-preview-submit");
        assertThat(browser.text("#calendar-working-days")).isEqualTo("Рабочих дней в году: 248.");
        assertThat(browser.text("#calendar-non-working")).contains("01.01.2024", "31.12.2024");
        assertThat(browser.text("#calendar-working-weekends")).contains("27.04.2024");
        go("#calendar-confirm");
        assertThat(browser.text("#calendar-loaded")).contains("2024");

        // failed events and the rebuild
        browser.open("/admin/maintenance");
        go("#rebuild-submit");
        awaitRebuild();

        // the publication chain and a file that is no published version
        browser.open("/registers/" + registerId + "/verify");
        assertThat(browser.text("#chain-empty")).contains("не публиковался");
        browser.byId("verify-file")
                .sendKeys(Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv")
                        .toAbsolutePath()
                        .toString());
        go("#verify-file-submit");
        assertThat(browser.text("#file-result")).isEqualTo("Файл не соответствует ни одной опубликованной редакции.");
    }

    @Test
    void anEventNoReadModelTakesIsSetAsideWithAReasonFromTheMaintenancePage() {
        String registerId = newRegister();
        PoisonedEvents.storePublicationAtTheStartOfTime(
                jdbc, axon.eventSerializer(), registerCache, registerId, clock.instant());
        browser.login("admin").open("/admin");
        go("#admin-maintenance-link");
        go("#rebuild-submit");
        awaitRebuild();
        String row = "#letters-table tr[data-sequence='" + registerId + "']";
        assertThat(browser.text(row)).contains("Published", "в очереди");

        browser.find(row + " input[name=reason]").sendKeys("Публикация записана прежней версией с неверной датой");
        go(row + " .set-aside-form button");
        assertThat(browser.text("#maintenance-done")).isEqualTo("Событие исключено из обработки.");
        assertThat(browser.text(row))
                .contains("исключено", "Администратор", "Публикация записана прежней версией с неверной датой");
        assertThat(browser.now(row + " .set-aside-form")).isEmpty();
    }

    @Test
    void onlyAnAdministratorOpensTheAdministrationPages() {
        String registerId = newRegister();
        browser.login("initiator").open("/registers");
        assertThat(browser.now("#nav-admin")).isEmpty();
        for (String page : List.of(
                "/admin",
                "/admin/accounts",
                "/registers/" + registerId + "/setup",
                "/registers/" + registerId + "/delegations",
                "/registers/" + registerId + "/review",
                "/admin/calendar",
                "/admin/maintenance",
                "/registers/" + registerId + "/verify",
                "/registers/" + registerId + "/settings")) {
            browser.open(page);
            assertThat(browser.text("h1")).as(page).isEqualTo("Нет доступа");
        }
        browser.login("auditor").open("/admin");
        assertThat(browser.text("h1")).isEqualTo("Нет доступа");
    }

    /** Clicks what leads to another page and waits until that page replaced this one. */
    private void go(String css) {
        browser.go(css);
    }

    private void setDate(String id, String isoDate) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.byId(id), isoDate);
    }

    private WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    private void signIn(String username, String password) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.type("username", username).type("password", password).click("#login-submit");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void waitForUrl(String part) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains(part));
    }

    /**
     * After «Перестроить представления»: the page says the rebuild started and shows its progress in events, and
     * refreshes itself until the rebuilt read models are switched in.
     */
    private void awaitRebuild() {
        assertThat(browser.text("#maintenance-done"))
                .isEqualTo("Перестроение представлений начато: действующие представления работают до его окончания.");
        assertThat(browser.text("#rebuild-progress")).matches("Обработано событий: \\d+ из \\d+ \\(\\d+ %\\)");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(120))
                .until(d ->
                        !browser.now("#rebuild-status[data-running='false']").isEmpty());
        assertThat(browser.text("#rebuild-state")).startsWith("Перестроение завершено ");
        assertThat(browser.text("#rebuild-progress")).matches("Обработано событий: (\\d+) из \\1 \\(100 %\\)");
        assertThat(browser.text("#rebuild-outcome")).startsWith("Отложено событий: ");
    }
}
