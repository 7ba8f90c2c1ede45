package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A person's own account in the browser: signed out at the next click once disabled; changing their password. */
class AccountPagesIT extends BrowserIT {
    private static final String NEW_PASSWORD = "жёлтый зонт под дождём";

    private String seededAccount() {
        String username = "b-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "demo", "Сидорова Мария Ивановна, ведущий специалист", null);
        return username;
    }

    @Test
    void anAccountDisabledWhileItsSessionIsOpenIsSignedOutAtItsNextClick() {
        String username = seededAccount();
        browser.login(username).open("/registers");
        assertThat(browser.url()).endsWith("/registers");
        ok(api.as("admin").post("/api/v1/accounts/" + username + "/disable", "{}"));
        browser.click("#nav-password");
        assertThat(browser.url()).endsWith("/login");
        browser.type("username", username).type("password", "demo").click("#login-submit");
        assertThat(browser.byId("login-error").getText()).contains("Неверное имя пользователя или пароль");
    }

    @Test
    void aPersonChangesTheirOwnPasswordFromTheHeaderAndTheOldOneStopsWorking() {
        String username = seededAccount();
        browser.login(username).click("#nav-password");
        assertThat(browser.url()).endsWith("/account/password");

        browser.type("currentPassword", "demo")
                .type("password", "qwerty123456")
                .type("passwordRepeat", "qwerty123456")
                .click("#password-submit");
        assertThat(browser.byId("password-error").getText()).contains("распространённый");

        browser.type("currentPassword", "не тот пароль")
                .type("password", NEW_PASSWORD)
                .type("passwordRepeat", NEW_PASSWORD)
                .click("#password-submit");
        assertThat(browser.byId("currentPassword-error").getText()).contains("Текущий пароль указан неверно");

        browser.type("currentPassword", "demo")
                .type("password", NEW_PASSWORD)
                .type("passwordRepeat", NEW_PASSWORD)
                .click("#password-submit");
        assertThat(browser.byId("password-changed").getText()).contains("Пароль изменён");
        browser.open("/registers");
        assertThat(browser.url()).as("this session goes on").endsWith("/registers");
        assertThat(api.as(username, "demo").get("/api/v1/registers").status()).isEqualTo(401);
        assertThat(api.as(username, NEW_PASSWORD).get("/api/v1/registers").status())
                .isEqualTo(200);
    }
}
