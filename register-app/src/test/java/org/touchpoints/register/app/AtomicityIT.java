package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Commands run in one database transaction with the read models. A read model that cannot take an event does not
 * refuse the command (the event is the record): the event is parked in the dead-letter queue of its processing
 * group, with the later events of the same register behind it, while other registers and other groups go on; once
 * the fault is gone, a retry brings the read models level with a fresh rebuild. The command side's own index is
 * not dead-lettered: when it cannot take the event, nothing is recorded.
 */
class AtomicityIT extends ApplicationIT {
    @Autowired
    TransactionManager axonTransactions;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    @Test
    void commandsRunInSpringTransactions() {
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void anEventAReadModelCannotTakeIsParkedAndTheCommandSucceeds() {
        String register = newRegister();
        String other = newRegister();
        long before = eventStore.lastSequenceNumberFor(register).orElseThrow();
        failWritesTo("q_change", register);
        try {
            Map<String, Object> body = new HashMap<>(addRow("Сайт"));
            body.put("changeId", "parked-1");
            Api.Response initiated = api.as("initiator").post("/api/v1/registers/" + register + "/changes", body);
            assertThat(initiated.status()).as(initiated.toString()).isEqualTo(201);

            assertThat(eventStore.lastSequenceNumberFor(register).orElseThrow())
                    .as("the event is recorded")
                    .isEqualTo(before + 1);
            assertThat(count("select count(*) from change_lookup where change_id = 'parked-1'"))
                    .as("command side index")
                    .isOne();
            assertThat(count("select count(*) from q_history where change_id = 'parked-1'"))
                    .as("the audit trail goes on")
                    .isOne();
            assertThat(count("select count(*) from q_change where change_id = 'parked-1'"))
                    .as("the failed writes are undone")
                    .isZero();
            assertThat(count("select count(*) from q_change_timeline where change_id = 'parked-1'"))
                    .isZero();
            assertThat(api.as("initiator").get("/api/v1/changes/parked-1").status())
                    .isEqualTo(404);

            JsonNode letters = ok(api.as("admin").get("/api/v1/admin/dead-letters?sequence=" + register))
                    .json();
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).get("processingGroup").asString()).isEqualTo("projections");
            assertThat(letters.get(0).get("sequence").asString()).isEqualTo(register);
            assertThat(letters.get(0).get("eventType").asString()).isEqualTo("ChangeInitiated");
            assertThat(letters.get(0).get("causeMessage").asString()).contains("read model fault for " + register);
            assertThat(letters.get(0).get("enqueuedAt").asString()).isNotBlank();
            assertThat(api.as("initiator").get("/api/v1/admin/dead-letters").status())
                    .isEqualTo(403);

            // the register's later events wait behind the parked one, in order, though their own writes would succeed
            ok(api.as("division-head").post("/api/v1/changes/parked-1/division-approval", "{}"));
            letters = ok(api.as("admin").get("/api/v1/admin/dead-letters?sequence=" + register))
                    .json();
            assertThat(letters).hasSize(2);
            assertThat(letters.get(1).get("eventType").asString()).isEqualTo("DivisionApproved");
            assertThat(letters.get(1).get("index").asLong())
                    .isGreaterThan(letters.get(0).get("index").asLong());

            // other registers go on
            String elsewhere = initiate(other, "Сайт");
            ok(api.as("division-head").post("/api/v1/changes/" + elsewhere + "/division-approval", "{}"));
            assertThat(ok(api.as("initiator").get("/api/v1/changes/" + elsewhere))
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("DIVISION_APPROVED");
            assertThat(ok(api.as("admin").get("/api/v1/admin/dead-letters?sequence=" + other))
                            .json())
                    .isEmpty();

            // a retry while the fault lasts leaves the letters parked
            JsonNode stillFailing = ok(api.as("admin").post("/api/v1/admin/dead-letters/retry", "{}"))
                    .json();
            assertThat(stillFailing.get("sequencesCleared").asInt()).isZero();
            assertThat(stillFailing.get("remaining")).hasSize(2);
        } finally {
            removeFault("q_change", register);
        }

        JsonNode retried = ok(api.as("admin").post("/api/v1/admin/dead-letters/retry", "{}"))
                .json();
        assertThat(retried.get("sequencesCleared").asInt()).isEqualTo(1);
        assertThat(retried.get("remaining")).isEmpty();
        JsonNode change =
                ok(api.as("initiator").get("/api/v1/changes/parked-1")).json();
        assertThat(change.get("status").asString()).isEqualTo("DIVISION_APPROVED");
        assertThat(change.get("timeline")).hasSize(2);
        assertThat(change.get("version").asLong()).isEqualTo(2);

        Map<String, List<Map<String, Object>>> live = ReadModels.snapshot(jdbc);
        ok(ReadModels.rebuild(api.as("admin")));
        Map<String, List<Map<String, Object>>> rebuilt = ReadModels.snapshot(jdbc);
        for (String table : ReadModels.TABLES.keySet()) {
            assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table));
        }
    }

    /**
     * An import is one command of many events of one register: when the first row's event is parked, the rows after it
     * wait behind it in the same transaction (the register is known to be parked before that transaction commits).
     */
    @Test
    void theLaterEventsOfTheSameCommandWaitBehindTheOneParked() {
        String register = emptyRegister();
        long before = version(register);
        failWritesTo("q_row", register, "new.content::text like '%Первая точка%'");
        String csv = "group_no,direction,process,touchpoint,interaction,features\n"
                + "1,Предоставление государственных услуг,Процесс А,Первая точка,Получение информации,Взаимодействие в цифровой точке\n"
                + "2,Предоставление государственных услуг,Процесс Б,Вторая точка,Получение информации,Взаимодействие в цифровой точке\n"
                + "3,Предоставление государственных услуг,Процесс В,Третья точка,Получение информации,Взаимодействие в цифровой точке\n";
        try {
            Api.Response imported = ok(api.as("admin")
                    .postMultipart(
                            "/api/v1/registers/" + register + "/import",
                            "three.csv",
                            csv.getBytes(StandardCharsets.UTF_8)));
            assertThat(imported.json().get("imported").asInt()).isEqualTo(3);
            assertThat(count("select count(*) from q_row where register_id = '" + register + "'"))
                    .as("the first row undone, the others waiting behind it although their writes would succeed")
                    .isZero();
            JsonNode letters = ok(api.as("admin").get("/api/v1/admin/dead-letters?sequence=" + register))
                    .json();
            assertThat(letters).hasSize(3);
            letters.forEach(letter -> {
                assertThat(letter.get("processingGroup").asString()).isEqualTo("projections");
                assertThat(letter.get("eventType").asString()).isEqualTo("RowImported");
            });
            assertThat(letters.get(0).get("causeMessage").asString()).contains("read model fault for " + register);
            assertThat(letters.get(1).get("causeType").isNull())
                    .as("it only waits")
                    .isTrue();
            assertThat(letters.get(2).get("causeType").isNull())
                    .as("it only waits")
                    .isTrue();
            assertThat(count("select count(*) from q_history where register_id = '" + register
                            + "' and event = 'RowImported'"))
                    .as("the audit trail goes on")
                    .isEqualTo(3);
            assertThat(version(register))
                    .as("the register's version is that of its rows: no parked event moved it")
                    .isEqualTo(before);
        } finally {
            removeFault("q_row", register);
        }
        JsonNode retried = ok(api.as("admin").post("/api/v1/admin/dead-letters/retry?sequence=" + register, "{}"))
                .json();
        assertThat(retried.get("remaining")).isEmpty();
        assertThat(count("select count(*) from q_row where register_id = '" + register + "'"))
                .isEqualTo(3);
        assertThat(version(register)).isEqualTo(before + 3);
    }

    private long version(String register) {
        return ok(api.as("admin").get("/api/v1/registers/" + register))
                .json()
                .get("version")
                .asLong();
    }

    @Test
    void aRebuildAppliesTheParkedEventsAndClearsTheirLetters() {
        String register = newRegister();
        failWritesTo("q_change", register);
        try {
            Map<String, Object> body = new HashMap<>(addRow("Сайт"));
            body.put("changeId", "parked-2");
            ok(api.as("initiator").post("/api/v1/registers/" + register + "/changes", body));
            assertThat(ok(api.as("admin").get("/api/v1/admin/dead-letters?sequence=" + register))
                            .json())
                    .hasSize(1);
        } finally {
            removeFault("q_change", register);
        }
        ok(ReadModels.rebuild(api.as("admin")));
        assertThat(ok(api.as("admin").get("/api/v1/admin/dead-letters?sequence=" + register))
                        .json())
                .as("applied by the rebuild, not to be applied again")
                .isEmpty();
        assertThat(ok(api.as("initiator").get("/api/v1/changes/parked-2"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("INITIATED");
    }

    @Test
    void whenTheCommandSidesIndexCannotTakeTheEventNothingIsRecorded() {
        String register = newRegister();
        long before = eventStore.lastSequenceNumberFor(register).orElseThrow();
        failWritesTo("change_lookup", register);
        try {
            Map<String, Object> body = new HashMap<>(addRow("Сайт"));
            body.put("changeId", "atomic-1");
            Api.Response r = api.as("initiator").post("/api/v1/registers/" + register + "/changes", body);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.contentType()).startsWith("application/problem+json");
        } finally {
            removeFault("change_lookup", register);
        }
        assertThat(eventStore.lastSequenceNumberFor(register).orElseThrow())
                .as("no event appended")
                .isEqualTo(before);
        assertThat(count("select count(*) from q_history where change_id = 'atomic-1'"))
                .isZero();
        assertThat(count("select count(*) from dead_letter_entry where sequence_identifier = '" + register + "'"))
                .isZero();
    }

    /** A trigger that refuses every write of this register's rows to {@code table}: a read model that breaks. */
    private void failWritesTo(String table, String register) {
        failWritesTo(table, register, "true");
    }

    /** The same, for the rows that also meet {@code condition} (SQL on {@code new}). */
    private void failWritesTo(String table, String register, String condition) {
        String name = faultName(table, register);
        jdbc.sql("""
                create function %s() returns trigger language plpgsql as $$
                begin raise exception 'read model fault for %%', new.register_id; end $$""".formatted(name)).update();
        jdbc.sql(
                        "create trigger %s before insert or update on %s for each row when (new.register_id = '%s' and %s) execute function %s()"
                                .formatted(name, table, register, condition, name))
                .update();
    }

    private void removeFault(String table, String register) {
        String name = faultName(table, register);
        jdbc.sql("drop trigger if exists %s on %s".formatted(name, table)).update();
        jdbc.sql("drop function if exists %s()".formatted(name)).update();
    }

    private static String faultName(String table, String register) {
        return "fault_" + table + "_" + register.replace('-', '_');
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
