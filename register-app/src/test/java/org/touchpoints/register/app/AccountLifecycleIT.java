package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Disabling, enabling, resetting and changing passwords (API.md "People, accounts, scope"): each takes effect at the
 * next request — browser sessions end, Basic is refused although the verified-credential cache had the password —
 * and each is in the administration audit.
 */
class AccountLifecycleIT extends ApplicationIT {
    private static final String PASSWORD = "синяя лодка на рассвете";
    private static final String NEW_PASSWORD = "зелёный чайник в полдень";

    private String newAccount() {
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        ok(api.as("admin")
                .post(
                        "/api/v1/accounts",
                        Map.of(
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "displayName",
                                "Петрова Анна Сергеевна, главный специалист")));
        return username;
    }

    private Api.Response put(Api client, String path, Object body) {
        return client.send(
                "PUT",
                path,
                "application/json",
                Api.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void disablingEndsTheOpenSessionAndBasicAtOnceAndEnablingLetsNewSignInsIn() throws Exception {
        String username = newAccount();
        FormSignIn browser = new FormSignIn(port);
        FormSignIn.Result session = browser.signIn(username, PASSWORD);
        assertThat(session.signedIn()).as("signed in: %s", session).isTrue();
        assertThat(browser.get("/registers", session.cookie()).statusCode()).isEqualTo(200);
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status()).isEqualTo(200); // now cached

        Api.Response disabled = ok(api.as("admin").post("/api/v1/accounts/" + username + "/disable", "{}"));
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

        HttpResponse<String> page = browser.get("/registers", session.cookie());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(browser.get("/api/v1/registers", session.cookie()).statusCode())
                .isEqualTo(401);
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status()).isEqualTo(401);
        assertThat(browser.signIn(username, PASSWORD).signedIn()).isFalse();

        ok(api.as("admin").post("/api/v1/accounts/" + username + "/enable", "{}"));
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status()).isEqualTo(200);
        assertThat(browser.get("/registers", session.cookie()).statusCode())
                .as("the old session stays ended")
                .isEqualTo(302);
        assertThat(browser.signIn(username, PASSWORD).signedIn()).isTrue();

        assertThat(audit(username)).contains("ACCOUNT_CREATED", "ACCOUNT_DISABLED", "ACCOUNT_ENABLED");
    }

    @Test
    void theAccountChangesItsOwnPasswordWithTheCurrentOneAndTheOldOneIsRefusedAtOnce() throws Exception {
        String username = newAccount();
        FormSignIn browser = new FormSignIn(port);
        FormSignIn.Result session = browser.signIn(username, PASSWORD);
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status()).isEqualTo(200); // now cached

        Api.Response wrongCurrent = put(
                api.as(username, PASSWORD),
                "/api/v1/accounts/" + username + "/password",
                Map.of("password", NEW_PASSWORD, "currentPassword", "не тот пароль совсем"));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().get("errors").get(0).get("field").asString())
                .isEqualTo("currentPassword");
        Api.Response noCurrent = put(
                api.as(username, PASSWORD),
                "/api/v1/accounts/" + username + "/password",
                Map.of("password", NEW_PASSWORD));
        assertThat(noCurrent.status()).isEqualTo(400);

        ok(put(
                api.as(username, PASSWORD),
                "/api/v1/accounts/" + username + "/password",
                Map.of("password", NEW_PASSWORD, "currentPassword", PASSWORD)));
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status()).isEqualTo(401);
        assertThat(api.as(username, NEW_PASSWORD).get("/api/v1/registers").status())
                .isEqualTo(200);
        assertThat(browser.get("/registers", session.cookie()).statusCode())
                .as("the session ends")
                .isEqualTo(302);
        assertThat(audit(username)).contains("PASSWORD_CHANGED");
    }

    @Test
    void anAdministratorResetsAPasswordAndOthersMayNot() throws Exception {
        String username = newAccount();
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status()).isEqualTo(200);
        Api.Response notAdmin = put(
                api.as("initiator"),
                "/api/v1/accounts/" + username + "/password",
                Map.of("password", NEW_PASSWORD, "currentPassword", PASSWORD));
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(put(
                                api.as("initiator"),
                                "/api/v1/accounts/no-such-account/password",
                                Map.of("password", NEW_PASSWORD))
                        .status())
                .as("permission before existence")
                .isEqualTo(403);
        assertThat(put(api.as("admin"), "/api/v1/accounts/no-such-account/password", Map.of("password", NEW_PASSWORD))
                        .status())
                .isEqualTo(404);
        assertThat(api.as("initiator")
                        .post("/api/v1/accounts/" + username + "/disable", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(api.as("admin")
                        .post("/api/v1/accounts/no-such-account/disable", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.as("admin").post("/api/v1/accounts/admin/disable", "{}").status())
                .isEqualTo(409);

        ok(put(api.as("admin"), "/api/v1/accounts/" + username + "/password", Map.of("password", NEW_PASSWORD)));
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status()).isEqualTo(401);
        assertThat(api.as(username, NEW_PASSWORD).get("/api/v1/registers").status())
                .isEqualTo(200);
        assertThat(audit(username)).contains("PASSWORD_RESET");
    }

    @Test
    void passwordsThatAreShortCommonTheUsernameOrOver72BytesAreRefusedInRussian() {
        String username = "policy-" + UUID.randomUUID().toString().substring(0, 6);
        for (String weak : new String[] {
            "12345678",
            "        ",
            "короткий",
            "qwerty123456",
            "password1234",
            "123456789012",
            username.toUpperCase(),
            "ааааааааааааа",
            "я".repeat(37),
            "a".repeat(40) + "b".repeat(33)
        }) {
            Api.Response r = api.as("admin")
                    .post(
                            "/api/v1/accounts",
                            Map.of("username", username, "password", weak, "displayName", "Проверка"));
            assertThat(r.status()).as(weak).isEqualTo(400);
            JsonNode error = r.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("password");
            assertThat(error.get("message").asString()).as(weak).matches("(?s).*[А-Яа-я].*");
        }
        assertThat(api.as("admin").get("/api/v1/accounts").body()).doesNotContain(username);
        String tooLong = "я".repeat(37); // 74 bytes: BCrypt would ignore the end
        Api.Response r = api.as("admin")
                .post("/api/v1/accounts", Map.of("username", username, "password", tooLong, "displayName", "Проверка"));
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("72 байт");

        String existing = newAccount();
        Api.Response change =
                put(api.as("admin"), "/api/v1/accounts/" + existing + "/password", Map.of("password", "qwertyuiop12"));
        assertThat(change.status()).isEqualTo(400);
        assertThat(api.as(existing, PASSWORD).get("/api/v1/registers").status())
                .as("the old password stays")
                .isEqualTo(200);
    }

    private String audit(String target) {
        StringBuilder actions = new StringBuilder();
        for (JsonNode e : ok(api.as("auditor").get("/api/v1/admin/audit")).json()) {
            if (target.equals(e.get("target").asString())) {
                actions.append(e.get("action").asString()).append(' ');
            }
        }
        return actions.toString();
    }
}
