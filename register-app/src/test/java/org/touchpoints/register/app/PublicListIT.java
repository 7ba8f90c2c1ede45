package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The citizens' list of published registers: each with its current version and the day that version was published,
 * {@value org.touchpoints.register.query.paging.Pager#PAGE_SIZE} a page, searchable by authority or id.
 */
class PublicListIT extends ApplicationIT {
    private static final Pattern LISTED = Pattern.compile("data-register-id=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

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

        assertThat(line(ok(api.get("/public?q=" + twice)).body(), twice))
                .contains(">2<")
                .contains("25.12.2024");
        assertThat(line(ok(api.get("/public?q=" + once.toUpperCase())).body(), once))
                .as("the search ignores case")
                .contains(">1<")
                .contains("20.12.2024");
        String notPublished = ok(api.get("/public?q=" + never)).body();
        assertThat(notPublished).doesNotContain("data-register-id=").contains("Ничего не найдено.");
        assertThat(ok(api.get("/public?q=%25")).body())
                .as("a wildcard is a character like any other")
                .doesNotContain("data-register-id=");
    }

    @Test
    void theListComesInPagesThatTogetherAreEveryPublishedRegisterOnce() {
        while (published().size() <= 50) {
            String register = newRegister();
            approvedChange(register, "Официальный сайт");
            publish(register);
        }
        List<String> expected = published();
        int pages = (expected.size() + 49) / 50;
        List<String> shown = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            String body = ok(api.get("/public?page=" + page)).body();
            List<String> ids = listed(body);
            assertThat(ids).hasSizeLessThanOrEqualTo(50);
            assertThat(body).contains("Стр. " + page + " из " + pages);
            shown.addAll(ids);
        }
        assertThat(shown).as("every published register once, by id").isEqualTo(expected);
        assertThat(new HashSet<>(shown)).hasSameSizeAs(shown);
        assertThat(listed(ok(api.get("/public?page=" + (pages + 5))).body()))
                .as("past the last page: the last page")
                .isEqualTo(listed(ok(api.get("/public?page=" + pages)).body()));
    }

    private List<String> published() {
        return jdbc.sql("select register_id from q_register where published_version > 0 order by register_id")
                .query(String.class)
                .list();
    }

    private static List<String> listed(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = LISTED.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
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
