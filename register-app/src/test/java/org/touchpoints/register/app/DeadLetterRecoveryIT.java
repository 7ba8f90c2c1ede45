package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A register can never be frozen. An event an older release stored, that no read model can take (a publication at
 * the start of time), is parked with its cause by the rebuild, which completes; the register's later events wait
 * behind it and a retry changes nothing; an administrator sets it aside with a reason, which is kept and audited,
 * and the register is live again; later rebuilds skip it and give the live read models back.
 */
class DeadLetterRecoveryIT extends ApplicationIT {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    Configuration axon;

    @Autowired
    @Qualifier("registerCache")
    Cache registerCache;

    @Test
    void aPoisonedEventIsParkedSetAsideAndTheRegisterIsLiveAgain() {
        String register = newRegister();
        String before = approvedChange(register, "Сайт");
        String poison = PoisonedEvents.storePublicationAtTheStartOfTime(
                jdbc, axon.eventSerializer(), registerCache, register, clock.instant());
        Api admin = api.as("admin");

        // the rebuild meets the event no read model can take: it parks it and completes
        Api.Response rebuilt = ReadModels.rebuild(admin);
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().get("parked").asLong()).isPositive(); // other tests' registers share the database
        assertThat(rebuilt.json().get("events").asLong()).isPositive();
        assertThat(ok(api.as("auditor").get("/api/v1/changes/" + before))
                        .json()
                        .get("status")
                        .asString())
                .as("the rest of the register is rebuilt")
                .isEqualTo("APPROVED");

        JsonNode letters =
                ok(admin.get("/api/v1/admin/dead-letters?sequence=" + register)).json();
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.get(0);
        assertThat(letter.get("status").asString()).isEqualTo("PARKED");
        assertThat(letter.get("eventId").asString()).isEqualTo(poison);
        assertThat(letter.get("eventType").asString()).isEqualTo("Published");
        assertThat(letter.get("processingGroup").asString()).isEqualTo("projections");
        assertThat(letter.get("causeType").asString())
                .isEqualTo("org.springframework.dao.DataIntegrityViolationException");
        assertThat(letter.get("causeMessage").asString()).isNotBlank();

        // frozen: the register records a new change, but its read models wait behind the parked event
        String frozen = initiate(register, "Телефон");
        assertThat(api.as("initiator").get("/api/v1/changes/" + frozen).status())
                .isEqualTo(404);
        JsonNode retried = ok(admin.post("/api/v1/admin/dead-letters/retry?sequence=" + register, "{}"))
                .json();
        assertThat(retried.get("sequencesCleared").asInt())
                .as("a retry changes nothing")
                .isZero();
        assertThat(retried.get("remaining")).hasSize(2);
        assertThat(api.as("initiator").get("/api/v1/changes/" + frozen).status())
                .isEqualTo(404);
        String waiting = retried.get("remaining").get(1).get("id").asString();
        assertThat(retried.get("remaining").get(1).get("causeType").isNull())
                .as("it only waits")
                .isTrue();

        // what may not be set aside
        String path = "/api/v1/admin/dead-letters/" + letter.get("id").asString() + "/set-aside";
        assertThat(api.as("initiator").post(path, Map.of("reason", "Мешает")).status())
                .isEqualTo(403);
        Api.Response noReason = admin.post(path, Map.of("reason", "  "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(admin.post(path, Map.of("reason", "Мешает\u0000")).status()).isEqualTo(400);
        assertThat(admin.post(path, Map.of("reason", "я".repeat(2001))).status())
                .isEqualTo(400);
        assertThat(admin.post(path, "{\"reason\": [1]}").status()).isEqualTo(400);
        assertThat(admin.post(path, "не JSON").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/dead-letters/" + waiting + "/set-aside", Map.of("reason", "Мешает"))
                        .status())
                .as("an event that only waits is not set aside")
                .isEqualTo(409);
        assertThat(admin.post("/api/v1/admin/dead-letters/no-such-letter/set-aside", Map.of("reason", "Мешает"))
                        .status())
                .isEqualTo(404);

        // set aside: kept with who and why, and the events behind it are processed
        String reason = "Публикация записана прежней версией с датой вне допустимого диапазона";
        JsonNode setAside = ok(admin.post(path, Map.of("reason", reason))).json();
        assertThat(setAside.get("setAside").get("status").asString()).isEqualTo("SET_ASIDE");
        assertThat(setAside.get("retry").get("remaining")).isEmpty();
        assertThat(ok(api.as("initiator").get("/api/v1/changes/" + frozen))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("INITIATED");
        assertThat(admin.post(path, Map.of("reason", reason)).status())
                .as("once")
                .isEqualTo(409);

        // live again: later events flow as they come
        ok(api.as("division-head").post("/api/v1/changes/" + frozen + "/division-approval", "{}"));
        assertThat(ok(api.as("initiator").get("/api/v1/changes/" + frozen))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DIVISION_APPROVED");
        assertThat(ok(admin.get("/api/v1/admin/dead-letters?sequence=" + register + "&status=PARKED"))
                        .json())
                .isEmpty();
        JsonNode kept =
                ok(admin.get("/api/v1/admin/dead-letters?sequence=" + register)).json();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("status").asString()).isEqualTo("SET_ASIDE");
        assertThat(kept.get(0).get("eventId").asString()).isEqualTo(poison);
        assertThat(kept.get(0).get("setAsideReason").asString()).isEqualTo(reason);
        assertThat(kept.get(0).get("setAsideBy").asString()).isEqualTo("admin");
        assertThat(kept.get(0).get("setAsideAt").asString()).isNotBlank();
        assertThat(kept.get(0).get("causeType").asString())
                .isEqualTo("org.springframework.dao.DataIntegrityViolationException");

        // the rebuild skips it and gives the live read models back
        Map<String, List<Map<String, Object>>> live = ReadModels.snapshot(jdbc);
        Api.Response green = ReadModels.rebuild(admin);
        assertThat(green.status()).as(green.toString()).isEqualTo(200);
        assertThat(green.json().get("setAsideSkipped").asLong()).isPositive();
        Map<String, List<Map<String, Object>>> replayed = ReadModels.snapshot(jdbc);
        for (String table : ReadModels.TABLES.keySet()) {
            assertThat(replayed.get(table)).as(table).containsExactlyElementsOf(live.get(table));
        }
        assertThat(ok(api.as("initiator").get("/api/v1/changes/" + frozen))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DIVISION_APPROVED");
        assertThat(ok(admin.get("/api/v1/admin/dead-letters?sequence=" + register + "&status=PARKED"))
                        .json())
                .isEmpty();

        // and the history, which could take the event, kept it all along
        assertThat(jdbc.sql("select count(*) from q_history where register_id = ? and event = 'Published'")
                        .param(register)
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
