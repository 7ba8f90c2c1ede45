package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator's list of registers on /admin: {@value org.touchpoints.register.query.paging.Pager#PAGE_SIZE} a
 * page by id, the pages together every register once, and a search by id or authority.
 */
class AdminRegisterListIT extends ApplicationIT {
    private static final Pattern LISTED = Pattern.compile("<tr data-register=\"([^\"]+)\"");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorsListComesInPagesThatTogetherAreEveryRegisterOnce() {
        while (registers().size() <= 50) {
            emptyRegister();
        }
        List<String> expected = registers();
        int pages = (expected.size() + 49) / 50;
        List<String> shown = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            String body = ok(api.as("admin").get("/admin?page=" + page)).body();
            List<String> ids = listed(body);
            assertThat(ids).hasSizeLessThanOrEqualTo(50);
            assertThat(body).contains("Стр. " + page + " из " + pages);
            if (page < pages) {
                assertThat(body).contains("href=\"/admin?page=" + (page + 1) + "\"");
            }
            shown.addAll(ids);
        }
        assertThat(shown).as("every register once, by id").isEqualTo(expected);
        assertThat(new HashSet<>(shown)).hasSameSizeAs(shown);
        assertThat(listed(ok(api.as("admin").get("/admin?page=" + (pages + 5))).body()))
                .as("past the last page: the last page")
                .isEqualTo(
                        listed(ok(api.as("admin").get("/admin?page=" + pages)).body()));
    }

    @Test
    void theAdministratorFindsARegisterByItsIdOrAuthority() {
        String register = emptyRegister();
        String other = emptyRegister();
        String found =
                ok(api.as("admin").get("/admin?q=" + register.toUpperCase())).body();
        assertThat(listed(found)).as("the search ignores case").containsExactly(register);
        assertThat(found).contains("Показать все перечни");
        assertThat(listed(ok(api.as("admin")
                                .get("/admin?q=" + URLEncoder.encode("ГЖИ смоленской", StandardCharsets.UTF_8)))
                        .body()))
                .as("by authority")
                .contains(register, other);
        assertThat(ok(api.as("admin").get("/admin?q=%25")).body())
                .as("a wildcard is a character like any other")
                .doesNotContain("<tr data-register=")
                .contains("Ничего не найдено.");
        assertThat(api.as("auditor").get("/admin?q=" + register).status())
                .as("the administrator's page only")
                .isEqualTo(403);
    }

    private List<String> registers() {
        return jdbc.sql("select register_id from q_register order by register_id")
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
}
