package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every API list a page at a time (issue 16): {@code page} (from 1) and {@code size} (at most 500), the body the bare
 * JSON array it always was, the whole list's size in {@code X-Total-Count} and the neighbouring pages in {@code Link}.
 */
class PagingIT extends ApplicationIT {

    @Test
    void theChangesOfARegisterComeInPagesThatTogetherAreTheWholeListInItsOrder() {
        String register = newRegister();
        for (int i = 1; i <= 7; i++) {
            initiate(register, "Точка " + i);
        }
        String path = "/api/v1/registers/" + register + "/changes";
        List<String> whole = ids(ok(api.as("initiator").get(path)).json(), "changeId");
        assertThat(whole).hasSize(7).doesNotHaveDuplicates();

        Api.Response first = ok(api.as("initiator").get(path + "?size=3"));
        assertThat(first.json()).hasSize(3);
        assertThat(first.header("X-Total-Count")).isEqualTo("7");
        assertThat(first.header("Link"))
                .contains("page=2&size=3>; rel=\"next\"")
                .contains("page=3&size=3>; rel=\"last\"")
                .doesNotContain("rel=\"prev\"");
        Api.Response last = ok(api.as("initiator").get(path + "?page=3&size=3"));
        assertThat(last.json()).hasSize(1);
        assertThat(last.header("Link")).contains("page=2&size=3>; rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(ok(api.as("initiator").get(path + "?page=4&size=3")).json())
                .as("past the last page")
                .isEmpty();

        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            paged.addAll(ids(
                    ok(api.as("initiator").get(path + "?page=" + page + "&size=3"))
                            .json(),
                    "changeId"));
        }
        assertThat(paged).as("pages in a stable order").isEqualTo(whole);
        assertThat(ok(api.as("initiator").get(path + "?status=INITIATED&size=2"))
                        .header("X-Total-Count"))
                .isEqualTo("7");
        assertThat(ok(api.as("initiator").get(path + "?status=APPROVED&size=2")).header("X-Total-Count"))
                .isEqualTo("0");
    }

    @Test
    void theRegistersACallerMayReadComeInPagesByIdWithTheirCount() {
        String reader = "pager-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(reader, "demo", "Читатель списков", null);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String register = newRegister();
            ok(api.as("admin")
                    .post(
                            "/api/v1/registers/" + register + "/members",
                            Map.of("username", reader, "role", "SPECIALIST", "division", "licensing")));
            mine.add(register);
        }
        mine.sort(null);
        Api.Response first = ok(api.as(reader).get("/api/v1/registers?size=2"));
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(ids(first.json(), "id")).isEqualTo(mine.subList(0, 2));
        assertThat(first.json().get(0).get("version").asLong())
                .as("each register's version")
                .isPositive();
        Api.Response second = ok(api.as(reader).get("/api/v1/registers?page=2&size=2"));
        assertThat(ids(second.json(), "id")).isEqualTo(mine.subList(2, 3));
        assertThat(ids(ok(api.as(reader).get("/api/v1/registers")).json(), "id"))
                .as("one default page")
                .isEqualTo(mine);

