package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Dropping the read models and rebuilding them from the event store gives the live ones back, row by row. */
class ReplayIT extends ApplicationIT {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    tools.jackson.databind.json.JsonMapper mapper;

    @Test
    void aRebuiltReadModelEqualsTheLiveOne() throws Exception {
        String register = newRegister();
        // 64 imported rows: the rebuild sends runs of inserts this long as multi-row inserts
        ok(api.as("admin")
                .postMultipart(
                        "/api/v1/registers/" + register + "/import",
                        "gzhi.csv",
                        java.nio.file.Files.readAllBytes(
                                java.nio.file.Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv"))));
        String site = approvedChange(register, "Сайт");
        String phone = approvedChange(register, "Телефон");
        ok(api.as("publisher")
                .post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.gov.ru/v1")));
        clock.advance(Duration.ofDays(1));
        String remove = ok(api.as("initiator")
                        .post(
                                "/api/v1/registers/" + register + "/changes",
                                Map.of("kind", "REMOVE", "rowId", phone, "reason", "TOUCHPOINT_EXCLUDED")))
                .json()
                .get("changeId")
                .asString();
        ok(api.as("division-head").post("/api/v1/changes/" + remove + "/division-approval", "{}"));
        String rejected = initiate(register, "Чат-бот");
        ok(api.as("division-head").post("/api/v1/changes/" + rejected + "/rejection", Map.of("reason", "Не нужен")));
        ok(api.as("division-head")
                .post(
                        "/api/v1/registers/" + register + "/annual-reviews",
                        Map.of("division", "licensing", "year", 2024)));
        accounts.create("acting-head", "demo", "И.о. руководителя", null);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + register + "/members",
                        Map.of("username", "acting-head", "role", "SPECIALIST", "division", "appeals")));
        ok(api.as("division-head")
                .post(
                        "/api/v1/registers/" + register + "/delegations",
                        Map.of(
                                "delegationId",
                                "replay-1",
                                "delegate",
                                "acting-head",
                                "role",
                                "HEAD",
                                "division",
                                "licensing",
                                "validFrom",
                                "2024-12-21",
                                "validTo",
                                "2024-12-31")));
        String actedFor = initiate(register, "Виджет обратной связи");
        ok(api.as("acting-head").post("/api/v1/changes/" + actedFor + "/division-approval", "{}"));
        ok(api.as("division-head")
                .post(
                        "/api/v1/registers/" + register + "/delegations",
                        Map.of(
                                "delegationId",
                                "replay-2",
                                "delegate",
                                "other-initiator",
                                "role",
                                "HEAD",
                                "division",
                                "licensing",
                                "validFrom",
                                "2025-01-09",
                                "validTo",
                                "2025-01-10")));
        ok(api.as("division-head").delete("/api/v1/registers/" + register + "/delegations/replay-2"));
        ok(api.as("admin")
                .delete("/api/v1/registers/" + register + "/members/other-initiator?role=SPECIALIST&division=appeals"));

        // a change package (several rows, one change) approved, and one still in the chain: every row replays
        String packaged = ok(api.as("initiator")
                        .post(
                                "/api/v1/registers/" + register + "/changes",
                                Map.of(
                                        "reason",
                                        "OTHER",
                                        "operations",
                                        List.of(
                                                Map.of(
                                                        "kind",
                                                        "ADD",
                                                        "row",
                                                        row(
                                                                LICENSING_PROCESS,
                                                                "Пакет: Telegram",
                                                                "DIGITAL",
                                                                List.of(1))),
                                                Map.of(
                                                        "kind",
                                                        "ADD",
                                                        "row",
                                                        row(
                                                                LICENSING_PROCESS,
                                                                "Пакет: ВКонтакте",
                                                                "DIGITAL",
                                                                List.of(1))),
                                                Map.of(
                                                        "kind",
                                                        "EDIT",
                                                        "rowId",
                                                        site,
                                                        "row",
                                                        row(
                                                                LICENSING_PROCESS,
                                                                "Пакет: сайт",
                                                                "DIGITAL",
                                                                List.of(1, 3)))))))
                .json()
                .get("changeId")
                .asString();
        ok(api.as("acting-head").post("/api/v1/changes/" + packaged + "/division-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + packaged + "/deputy-approval", "{}"));
        ok(api.as("initiator")
                .post(
                        "/api/v1/registers/" + register + "/changes",
                        Map.of(
                                "reason",
                                "OTHER",
                                "operations",
                                List.of(
                                        Map.of(
                                                "kind",
                                                "ADD",
                                                "row",
                                                row(LICENSING_PROCESS, "Пакет: ОК", "DIGITAL", List.of(1))),
                                        Map.of(
                                                "kind",
                                                "ADD",
                                                "row",
                                                row(LICENSING_PROCESS, "Пакет: Дзен", "DIGITAL", List.of(1)))))));

        // a register under its own procedure (003): the deputy's step, then one act approving two changes
        String novosibirsk = newRegister();
        ok(api.as("admin")
                .send(
                        "PUT",
                        "/api/v1/registers/" + novosibirsk + "/procedure",
                        "application/json",
                        "{\"preset\":\"NOVOSIBIRSK_GSN\",\"directions\":[\"Предоставление государственных услуг\"]}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<String> awaiting = new java.util.ArrayList<>();
        for (String touchpoint : List.of("Сайт инспекции", "Почта инспекции")) {
            String c = initiate(novosibirsk, touchpoint);
            ok(api.as("division-head").post("/api/v1/changes/" + c + "/division-approval", "{}"));
            ok(api.as("deputy").post("/api/v1/changes/" + c + "/approval", "{}"));
            awaiting.add(c);
        }
        ok(api.as("deputy")
                .post(
                        "/api/v1/registers/" + novosibirsk + "/approval-acts",
                        Map.of(
                                "number",
                                "7-п",
                                "date",
                                clock.instant()
                                        .atZone(java.time.ZoneId.of("Europe/Moscow"))
                                        .toLocalDate()
                                        .toString(),
                                "changeIds",
                                awaiting)));

        Map<String, List<Map<String, Object>>> live = ReadModels.snapshot(jdbc);
        assertThat(live.get("q_change")).isNotEmpty();
        assertThat(live.get("q_approval_act")).isNotEmpty();
        assertThat(live.get("q_delegation")).isNotEmpty();
        assertThat(live.get("q_member"))
                .as("the revoked role is gone")
                .noneMatch(m -> register.equals(m.get("register_id")) && "other-initiator".equals(m.get("username")))
                .anyMatch(m -> register.equals(m.get("register_id")));

        Api.Response rebuilt = ReadModels.rebuild(api.as("admin"));
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().get("events").asLong()).isPositive();

        Map<String, List<Map<String, Object>>> replayed = ReadModels.snapshot(jdbc);
        for (String table : ReadModels.TABLES.keySet()) {
            assertThat(replayed.get(table)).as(table).containsExactlyElementsOf(live.get(table));
        }
        assertThat(api.as("initiator")
                        .post("/api/v1/admin/projections/rebuild", "{}")
                        .status())
                .isEqualTo(403);
    }

    /**
     * An approval recorded before the register counted due dates into the event has no {@code due} in its JSON: a
     * rebuild counts it from the event's own dates by the fallback rule, and the change keeps the due date it had.
     */
    @Test
    void anApprovalStoredInItsOldShapeKeepsItsDueDateThroughARebuild() {
        String register = newRegister();
        String change = approvedChange(register, "Сайт");
        String dueDate = jdbc.sql("select due_date::text from q_change where change_id = ?")
                .param(change)
                .query(String.class)
                .single();
        assertThat(dueDate).isNotNull();
        int rewritten = jdbc.sql("""
                        update domain_event_entry
                        set payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'due')::text, 'UTF8')
                        where aggregate_identifier = ? and payload_type = ?
                          and convert_from(payload, 'UTF8')::jsonb ->> 'changeId' = ?""")
                .params(register, org.touchpoints.register.api.change.DeputyApproved.class.getName(), change)
                .update();
        assertThat(rewritten)
                .as("the deputy's approval, now in the shape of the events recorded before")
                .isEqualTo(1);

        Api.Response rebuilt = ReadModels.rebuild(api.as("admin"));
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(jdbc.sql("select due_date::text from q_change where change_id = ?")
                        .param(change)
                        .query(String.class)
                        .single())
                .isEqualTo(dueDate);
    }

    /**
     * The rebuild reads the event store a window of the global index at a time ({@code register.event-store.fetch-size},
     * 1,000): a gap wider than the window (the sequence moved on: appends rolled back, or taken by another writer)
     * is stepped over, and every event after it is replayed.
     */
    @Test
    void aRebuildReplaysEveryEventBeyondAGapWiderThanOneFetch() {
        String register = newRegister();
        approvedChange(register, "Сайт до разрыва");
        jdbc.sql("""
                        select setval(pg_get_serial_sequence('domain_event_entry', 'global_index'),
                                      (select max(global_index) from domain_event_entry) + 2500)""").query(Long.class).single();
        String after = approvedChange(register, "Сайт после разрыва");
        assertThat(jdbc.sql("select count(*) from q_change where change_id = ?")
                        .param(after)
                        .query(Long.class)
                        .single())
                .isOne();

        ReadModels.assertARebuildChangesNothing(api.as("admin"), jdbc);
        assertThat(jdbc.sql("select status from q_change where change_id = ?")
                        .param(after)
                        .query(String.class)
                        .single())
                .isEqualTo("APPROVED");
    }

    /**
     * A division defined again (renamed twice, its process listed anew each time) rebuilds to its last definition: in a
     * rebuild batch the later upserts of the division and its process take the place of the earlier ones not yet sent.
     */
    @Test
    void aDivisionDefinedAgainRebuildsToItsLastDefinition() {
        String register = newRegister();
        for (String name : List.of("Отдел лицензирования и контроля", "Отдел лицензионного контроля")) {
            ok(api.as("admin")
                    .post(
                            "/api/v1/registers/" + register + "/divisions",
                            Map.of("id", "licensing", "name", name, "processes", List.of(LICENSING_PROCESS))));
        }

        ReadModels.assertARebuildChangesNothing(api.as("admin"), jdbc);
        assertThat(jdbc.sql("select name from q_division where register_id = ? and division_id = 'licensing'")
                        .param(register)
                        .query(String.class)
                        .single())
                .isEqualTo("Отдел лицензионного контроля");
    }

    /**
     * A rebuild sends runs of plain inserts as COPY, whose text format escapes backslashes, tabs and line breaks: text
     * with them (in the timeline's comments and the history's JSON, where a line break is the JSON escape
     * backslash-n) rebuilds to what the live projection wrote, as do timestamps to the microsecond.
     */
    @Test
    void textWithTabsLineBreaksAndBackslashesRebuildsAsItWasWritten() {
        String register = newRegister();
        for (int i = 0; i < 3; i++) {
            String change = initiate(register, "Сайт " + i);
            ok(api.as("division-head")
                    .post(
                            "/api/v1/changes/" + change + "/rejection",
                            Map.of("reason", "Не нужен " + i + ":\tдубль\r\nсм. \\\\сервер\\папка \"кавычки\" \\N")));
        }
        assertThat(jdbc.sql(
                                "select count(*) from q_change_timeline t join q_change c using (change_id)"
                                        + " where c.register_id = ? and t.comment like '%' || chr(9) || '%' || chr(10) || '%\\N'")
                        .param(register)
                        .query(Long.class)
                        .single())
                .as("the live timeline has the comments as sent")
                .isEqualTo(3);

        ReadModels.assertARebuildChangesNothing(api.as("admin"), jdbc);
    }

    @Test
    void everyReadModelTableIsComparedAfterARebuild() {
        // a new q_ table must join ReadModels.TABLES, or the rebuild comparison would silently skip it
        List<String> readModelTables = jdbc.sql("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() and table_name like 'q!_%' escape '!'")
                .query(String.class)
                .list();
        assertThat(readModelTables).isNotEmpty();
        assertThat(ReadModels.TABLES.keySet()).containsExactlyInAnyOrderElementsOf(readModelTables);
        // and a rebuild writes fresh copies of every one of them: a table the rebuild does not know would keep its
        // rows while the others start again (a table of a group that is not rebuilt would go to a list of its own)
        assertThat(org.touchpoints.register.query.config.Projections.REBUILT_TABLES)
                .as("the tables a rebuild replaces")
                .containsExactlyInAnyOrderElementsOf(readModelTables);
        assertThat(jdbc.sql("select count(*) from information_schema.schemata where schema_name like 'rebuild%'")
                        .query(Long.class)
                        .single())
                .as("no fresh tables left beside the live ones")
                .isZero();
    }

    @Test
    void aRebuildKeepsTheNamesOfEveryIndexAndConstraint() {
        // migrations drop and replace indexes by name (V8_60: q_division_process_key): after a rebuild the fresh
        // tables must carry the same names, or such a migration would miss its index and leave the old one in place
        String indexes = "select tablename || ' ' || indexname || ' ' || indexdef from pg_indexes"
                + " where schemaname = 'public' and tablename like 'q!_%' escape '!' order by 1";
        String constraints = "select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                + " from pg_constraint where connamespace = 'public'::regnamespace"
                + " and conrelid::regclass::text like 'q!_%' escape '!' order by 1";
        List<String> indexesBefore = jdbc.sql(indexes).query(String.class).list();
        List<String> constraintsBefore =
                jdbc.sql(constraints).query(String.class).list();
        assertThat(indexesBefore).anyMatch(i -> i.contains("q_division_process_key"));

        ReadModels.rebuild(api.as("admin"));

        // the fresh tables are filled unlogged and without their secondary indexes: both come back before the switch
        assertThat(jdbc.sql(indexes).query(String.class).list()).containsExactlyElementsOf(indexesBefore);
        assertThat(jdbc.sql(constraints).query(String.class).list()).containsExactlyElementsOf(constraintsBefore);
        assertThat(jdbc.sql("select relname || ' ' || relpersistence::text from pg_class"
                                + " where relnamespace = 'public'::regnamespace and relname like 'q!_%' escape '!'"
                                + " and relkind in ('r', 'i', 'S') and relpersistence <> 'p'")
                        .query(String.class)
                        .list())
                .as("every read-model table, index and sequence is logged (survives a crash) after a rebuild")
                .isEmpty();
    }

    @Test
    void rowsKeepTheirEntryOrderThroughARebuildAndRowsAddedAfterComeLast() throws Exception {
        // a row's entry_no is its column's default (q_row_entry_seq), so the rebuild sends row inserts as COPY: the
        // order of the rows of each register (imported, then added by changes, registers interleaved) must be the
        // live one, and the fresh table's sequence must carry on after the switch under the same name
        byte[] csv = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv"));
        String a = newRegister();
        String b = newRegister();
        ok(api.as("admin").postMultipart("/api/v1/registers/" + a + "/import", "gzhi.csv", csv));
        approvedChange(a, "Сайт");
        ok(api.as("admin").postMultipart("/api/v1/registers/" + b + "/import", "gzhi.csv", csv));
        approvedChange(b, "Телефон");
        approvedChange(a, "Чат-бот");
        String order = "select row_id from q_row where register_id = ? order by entry_no";
        String sequences = "select relname from pg_class where relnamespace = 'public'::regnamespace"
                + " and relkind = 'S' and relname like 'q!_%' escape '!' order by 1";
        String entryDefault = "select pg_get_serial_sequence('q_row', 'entry_no') || ' ' || column_default"
                + " from information_schema.columns where table_schema = 'public' and table_name = 'q_row'"
                + " and column_name = 'entry_no'";
        List<String> aBefore = jdbc.sql(order).param(a).query(String.class).list();
        List<String> bBefore = jdbc.sql(order).param(b).query(String.class).list();
        List<String> sequencesBefore = jdbc.sql(sequences).query(String.class).list();
        assertThat(aBefore).hasSize(bBefore.size() + 1).hasSizeGreaterThan(60);
        assertThat(jdbc.sql(entryDefault).query(String.class).single())
                .isEqualTo("public.q_row_entry_seq nextval('q_row_entry_seq'::regclass)");

        ReadModels.rebuild(api.as("admin"));

        assertThat(jdbc.sql(order).param(a).query(String.class).list()).containsExactlyElementsOf(aBefore);
        assertThat(jdbc.sql(order).param(b).query(String.class).list()).containsExactlyElementsOf(bBefore);
        assertThat(jdbc.sql(sequences).query(String.class).list()).containsExactlyElementsOf(sequencesBefore);
        assertThat(jdbc.sql(entryDefault).query(String.class).single())
                .isEqualTo("public.q_row_entry_seq nextval('q_row_entry_seq'::regclass)");

        approvedChange(b, "Виджет обратной связи");
        List<String> bAfter = jdbc.sql(order).param(b).query(String.class).list();
        assertThat(bAfter).hasSize(bBefore.size() + 1).startsWith(bBefore.toArray(String[]::new));
        assertThat(jdbc.sql("select max(entry_no) = (select entry_no from q_row where register_id = ? and row_id = ?)"
                                + " from q_row")
                        .params(b, bAfter.get(bAfter.size() - 1))
                        .query(Boolean.class)
                        .single())
                .as("the row added after the rebuild has the highest entry number of all")
                .isTrue();
    }

    /**
     * The history takes each event's JSON from the event store (the event serializer's, not written again): every
     * entry holds the event as recorded (an event of an older shape as it was, as the history wrote it live then),
     * and an event of today's shape as the application's own JSON mapper writes it, as the history held it before.
     */
    @Test
    void theHistoryHoldsEachEventAsRecordedWhichIsTheApplicationsJsonOfIt() throws Exception {
        String register = newRegister();
        ok(api.as("admin")
                .postMultipart(
                        "/api/v1/registers/" + register + "/import",
                        "gzhi.csv",
                        java.nio.file.Files.readAllBytes(
                                java.nio.file.Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv"))));
        approvedChange(register, "Сайт");
        String rejected = initiate(register, "Чат-бот");
        ok(api.as("division-head").post("/api/v1/changes/" + rejected + "/rejection", Map.of("reason", "Не нужен")));
        ok(api.as("publisher")
                .post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.gov.ru/v1")));
        ReadModels.rebuild(api.as("admin"));

        assertThat(jdbc.sql("""
                        select h.register_id || ' ' || h.sequence from q_history h
                        join domain_event_entry e
                          on e.aggregate_identifier = h.register_id and e.sequence_number = h.sequence
                        where h.payload <> convert_from(e.payload, 'UTF8')::jsonb""").query(String.class).list())
                .as("history entries whose payload is not the event as recorded")
                .isEmpty();

        List<Object[]> events = jdbc.sql("""
                        select payload_type, payload_revision, payload from domain_event_entry
                        where aggregate_identifier = ? order by sequence_number""")
                .param(register)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)})
                .list();
        assertThat(events).hasSizeGreaterThan(60);
        for (Object[] e : events) {
            Object event = eventSerializer.deserialize(
                    new SimpleSerializedObject<>((byte[]) e[2], byte[].class, (String) e[0], (String) e[1]));
            assertThat(mapper.readTree(mapper.writeValueAsString(event)))
                    .as("an event of today's shape as recorded is as the application writes it: %s", e[0])
                    .isEqualTo(mapper.readTree((byte[]) e[2]));
        }
    }
}
