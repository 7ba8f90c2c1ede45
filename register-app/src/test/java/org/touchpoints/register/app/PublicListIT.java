package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The citizens' list of published registers: each with its current version and the day that version was published. */
class PublicListIT extends ApplicationIT {

    @Test
    void eachPublishedRegisterShowsItsLatestVersionAndTheDayItWasPublished() {
        String twice = newRegister();
        String once = newRegister();
        String never = newRegister();
        clock.set(Instant.parse("2024-12-20T09:00:00Z"));
        approvedChange(twice, "Официальный сайт");
        publish(twice);
        approvedChange(once, "Официальный сайт");
        publish(once);
        approvedChange(never, "Официальный сайт");
        clock.set(Instant.parse("2024-12-24T22:30:00Z")); // 25.12.2024 in Moscow
        approvedChange(twice, "Телефон");
        publish(twice);

        String page = ok(api.get("/public")).body();
        assertThat(line(page, twice)).contains(">2<").contains("25.12.2024");
        assertThat(line(page, once)).contains(">1<").contains("20.12.2024");
        assertThat(page).doesNotContain("data-register-id=\"" + never + "\"");
    }

    private void publish(String register) {
        ok(api.as("publisher")
                .post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.ru/perechen")));
    }

    private static String line(String page, String register) {
        Matcher m = Pattern.compile(
                        "<tr[^>]*data-register-id=\"" + Pattern.quote(register) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("register " + register + " listed").isTrue();
        return m.group(1).replaceAll("\\s+", "");
    }
}
