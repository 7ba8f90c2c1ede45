package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * The administrator's walk-through of the README, in pictures: headless Chromium sets an authority up from the
 * administration pages alone (new register with a preset, divisions, an account, roles, import, procedure, acting
 * official) and saves one PNG per step, 1280 px wide. Opt-in: {@code -Dscreenshots=docs/screenshots} (a relative
 * directory is taken from the repository's root); without it the test is skipped.
 * <pre>./mvnw -o -B -pl register-app -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=AdminWalkthroughScreenshotsIT -Dfailsafe.failIfNoSpecifiedTests=false -Dscreenshots=docs/screenshots</pre>
 */
class AdminWalkthroughScreenshotsIT extends BrowserIT {
    private static final int WIDTH = 1280;
    private static final int MAX_HEIGHT = 1400;
    private Path dir;

    @Test
    void theAdministratorsWalkThrough() throws Exception {
        String target = System.getProperty("screenshots");
        Assumptions.assumeTrue(target != null && !target.isBlank(), "screenshots are taken with -Dscreenshots=DIR");
        dir = root().resolve(target);
        Files.createDirectories(dir);

        String id = "walk-" + UUID.randomUUID().toString().substring(0, 6);
        String specialist = "petrova-" + id.substring(5);
        String head = "sokolov-" + id.substring(5);
        String deputy = "orlova-" + id.substring(5);
        accounts.create(head, "demo", "Соколов Андрей Петрович, начальник отдела лицензирования", null);
        accounts.create(deputy, "demo", "Орлова Елена Викторовна, заместитель начальника инспекции", null);
        browser.login("admin");
        browser.go("#nav-admin");
        shot("01-admin-hub");

        browser.go("#admin-new-register");
        browser.type("id", id)
                .type("authority", "Инспекция государственного строительного надзора")
                .selectValue("preset", "NOVOSIBIRSK_GSN");
        shot("02-new-register");
        browser.go("#create-submit");
        browser.urlContaining("/registers/" + id + "/setup");

        browser.type("division-id", "licensing")
                .type("division-name", "Отдел лицензирования")
                .type("division-processes", LICENSING_PROCESS);
        browser.go("#division-submit");
        browser.type("division-id", "appeals")
                .type("division-name", "Отдел обращений граждан")
                .type("division-processes", APPEALS_PROCESS);
        browser.go("#division-submit");
        scrollTo("#divisions");
        shot("03-setup-divisions");

        browser.go("#people a[href$='/admin/accounts']");
        browser.type("displayName", "Петрова Мария Ивановна, главный специалист")
                .type("username", specialist)
                .type("password", "Parol-2026-novosibirsk");
        browser.go("#account-submit");
        assertThat(browser.text("#account-created")).contains("Петрова Мария Ивановна");
        shot("04-accounts");

        browser.open("/registers/" + id + "/setup");
        browser.selectValue("member-username", specialist)
                .selectValue("member-role", "SPECIALIST")
                .selectValue("member-division", "licensing");
        browser.go("#member-submit");
        browser.selectValue("member-username", head)
                .selectValue("member-role", "HEAD")
                .selectValue("member-division", "licensing");
        browser.go("#member-submit");
        browser.selectValue("member-username", deputy).selectValue("member-role", "DEPUTY");
        browser.go("#member-submit");
        scrollTo("#people");
        shot("05-setup-roles");

        Path file = Files.createTempFile("walkthrough-", ".csv");
        Files.writeString(
                file,
                "group_no,direction,process,touchpoint,interaction,features\n"
                        + "1,Предоставление государственных услуг," + LICENSING_PROCESS + ",Официальный сайт,"
                        + "Получение информации клиентом,Взаимодействие в цифровой точке\n"
                        + "1,Предоставление государственных услуг," + LICENSING_PROCESS + ",Личный приём,"
                        + "Направление обращения клиентом,Взаимодействие в физической точке\n");
        browser.go("#setup-import");
        browser.byId("file").sendKeys(file.toAbsolutePath().toString());
        browser.click("#import-submit");
        browser.find("#import-summary");
        shot("06-import-dry-run");

        browser.open("/registers/" + id + "/settings");
        shot("07-procedure");

        browser.open("/registers/" + id + "/delegations");
        browser.selectValue("holder", head)
                .selectValue("role", "HEAD")
                .selectValue("division", "licensing")
                .selectValue("delegate", specialist)
                .type("comment", "Отпуск руководителя, приказ № 12-к");
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.byId("validFrom"), "2024-12-23");
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.byId("validTo"), "2024-12-27");
        browser.go("#delegation-submit");
        assertThat(browser.text("#delegation-done")).isEqualTo("Исполняющий обязанности назначен.");
        shot("08-acting-officials");

        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(8);
        }
    }

    /** The repository's root: the module runs its tests from its own directory. */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("mvnw")) ? here : here.getParent();
    }

    private void scrollTo(String css) {
        browser.driver().executeScript("arguments[0].scrollIntoView(true)", browser.find(css));
    }

    /** The page at 1280 px, as tall as its content (at most {@link #MAX_HEIGHT}), saved as {@code name}.png. */
    private void shot(String name) throws Exception {
        Object scrolled = browser.driver().executeScript("return window.scrollY");
        long height = ((Number) browser.driver()
                        .executeScript(
                                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)"))
                .longValue();
        browser.driver()
                .manage()
                .window()
                .setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height, 600), MAX_HEIGHT) + 90));
        browser.driver().executeScript("window.scrollTo(0, arguments[0])", scrolled);
        Files.write(dir.resolve(name + ".png"), browser.driver().getScreenshotAs(OutputType.BYTES));
    }
}
