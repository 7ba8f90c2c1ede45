package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The row count of every register in the lists (API, admin and public pages) follows each change of its rows at
 * once, though the lists remember counts between requests (a register is counted again only when it moved).
 */
class RegisterRowCountIT extends ApplicationIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegistersRowCountFollowsEveryAddedAndRemovedRowInEveryList() {
        String register = newRegister();
        String untouched = newRegister();
        assertThat(listed(register)).as("a new register").isZero();
        approvedChange(register, "Портал госуслуг");
        approvedChange(register, "Телефон горячей линии");
        assertThat(listed(register))
                .as("after two added rows, counted before at 0")
                .isEqualTo(2);
        assertThat(one(register)).isEqualTo(2);
        assertThat(listedOnPage(register)).isEqualTo(2);

        initiate(register, "Ещё не одобренная точка");
        assertThat(listed(register)).as("a change not yet approved adds no row").isEqualTo(2);

        String rowId = ok(api.as("initiator").get("/api/v1/registers/" + register + "/rows"))
                .json()
                .get(0)
                .get("rowId")
                .asString();
        String removal = ok(api.as("initiator")
                        .post(
                                "/api/v1/registers/" + register + "/changes",
                                Map.of("kind", "REMOVE", "rowId", rowId, "reason", "TOUCHPOINT_EXCLUDED")))
                .json()
                .get("changeId")
                .asString();
        ok(api.as("division-head").post("/api/v1/changes/" + removal + "/division-approval", "{}"));
        assertThat(listed(register))
                .as("removal approved by the division head only")
                .isEqualTo(2);
        ok(api.as("deputy").post("/api/v1/changes/" + removal + "/deputy-approval", "{}"));
        assertThat(listed(register)).as("after the removal").isEqualTo(1);
        assertThat(one(register)).isEqualTo(1);
        assertThat(listed(untouched)).isZero();

        assertThat(everyListedCount()).as("every register as counted in SQL").isEqualTo(countedInSql());
        ReadModels.rebuild(api.as("admin"));
        assertThat(listed(register)).as("after a rebuild").isEqualTo(1);
        approvedChange(register, "Приёмная");
        assertThat(listed(register)).as("after a rebuild and one more row").isEqualTo(2);
        assertThat(everyListedCount()).isEqualTo(countedInSql());
    }

    private int listed(String register) {
        for (JsonNode r : ok(api.as("admin").get("/api/v1/registers")).json()) {
            if (r.get("id").asString().equals(register)) {
                return r.get("rowCount").asInt();
            }
        }
        throw new AssertionError("register " + register + " not listed");
    }

    private int listedOnPage(String register) {
        for (JsonNode r :
                ok(api.as("initiator").get("/api/v1/registers?size=500")).json()) {
            if (r.get("id").asString().equals(register)) {
                return r.get("rowCount").asInt();
            }
        }
        throw new AssertionError("register " + register + " not on the member's page");
    }

    private int one(String register) {
        return ok(api.as("admin").get("/api/v1/registers/" + register))
                .json()
                .get("rowCount")
                .asInt();
    }

    private Map<String, Integer> everyListedCount() {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode r : ok(api.as("admin").get("/api/v1/registers")).json()) {
            counts.put(r.get("id").asString(), r.get("rowCount").asInt());
        }
        return counts;
    }

    private Map<String, Integer> countedInSql() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select r.register_id, (select count(*) from q_row w where w.register_id = r.register_id)"
                        + " from q_register r")
                .query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }
}
