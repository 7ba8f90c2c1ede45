package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole list of registers ({@code GET /api/v1/registers} without a page, the contract's default) remembers each
 * register's entry between requests: every acknowledged change is in the next list all the same, each caller's list
 * holds only the registers that caller may read, and it is the same as the pages of the list put together.
 */
class WholeRegisterListIT extends ApplicationIT {
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAcknowledgedChangeIsInTheNextWholeList() {
        String register = newRegister();
        JsonNode before = entry(whole("admin"), register);
        assertThat(before.get("rowCount").asInt()).isZero();
        assertThat(before.get("publishedVersion").asInt()).isZero();
        long version = before.get("version").asLong();

        approvedChange(register, "Портал госуслуг");
        JsonNode approved = entry(whole("admin"), register);
        assertThat(approved.get("rowCount").asInt()).as("an approved addition").isEqualTo(1);
        assertThat(approved.get("version").asLong()).isGreaterThan(version);

        ok(api.as("publisher")
                .post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.ru/perechen")));
        assertThat(entry(whole("admin"), register).get("publishedVersion").asInt())
                .as("a publication")
                .isEqualTo(1);
        assertThat(entry(whole("auditor"), register).get("publishedVersion").asInt())
                .as("another caller's list")
                .isEqualTo(1);

        String added = newRegister();
        assertThat(ids(whole("admin"))).as("a new register").contains(added, register);
    }

    @Test
    void aCallerMadeAuditorListsEveryRegisterAtTheNextRequest() {
        String register = newRegister();
        String reader = "whole-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(reader, "demo", "Будущий аудитор", null);
        assertThat(whole(reader)).as("no role").isEmpty();
        jdbc.sql("update account set global_role = 'AUDITOR', credential_version = credential_version + 1"
                        + " where username = ?")
                .param(reader)
                .update();
        assertThat(ids(whole(reader))).as("a global role given").contains(register);
    }

    @Test
    void eachCallersWholeListHoldsOnlyTheRegistersThatCallerMayRead() {
        String mine = newRegister();
        String later = newRegister();
        String reader = "whole-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(reader, "demo", "Читатель списка", null);
        assertThat(whole(reader)).as("no role yet").isEmpty();

        ok(api.as("admin")
                .post("/api/v1/registers/" + mine + "/members", Map.of("username", reader, "role", "PUBLISHER")));
        whole("admin"); // every entry written for the administrator's list first
        assertThat(ids(whole(reader))).containsExactly(mine);
        assertThat(ids(whole(reader))).as("asked again, nothing moved").containsExactly(mine);
        assertThat(ids(ok(api.as(reader).get("/api/v1/registers?page=1&size=500"))
                        .json()))
                .containsExactly(mine);

        ok(api.as("admin")
                .post("/api/v1/registers/" + later + "/members", Map.of("username", reader, "role", "PUBLISHER")));
        Api.Response given = ok(api.as(reader).get("/api/v1/registers?page=1&size=500"));
        assertThat(ids(given.json())).as("a role given, on a page").containsExactlyInAnyOrder(mine, later);
        assertThat(given.header("X-Total-Count")).isEqualTo("2");
        assertThat(ids(whole(reader))).as("a role given").containsExactlyInAnyOrder(mine, later);
        ok(api.as("admin").delete("/api/v1/registers/" + mine + "/members/" + reader + "?role=PUBLISHER"));
        assertThat(ids(whole(reader))).as("a role taken away").containsExactly(later);
        assertThat(api.as(reader).get("/api/v1/registers").header("X-Total-Count"))
                .isEqualTo("1");
        Api.Response page = ok(api.as(reader).get("/api/v1/registers?page=1&size=500"));
        assertThat(ids(page.json()))
                .as("a page of the list, filtered by the database")
                .containsExactly(later);
        assertThat(page.header("X-Total-Count")).isEqualTo("1");
    }

    @Test
    void theWholeListIsThePagesPutTogether() {
        approvedChange(newRegister(), "Телефон горячей линии");
        Api.Response whole = ok(api.as("admin").get("/api/v1/registers"));
        List<JsonNode> paged = new ArrayList<>();
        long total = Long.parseLong(whole.header("X-Total-Count"));
        for (int page = 1; (page - 1) * 500L < total; page++) {
            ok(api.as("admin").get("/api/v1/registers?page=" + page + "&size=500"))
                    .json()
                    .forEach(paged::add);
        }
        List<JsonNode> listed = new ArrayList<>();
        whole.json().forEach(listed::add);
        assertThat(listed).isEqualTo(paged).hasSize((int) total);
        assertThat(total)
                .isEqualTo(jdbc.sql("select count(*) from q_register")
                        .query(Long.class)
                        .single());
        assertThat(whole.header("Link")).as("the whole list has no pages").isNull();
    }

    private JsonNode whole(String username) {
        return ok(api.as(username).get("/api/v1/registers")).json();
    }

    private static JsonNode entry(JsonNode list, String register) {
        for (JsonNode r : list) {
            if (r.get("id").asString().equals(register)) {
                return r;
            }
        }
        throw new AssertionError("register " + register + " not listed");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }
}
