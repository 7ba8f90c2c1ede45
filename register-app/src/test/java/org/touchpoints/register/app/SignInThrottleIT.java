package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Repeated failed sign-ins: past 5 for one account (or 20 from one address) within 15 minutes, the next attempts get
 * 429 with {@code Retry-After} (the login form says so in Russian), a correct password included; after the penalty
 * the account signs in again. Time moves on the test clock; every test starts with no counts (ApplicationIT).
 */
class SignInThrottleIT extends ApplicationIT {
    private static final String PASSWORD = "тихий вечер над рекой";

    private String newAccount() {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 8);
        ok(api.as("admin")
                .post(
                        "/api/v1/accounts",
                        Map.of(
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "displayName",
                                "Проверка ограничения входа")));
        return username;
    }

    @Test
    void fiveFailuresForAnAccountThrottleItEvenWithTheRightPasswordUntilThePenaltyIsOver() throws Exception {
        String username = newAccount();
        for (int i = 0; i < 5; i++) {
            assertThat(api.as(username, "неверный пароль " + i)
                            .get("/api/v1/registers")
                            .status())
                    .isEqualTo(401);
        }
        Api.Response throttled = api.as(username, "неверный пароль 6").get("/api/v1/registers");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.json().get("detail").asString()).contains("Слишком много неудачных попыток");
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status())
                .as("the right password too")
                .isEqualTo(429);

        FormSignIn browser = new FormSignIn(port);
        FormSignIn.Result form = browser.signIn(username, PASSWORD);
        assertThat(form.location()).contains("/login?throttled=");
        HttpResponse<String> page = browser.get(form.location().replaceFirst("^https?://[^/]+", ""), form.cookie());
        assertThat(page.body()).contains("Слишком много", "неудачных попыток входа", "мин.");

        assertThat(api.as("initiator").get("/api/v1/registers").status())
                .as("other accounts are not affected")
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(14));
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(2));
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status()).isEqualTo(200);
        assertThat(browser.signIn(username, PASSWORD).signedIn()).isTrue();
    }

    @Test
    void twentyFailuresFromOneAddressThrottleEveryAccountFromIt() {
        for (int i = 0; i < 20; i++) {
            assertThat(api.as("nobody-" + i, "неверный пароль")
                            .get("/api/v1/registers")
                            .status())
                    .isEqualTo(401);
        }
        Api.Response throttled = api.as("auditor").get("/api/v1/registers");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        clock.advance(Duration.ofMinutes(16));
        assertThat(api.as("auditor").get("/api/v1/registers").status()).isEqualTo(200);
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        String username = newAccount();
        for (int i = 0; i < 4; i++) {
            assertThat(api.as(username, "неверный пароль")
                            .get("/api/v1/registers")
                            .status())
                    .isEqualTo(401);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertThat(api.as(username, "неверный пароль")
                            .get("/api/v1/registers")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(api.as(username, PASSWORD).get("/api/v1/registers").status()).isEqualTo(200);
    }
}