        long all = Long.parseLong(
                ok(api.as("auditor").get("/api/v1/registers?size=1")).header("X-Total-Count"));
        assertThat(all).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theHistoryAndTheDeadlinesComeInPagesToo() {
        String register = newRegister();
        for (int i = 1; i <= 3; i++) {
            approvedChange(register, "Точка " + i);
        }
        String history = "/api/v1/registers/" + register + "/history";
        JsonNode whole = ok(api.as("auditor").get(history)).json();
        Api.Response page = ok(api.as("auditor").get(history + "?page=2&size=4"));
        assertThat(page.header("X-Total-Count")).isEqualTo(Integer.toString(whole.size()));
        assertThat(ids(page.json(), "sequence"))
                .isEqualTo(ids(whole, "sequence").subList(4, 8));

        String deadlines = "/api/v1/deadlines?registerId=" + register;
        Api.Response firstDeadlines = ok(api.as("auditor").get(deadlines + "&size=2"));
        assertThat(firstDeadlines.json()).hasSize(2);
        assertThat(firstDeadlines.header("X-Total-Count")).isEqualTo("3");
        assertThat(firstDeadlines.header("Link")).contains("rel=\"next\"");
        Api.Response secondDeadlines = ok(api.as("auditor").get(deadlines + "&page=2&size=2"));
        assertThat(secondDeadlines.json()).hasSize(1);
        List<String> both = new ArrayList<>(ids(firstDeadlines.json(), "changeId"));
        both.addAll(ids(secondDeadlines.json(), "changeId"));
        assertThat(both).doesNotHaveDuplicates().hasSize(3);
        String touchpoints = "/api/v1/registers/" + register + "/touchpoints";
        List<String> allTouchpoints = ids(ok(api.as("auditor").get(touchpoints)).json(), "key");
        Api.Response touchpointPage = ok(api.as("auditor").get(touchpoints + "?page=2&size=2"));
        assertThat(touchpointPage.header("X-Total-Count")).isEqualTo(Integer.toString(allTouchpoints.size()));
        assertThat(ids(touchpointPage.json(), "key")).isEqualTo(allTouchpoints.subList(2, allTouchpoints.size()));

        Api.Response everyRegister = ok(api.as("auditor").get("/api/v1/deadlines?size=1"));
        assertThat(everyRegister.json()).hasSize(1);
        assertThat(everyRegister.header("X-Total-Count"))
                .as("every register's deadlines are not counted")
                .isNull();
        assertThat(everyRegister.header("Link"))
                .contains("page=2&size=1>; rel=\"next\"")
                .doesNotContain("rel=\"last\"");
        Api.Response legacy = ok(api.as("auditor").get(deadlines + "&offset=1&limit=1"));
        assertThat(legacy.json()).hasSize(1);
        assertThat(legacy.header("X-Total-Count"))
                .as("offset and limit keep working")
                .isEqualTo("3");
        assertThat(legacy.header("Link")).contains("offset=2");
    }

    @Test
    void aPageOrASizeOutOfBoundsIsRefusedInRussianNamingTheParameter() {
        String register = newRegister();
        List<String> lists = List.of(
                "/api/v1/registers",
                "/api/v1/registers/" + register + "/changes",
                "/api/v1/registers/" + register + "/history",
                "/api/v1/deadlines",
                "/api/v1/registers/" + register + "/touchpoints");
        for (String list : lists) {
            for (String query : List.of("size=0", "size=501", "page=0", "page=-1", "page=abc", "size=1e3")) {
                Api.Response r = api.as("auditor").get(list + "?" + query);
                assertThat(r.status()).as(list + "?" + query + ": " + r).isEqualTo(400);
                assertThat(r.contentType()).startsWith("application/problem+json");
                JsonNode error = r.json().get("errors").get(0);
                assertThat(error.get("field").asString()).isEqualTo(query.substring(0, query.indexOf('=')));
                assertThat(error.get("message").asString()).containsPattern("[А-Яа-я]");
            }
            assertThat(ok(api.as("auditor").get(list + "?size=500")).status()).isEqualTo(200);
        }
    }

    @Test
    void theDeadlinesOfAnUnpublishedStatusComeInPagesThatTogetherAreTheWholeListInItsOrder() {
        String register = newRegister();
        String other = newRegister(10, "Asia/Novosibirsk");
        for (int i = 1; i <= 3; i++) {
            approvedChange(register, "Точка " + i);
            approvedChange(other, "Точка " + i);
        }
        String path = "/api/v1/deadlines?registerId=" + register + "&status=PENDING";
        List<String> whole = ids(ok(api.as("auditor").get(path)).json(), "changeId");
        assertThat(whole).hasSize(3);
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            JsonNode entries = ok(api.as("auditor").get(path + "&page=" + page + "&size=2"))
                    .json();
            entries.forEach(e -> assertThat(e.get("status").asString()).isEqualTo("PENDING"));
            paged.addAll(ids(entries, "changeId"));
        }
        assertThat(paged).as("pages of one status in the list's order").isEqualTo(whole);
        JsonNode otherZone = ok(api.as("auditor")
                        .get("/api/v1/deadlines?registerId=" + other + "&status=PENDING&page=1&size=2"))
                .json();
        assertThat(otherZone).as("another zone's register, its own groups").hasSize(2);
        assertThat(ok(api.as("auditor").get(path.replace("PENDING", "OVERDUE") + "&page=1&size=2"))
                        .json())
                .isEmpty();
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get(field).asString()));
        return ids;
    }
}
