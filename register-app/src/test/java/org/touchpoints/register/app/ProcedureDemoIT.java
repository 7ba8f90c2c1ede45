package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Demo mode loads the five authorities; each demo register's procedure walked end to end over HTTP (seeds 000–004).
 * The clock starts on Monday 16.12.2024.
 */
@ActiveProfiles("demo")
class ProcedureDemoIT extends ApplicationIT {
    static final String SERVICES = "Предоставление государственных услуг";
    static final String CONTROL = "Государственный контроль (надзор)";

    private static Map<String, Object> add(
            String direction, String process, String touchpoint, String channel, List<Integer> needs) {
        return Map.of(
                "kind",
                "ADD",
                "reason",
                "NEW_TOUCHPOINT",
                "row",
                Map.of(
                        "direction",
                        direction,
                        "process",
                        process,
                        "touchpoint",
                        Map.of("name", touchpoint, "channel", channel),
                        "needs",
                        needs));
    }

    private String propose(String register, String by, Object body) {
        Api.Response r = api.as(by).post("/api/v1/registers/" + register + "/changes", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("changeId").asString();
    }

    private JsonNode change(String id) {
        return api.as("auditor").get("/api/v1/changes/" + id).json();
    }

    private JsonNode rowOf(String register, String touchpointStart) {
        for (JsonNode row :
                api.as("auditor").get("/api/v1/registers/" + register + "/rows").json()) {
            if (row.get("touchpoint").get("name").asString().startsWith(touchpointStart)) {
                return row;
            }
        }
        return null;
    }

    private JsonNode deadline(String register, String change) {
        for (JsonNode d : api.as("auditor")
                .get("/api/v1/deadlines?registerId=" + register)
                .json()) {
            if (d.get("changeId").asString().equals(change)) {
                return d;
            }
        }
        return null;
    }

    private static List<String> events(JsonNode change) {
        List<String> list = new ArrayList<>();
        change.get("timeline").forEach(t -> list.add(t.get("event").asString()));
        return list;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }

    @Test
    void demoModeLoadsTheFiveAuthoritiesEachWithItsProcedure() {
        Map<String, String> presets = new LinkedHashMap<>();
        presets.put("dagestan-minstroy", "DAGESTAN_MINSTROY");
        presets.put("astrakhan-gzhn", "ASTRAKHAN_GZHN");
        presets.put("novosibirsk-gsn", "NOVOSIBIRSK_GSN");
        presets.put("smolensk-minpromtorg", "SMOLENSK_MINPROMTORG");
        presets.forEach((id, preset) -> {
            JsonNode r = api.as("auditor").get("/api/v1/registers/" + id).json();
            assertThat(r.get("procedure").get("preset").asString()).as(id).isEqualTo(preset);
            assertThat(r.get("rowCount").asInt()).as(id).isPositive();
        });
        JsonNode smolensk =
                api.as("auditor").get("/api/v1/registers/smolensk-gzhi").json();
        assertThat(smolensk.get("rowCount").asInt()).isEqualTo(64);
        assertThat(smolensk.get("procedure").get("preset").isNull()).isTrue();
        assertThat(texts(smolensk.get("procedure").get("approvalSteps"))).containsExactly("DIVISION_HEAD", "DEPUTY");
        assertThat(smolensk.get("procedure").get("approvalAct").asString()).isEqualTo("OPTIONAL");
        assertThat(smolensk.get("procedure").get("deadlineWorkingDays").asInt()).isEqualTo(10);
        assertThat(smolensk.get("procedure").get("needs")).hasSize(10);
        JsonNode minpromtorg =
                api.as("auditor").get("/api/v1/registers/smolensk-minpromtorg").json();
        // the real table at the end of seed 004 has 19 rows (other tests of this context may have added some since)
        assertThat(minpromtorg.get("rowCount").asInt()).isGreaterThanOrEqualTo(19);
        List<String> processes = new ArrayList<>();
        api.as("auditor")
                .get("/api/v1/registers/smolensk-minpromtorg/rows")
                .json()
                .forEach(row -> processes.add(row.get("process").asString()));
        assertThat(processes)
                .contains(
                        "Информирование",
                        "Консультирование",
                        "Профилактический визит",
                        "Досудебное обжалование результатов проверки");
        assertThat(minpromtorg.get("template").asString()).isEqualTo("FIVE_COLUMN");
        assertThat(minpromtorg.get("procedure").get("needs")).hasSize(9);
        JsonNode novosibirsk =
                api.as("auditor").get("/api/v1/registers/novosibirsk-gsn").json();
        assertThat(novosibirsk.get("timeZone").asString()).isEqualTo("Asia/Novosibirsk");
        assertThat(texts(novosibirsk.get("procedure").get("approvalSteps"))).containsExactly("DIVISION_HEAD", "DEPUTY");
        assertThat(novosibirsk.get("procedure").get("approvalAct").asString()).isEqualTo("REQUIRED");
        assertThat(novosibirsk.get("procedure").get("deadlineFrom").asString()).isEqualTo("APPROVAL_ACT");
        assertThat(novosibirsk.get("procedure").get("directions")).hasSize(7);
    }

    @Test
    void smolenskGzhiRunsItsChainAsEver() {
        String id = propose(
                "smolensk-gzhi", "initiator", add(SERVICES, LICENSING_PROCESS, "Канал в MAX", "DIGITAL", List.of(1)));
        assertThat(change(id).get("pendingStep").asString()).isEqualTo("DIVISION_HEAD");
        assertThat(texts(change(id).get("procedureSteps"))).containsExactly("DIVISION_HEAD", "DEPUTY");
        assertThat(ok(api.as("division-head").post("/api/v1/changes/" + id + "/division-approval", "{}"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DIVISION_APPROVED");
        assertThat(change(id).get("pendingStep").asString()).isEqualTo("DEPUTY");
        JsonNode approved = ok(api.as("deputy")
                        .post("/api/v1/changes/" + id + "/deputy-approval", Map.of("orderNumber", "15-п")))
                .json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("dueDate").asString()).isEqualTo("2025-01-14");
        JsonNode after = change(id);
        assertThat(after.has("pendingStep")).isTrue();
        assertThat(after.get("pendingStep").isNull()).isTrue();
        assertThat(events(after)).containsExactly("ChangeInitiated", "DivisionApproved", "DeputyApproved");
    }

    @Test
    void dagestanMinisterApprovesWhatTheDivisionProposes() {
        String process = "Выдача разрешений на строительство";
        Api.Response outside = api.as("dag-specialist")
                .post(
                        "/api/v1/registers/dagestan-minstroy/changes",
                        add(CONTROL, process, "Telegram-канал Минстроя", "DIGITAL", List.of(1)));
        assertThat(outside.status())
                .as("a direction worded otherwise than 001 §3.4")
                .isEqualTo(400);
        assertThat(outside.json().get("rule").asString()).isEqualTo("rowFitsTheProcedure");

        String id = propose(
                "dagestan-minstroy",
                "dag-specialist",
                add(SERVICES, process, "Telegram-канал Минстроя", "DIGITAL", List.of(1, 2)));
        assertThat(change(id).get("pendingStep").asString()).isEqualTo("HEAD_OF_AUTHORITY");
        Api.Response byHead = api.as("dag-head").post("/api/v1/changes/" + id + "/approval", "{}");
        assertThat(byHead.status()).isEqualTo(403);
        assertThat(byHead.json().get("rule").asString()).isEqualTo("onlyTheHeadOfTheAuthorityApproves");
        JsonNode approved = ok(api.as("dag-minister")
                        .post("/api/v1/changes/" + id + "/approval", Map.of("comment", "Утверждаю")))
                .json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("dueDate").asString()).isNotBlank();
        assertThat(rowOf("dagestan-minstroy", "Telegram-канал Минстроя")).isNotNull();
        assertThat(events(change(id))).containsExactly("ChangeInitiated", "ChangeApproved");
    }

    @Test
    void astrakhanAuthorisedPersonEntersAndTheHeadOfTheServiceApproves() {
        JsonNode phone = rowOf("astrakhan-gzhn", "Телефон приёмной");
        Map<String, Object> edit = Map.of(
                "kind",
                "EDIT",
                "rowId",
                phone.get("rowId").asString(),
                "reason",
                "NEEDS_CHANGED",
                "row",
                Map.of(
                        "direction",
                        "Рассмотрение обращений и запросов",
                        "process",
                        phone.get("process").asString(),
                        "touchpoint",
                        Map.of("name", "Телефон приёмной", "channel", "OFFLINE", "address", "+7 (8512) 52-00-00"),
                        "needs",
                        List.of(1, 2)));
        Api.Response byDivision = api.as("ast-head-division").post("/api/v1/registers/astrakhan-gzhn/changes", edit);
        assertThat(byDivision.status()).isEqualTo(403);
        Map<String, Object> wrongGround = new LinkedHashMap<>(edit);
        wrongGround.put("reason", "PROCESS_REGISTRY_CHANGED");
        Api.Response refused = api.as("ast-responsible").post("/api/v1/registers/astrakhan-gzhn/changes", wrongGround);
        assertThat(refused.status()).as("002 §5.3 has two grounds").isEqualTo(400);
        assertThat(refused.json().get("rule").asString()).isEqualTo("reasonIsAllowedByTheProcedure");

        String id = propose("astrakhan-gzhn", "ast-responsible", edit);
        assertThat(change(id).get("pendingStep").asString()).isEqualTo("HEAD_OF_AUTHORITY");
        JsonNode approved = ok(api.as("ast-chief").post("/api/v1/changes/" + id + "/approval", "{}"))
                .json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("dueDate").isNull())
                .as("002 sets no publication deadline")
                .isTrue();
        assertThat(deadline("astrakhan-gzhn", id)).isNull();
    }

    @Test
    void novosibirskOrderOfTheInspectionApprovesTwoChangesAndTheDeadlineCountsFromItsDate() {
        clock.set(Instant.parse("2024-12-16T05:00:00Z")); // Mon 16.12.2024, 12:00 in Novosibirsk
        String process = "Региональный государственный строительный надзор";
        String first = propose(
                "novosibirsk-gsn",
                "nsk-specialist",
                add(CONTROL, process, "Telegram-канал инспекции", "DIGITAL", List.of(1)));
        String second = propose(
                "novosibirsk-gsn",
                "nsk-specialist",
                add(CONTROL, process, "ВКонтакте инспекции", "DIGITAL", List.of(1, 2)));
        for (String id : List.of(first, second)) {
            assertThat(ok(api.as("nsk-head").post("/api/v1/changes/" + id + "/division-approval", "{}"))
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("DIVISION_APPROVED");
            JsonNode byDeputy = ok(api.as("nsk-deputy").post("/api/v1/changes/" + id + "/deputy-approval", "{}"))
                    .json();
            assertThat(byDeputy.get("status").asString()).isEqualTo("AWAITING_APPROVAL_ACT");
            assertThat(byDeputy.get("pendingStep").asString()).isEqualTo("APPROVAL_ACT");
            JsonNode c = change(id);
            assertThat(c.get("status").asString()).isEqualTo("AWAITING_APPROVAL_ACT");
            assertThat(c.get("pendingStep").asString()).isEqualTo("APPROVAL_ACT");
            assertThat(c.has("dueDate")).as("no deadline before the act").isFalse();
            assertThat(deadline("novosibirsk-gsn", id)).isNull();
        }
        assertThat(rowOf("novosibirsk-gsn", "Telegram-канал инспекции"))
                .as("not in the register before the act")
                .isNull();
        String pending = propose(
                "novosibirsk-gsn",
                "nsk-specialist",
                add(CONTROL, process, "Одноклассники инспекции", "DIGITAL", List.of(1)));

        clock.set(Instant.parse("2024-12-19T05:00:00Z")); // Thu 19.12.2024 in Novosibirsk
        String acts = "/api/v1/registers/novosibirsk-gsn/approval-acts";
        Api.Response future = api.as("nsk-deputy")
                .post(acts, Map.of("number", "120-п", "date", "2024-12-20", "changeIds", List.of(first, second)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("rule").asString()).isEqualTo("actIsNotDatedInTheFuture");
        Api.Response early = api.as("nsk-deputy")
                .post(acts, Map.of("number", "120-п", "date", "2024-12-15", "changeIds", List.of(first, second)));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("rule").asString()).isEqualTo("actNotBeforeTheLastApproval");
        Api.Response notAwaiting = api.as("nsk-deputy")
                .post(
                        acts,
                        Map.of("number", "120-п", "date", "2024-12-18", "changeIds", List.of(first, second, pending)));
        assertThat(notAwaiting.status()).isEqualTo(409);
        assertThat(notAwaiting.json().get("rule").asString()).isEqualTo("actCoversOnlyChangesAwaitingIt");
        assertThat(api.as("auditor").get(acts).json()).as("nothing recorded").isEmpty();
        assertThat(change(first).get("status").asString()).isEqualTo("AWAITING_APPROVAL_ACT");

        // the order is dated two days after the deputy's approval
        Api.Response act = api.as("nsk-deputy")
                .post(
                        acts,
                        Map.of(
                                "actId",
                                "nsk-120",
                                "number",
                                "120-п",
                                "date",
                                "2024-12-18",
                                "changeIds",
                                List.of(first, second)));
        assertThat(act.status()).as(act.toString()).isEqualTo(201);
        assertThat(act.json().get("actId").asString()).isEqualTo("nsk-120");
        assertThat(texts(act.json().get("changeIds"))).containsExactly(first, second);
        for (String id : List.of(first, second)) {
            JsonNode c = change(id);
            assertThat(c.get("status").asString()).isEqualTo("APPROVED");
            assertThat(c.get("approvalActId").asString()).isEqualTo("nsk-120");
            // 5 working days from the act's date (003 §3.1): Dec 19, 20, 23, 24, 25 — not Dec 23 from the deputy's
            // click
            assertThat(c.get("dueDate").asString()).isEqualTo("2024-12-25");
            assertThat(deadline("novosibirsk-gsn", id).get("approvedOn").asString())
                    .isEqualTo("2024-12-18");
        }
        assertThat(rowOf("novosibirsk-gsn", "Telegram-канал инспекции")).isNotNull();
        assertThat(rowOf("novosibirsk-gsn", "ВКонтакте инспекции")).isNotNull();
        JsonNode listed = api.as("auditor").get(acts).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("number").asString()).isEqualTo("120-п");
        assertThat(listed.get(0).get("date").asString()).isEqualTo("2024-12-18");
        Api.Response again = api.as("nsk-deputy")
                .post(
                        acts,
                        Map.of(
                                "actId",
                                "nsk-120",
                                "number",
                                "120-п",
                                "date",
                                "2024-12-18",
                                "changeIds",
                                List.of(first, second)));
        assertThat(again.status()).as("a retry records nothing new").isEqualTo(201);
        assertThat(api.as("auditor").get(acts).json()).hasSize(1);

        JsonNode published = ok(api.as("nsk-publisher")
                        .post(
                                "/api/v1/registers/novosibirsk-gsn/publications",
                                Map.of("url", "https://gsn.nso.ru/page/47")))
                .json();
        assertThat(texts(published.get("coveredChangeIds"))).contains(first, second);
        int version = published.get("version").asInt();
        String docx = documentXml(
                api.as("auditor").bytes("/api/v1/registers/novosibirsk-gsn/export?format=docx&version=" + version));
        assertThat(docx)
                .as("the version names the act that approved its changes")
                .contains("УТВЕРЖДЕН")
                .contains("приказом от 18.12.2024 № 120-п");
    }

    private static String documentXml(byte[] docx) {
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no word/document.xml");
    }

    @Test
    void minpromtorgRefusesADigitalPhone() {
        String process =
                rowOf("smolensk-minpromtorg", "Почта России").get("process").asString();
        Api.Response phone = api.as("mpt-specialist")
                .post(
                        "/api/v1/registers/smolensk-minpromtorg/changes",
                        add(CONTROL, process, "Телефон горячей линии", "DIGITAL", List.of(1)));
        assertThat(phone.status()).as(phone.toString()).isEqualTo(400);
        assertThat(phone.json().get("rule").asString()).isEqualTo("touchpointTypeFitsItsChannel");
        JsonNode error = phone.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("row.touchpoint.channel");
        assertThat(error.get("message").asString()).startsWith("Телефон — офлайн-точка:");

        Api.Response typed = api.as("mpt-specialist")
                .post(
                        "/api/v1/registers/smolensk-minpromtorg/changes",
                        Map.of(
                                "kind",
                                "ADD",
                                "reason",
                                "NEW_TOUCHPOINT",
                                "row",
                                Map.of(
                                        "process",
                                        process,
                                        "touchpoint",
                                        Map.of("name", "Справочная", "channel", "DIGITAL", "type", "phone"),
                                        "needs",
                                        List.of(1))));
        assertThat(typed.status()).as(typed.toString()).isEqualTo(400);
        assertThat(typed.json().get("errors").get(0).get("field").asString()).isEqualTo("row.touchpoint.channel");
        assertThat(typed.json().get("errors").get(0).get("message").asString()).startsWith("Телефон — офлайн-точка:");

        Api.Response unknown = api.as("mpt-specialist")
                .post(
                        "/api/v1/registers/smolensk-minpromtorg/changes",
                        Map.of(
                                "kind",
                                "ADD",
                                "reason",
                                "NEW_TOUCHPOINT",
                                "row",
                                Map.of(
                                        "process",
                                        process,
                                        "touchpoint",
                                        Map.of("name", "Факс", "channel", "OFFLINE", "type", "fax"),
                                        "needs",
                                        List.of(1))));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("row.touchpoint.type");
    }

    @Test
    void minpromtorgAuthorisedPersonsVerifyAndAnOrderOfTheMinistryApproves() {
        clock.set(Instant.parse("2024-12-16T07:00:00Z"));
        Api.Response ninth = api.as("mpt-responsible")
                .post(
                        "/api/v1/registers/smolensk-minpromtorg/changes",
                        add(CONTROL, "Консультирование", "Telegram-канал министерства", "DIGITAL", List.of(2, 5)));
        assertThat(ninth.status())
                .as("004 §2.6 has no separate «о ходе рассмотрения»")
                .isEqualTo(400);
        assertThat(ninth.json().get("rule").asString()).isEqualTo("rowFitsTheProcedure");

        String added = propose(
                "smolensk-minpromtorg",
                "mpt-responsible",
                add(CONTROL, "Консультирование", "Telegram-канал министерства", "DIGITAL", List.of(2)));
        assertThat(change(added).get("pendingStep").asString()).isEqualTo("RESPONSIBLE");
        Api.Response own = api.as("mpt-responsible").post("/api/v1/changes/" + added + "/approval", "{}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("rule").asString()).isEqualTo("nobodyApprovesTheirOwnChange");
        JsonNode verified = ok(api.as("mpt-responsible2").post("/api/v1/changes/" + added + "/approval", "{}"))
                .json();
        assertThat(verified.get("status").asString()).isEqualTo("AWAITING_APPROVAL_ACT");

        JsonNode post = rowOf("smolensk-minpromtorg", "Почта России");
        String removed = propose(
                "smolensk-minpromtorg",
                "mpt-specialist",
                Map.of("kind", "REMOVE", "rowId", post.get("rowId").asString(), "reason", "TOUCHPOINT_EXCLUDED"));
        ok(api.as("mpt-responsible").post("/api/v1/changes/" + removed + "/approval", "{}"));

        clock.set(Instant.parse("2024-12-17T07:00:00Z"));
        Api.Response act = api.as("mpt-responsible2")
                .post(
                        "/api/v1/registers/smolensk-minpromtorg/approval-acts",
                        Map.of("number", "31/а-а", "date", "2024-12-17", "changeIds", List.of(added, removed)));
        assertThat(act.status()).as(act.toString()).isEqualTo(201);
        for (String id : List.of(added, removed)) {
            JsonNode c = change(id);
            assertThat(c.get("status").asString()).isEqualTo("APPROVED");
            // 10 working days from 17.12.2024 (004 §5.4): Dec 18–20, 23–27, Sat Dec 28, Jan 9
            assertThat(c.get("dueDate").asString()).isEqualTo("2025-01-09");
        }
        assertThat(rowOf("smolensk-minpromtorg", "Telegram-канал министерства")).isNotNull();
    }

    @Test
    void aPresetFillsEveryFieldAndFieldsBesideItOverride() {
        String id = "preset-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                id,
                                "authority",
                                "ГЖИ Смоленской области",
                                "procedure",
                                Map.of("preset", "SMOLENSK_GZHI")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode r = api.as("admin").get("/api/v1/registers/" + id).json();
        assertThat(r.get("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(r.get("template").asString()).isEqualTo("SIX_COLUMN");
        JsonNode p = r.get("procedure");
        assertThat(texts(p.get("approvalSteps"))).containsExactly("DEPUTY");
        assertThat(p.get("needs")).as("000 §2.7").hasSize(9);
        assertThat(texts(p.get("reasons"))).as("000 §3.3").hasSize(3);
        assertThat(p.get("annualReviewBy").isNull()).isTrue();

        String other = id + "-b";
        ok(api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                other,
                                "authority",
                                "Инспекция",
                                "publicationDeadlineWorkingDays",
                                5,
                                "procedure",
                                Map.of(
                                        "preset",
                                        "DAGESTAN_MINSTROY",
                                        "approvalSteps",
                                        List.of("DIVISION_HEAD", "HEAD_OF_AUTHORITY")))));
        JsonNode q = api.as("admin").get("/api/v1/registers/" + other).json().get("procedure");
        assertThat(texts(q.get("approvalSteps"))).containsExactly("DIVISION_HEAD", "HEAD_OF_AUTHORITY");
        assertThat(q.get("deadlineWorkingDays").asInt())
                .as("the old body's deadline")
                .isEqualTo(5);
        assertThat(q.get("annualReviewBy").asString()).isEqualTo("12-31");

        Api.Response invalid = api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                id + "-c",
                                "authority",
                                "Х",
                                "procedure",
                                Map.of(
                                        "preset",
                                        "NOVOSIBIRSK_GSN",
                                        "deadlineWorkingDays",
                                        31,
                                        "approvalSteps",
                                        List.of("DEPUTY", "DEPUTY"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("procedure.deadlineWorkingDays", "procedure.approvalSteps");
    }

    @Test
    void aChangeInTheChainFinishesUnderTheProcedureItStartedWith() {
        String register = newRegister();
        String id = initiate(register, "Канал в MAX");
        ok(api.as("division-head").post("/api/v1/changes/" + id + "/division-approval", "{}"));
        Api.Response put = api.as("admin")
                .send(
                        "PUT",
                        "/api/v1/registers/" + register + "/procedure",
                        "application/json",
                        "{\"preset\":\"NOVOSIBIRSK_GSN\",\"directions\":[\"Предоставление государственных услуг\"]}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(api.as("admin")
                        .get("/api/v1/registers/" + register)
                        .json()
                        .get("procedure")
                        .get("approvalAct")
                        .asString())
                .isEqualTo("REQUIRED");
        JsonNode approved = ok(api.as("deputy").post("/api/v1/changes/" + id + "/deputy-approval", "{}"))
                .json();
        assertThat(approved.get("status").asString())
                .as("started under today's procedure: no act")
                .isEqualTo("APPROVED");
        assertThat(approved.get("dueDate").asString())
                .as("10 working days as it started")
                .isEqualTo("2025-01-14");

        String next = initiate(register, "Канал во ВКонтакте");
        ok(api.as("division-head").post("/api/v1/changes/" + next + "/division-approval", "{}"));
        assertThat(ok(api.as("deputy").post("/api/v1/changes/" + next + "/approval", "{}"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("AWAITING_APPROVAL_ACT");
        Api.Response history = api.as("auditor").get("/api/v1/registers/" + register + "/history");
        assertThat(history.body()).contains("ProcedureChanged", "StepApproved");
        assertThat(api.as("auditor").get("/api/v1/admin/audit").body())
                .as("the administrator's change is audited")
                .contains("PROCEDURE_CHANGED", register, "NOVOSIBIRSK_GSN");
        Api.Response notAdmin = api.as("deputy")
                .send(
                        "PUT",
                        "/api/v1/registers/" + register + "/procedure",
                        "application/json",
                        "{\"preset\":\"NOVOSIBIRSK_GSN\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notAdmin.status()).isEqualTo(403);
    }

    @Test
    void annualMonitoringOnlyWhereTheProcedureHasItAndALateConfirmationShowsAsLate() {
        clock.set(Instant.parse("2025-01-10T09:00:00Z"));
        assertThat(api.as("auditor")
                        .get("/api/v1/annual-reviews?year=2024&registerId=novosibirsk-gsn")
                        .json())
                .as("003 has no annual monitoring: nothing overdue on 1 January")
                .isEmpty();
        Api.Response refused = api.as("nsk-head")
                .post(
                        "/api/v1/registers/novosibirsk-gsn/annual-reviews",
                        Map.of("division", "supervision", "year", 2024));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rule").asString()).isEqualTo("annualReviewIsPartOfTheProcedure");

        JsonNode before = api.as("auditor")
                .get("/api/v1/annual-reviews?year=2024&registerId=dagestan-minstroy")
                .json();
        assertThat(before).isNotEmpty();
        assertThat(before.get(0).get("status").asString()).isEqualTo("OVERDUE");
        assertThat(api.as("dag-head")
                        .post(
                                "/api/v1/registers/dagestan-minstroy/annual-reviews",
                                Map.of("division", "permits", "year", 2024))
                        .status())
                .isEqualTo(201);
        for (JsonNode r : api.as("auditor")
                .get("/api/v1/annual-reviews?year=2024&registerId=dagestan-minstroy")
                .json()) {
            if (r.get("division").asString().equals("permits")) {
                assertThat(r.get("status").asString()).isEqualTo("CONFIRMED");
                assertThat(r.get("late").asBoolean())
                        .as("confirmed after 31.12.2024")
                        .isTrue();
                assertThat(r.get("dueDate").asString()).isEqualTo("2024-12-31");
            }
        }
    }
}
