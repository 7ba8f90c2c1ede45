package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A Dagestan register (RU-DA: regional non-working days, overlays loaded for 2024–2026) whose deadline runs into 2027,
 * a year with a federal calendar but no Dagestan overlay: the count is refused naming the region and year; an
 * administrator marks RU-DA 2027 "federal only"; then the change's due date is counted, and the change, the deadline
 * dashboard and its export say it was counted by the federal calendar.
 */
class FederalOnlyCalendarIT extends ApplicationIT {
    @Autowired
    JdbcClient jdbc;

    private static final String FEDERAL_2027 = """
            {"year": 2027, "source": "тестовые данные: праздники ст. 112 ТК РФ без переносов",
             "nonWorkingDays": ["2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08",
                                "2027-02-23", "2027-03-08", "2027-06-14", "2027-11-04"],
             "workingWeekendDays": []}
            """;
    private static final String DUE_DATE =
            "/api/v1/calendar/due-date?madeAt=2026-12-28T09:00:00Z&workingDays=10" + "&zone=Europe/Moscow&region=RU-DA";

    @Test
    void refusedThenMarkedFederalOnlyThenCountedWithTheNote() {
        ok(api.as("admin").post("/api/v1/calendar", FEDERAL_2027));
        String register = dagestanRegister();
        clock.set(Instant.parse("2026-12-28T09:00:00Z")); // Mon 28.12.2026, 12:00 in Makhachkala

        // 1. refused, naming the region and the year
        JsonNode approval = approve(register, "Сайт");
        assertThat(approval.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approval.get("dueDate").isNull()).isTrue();
        assertThat(approval.get("dueDateProblem").asString())
                .startsWith("Срок публикации не рассчитан: Региональный календарь RU-DA на 2027 год не загружен");
        String refused = approval.get("changeId").asString();
        JsonNode change = api.as("auditor").get("/api/v1/changes/" + refused).json();
        assertThat(change.has("dueDate")).isFalse();
        assertThat(change.get("dueDateProblem").asString()).contains("RU-DA на 2027 год");
        Api.Response count = api.get(DUE_DATE);
        assertThat(count.status()).isEqualTo(400);
        assertThat(count.contentType()).startsWith("application/problem+json");
        assertThat(count.json().get("detail").asString())
                .startsWith("Региональный календарь RU-DA на 2027 год не загружен");
        // never silent: the entry stays on the deadline list, at risk, saying why it has no due date
        var entries = api.as("auditor")
                .get("/api/v1/deadlines?registerId=" + register)
                .json();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("status").asString()).isEqualTo("AT_RISK");
        assertThat(entries.get(0).get("dueDateUnknown").asString())
                .isEqualTo("нет регионального календаря RU-DA на 2027 год");
        assertThat(api.as("auditor").get("/changes/" + refused).body())
                .contains("id=\"due-date-problem\"")
                .contains("Региональный календарь RU-DA на 2027 год не загружен");
        assertThat(api.as("auditor").get("/deadlines?registerId=" + register).body())
                .contains("id=\"refused-deadlines\"")
                .contains(refused)
                .contains("Региональный календарь RU-DA на 2027 год не загружен");

        // 2. the mark: only an administrator, only where it means something
        assertThat(api.as("deputy")
                        .post("/api/v1/calendar/2027/federal-only?region=RU-DA", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(api.as("admin")
                        .post("/api/v1/calendar/2027/federal-only?region=RU-SMO", "{}")
                        .status())
                .isEqualTo(409);
        assertThat(api.as("admin")
                        .post("/api/v1/calendar/2025/federal-only?region=RU-DA", "{}")
                        .status())
                .isEqualTo(409);
        assertThat(api.as("admin")
                        .post("/api/v1/calendar/2027/federal-only", "{}")
                        .status())
                .isEqualTo(400);
        Api.Response marked = api.as("admin")
                .post(
                        "/api/v1/calendar/2027/federal-only?region=ru-da",
                        Map.of("reason", "Постановление Правительства РД о нерабочих днях 2027 года не принято"));
        assertThat(marked.status()).isEqualTo(201);
        assertThat(marked.json().get("region").asString()).isEqualTo("RU-DA");
        assertThat(marked.json().get("year").asInt()).isEqualTo(2027);
        assertThat(marked.json().get("markedBy").asString()).isEqualTo("admin");
        assertThat(api.as("admin")
                        .post("/api/v1/calendar/2027/federal-only?region=RU-DA", "{}")
                        .status())
                .as("marked already")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/calendar/federal-only").json().toString())
                .contains("\"RU-DA\"")
                .contains("2027");
        List<JsonNode> audited = new java.util.ArrayList<>();
        api.as("auditor").get("/api/v1/admin/audit").json().forEach(e -> {
            if ("CALENDAR_FEDERAL_ONLY".equals(e.get("action").asString())
                    && "RU-DA 2027".equals(e.get("target").asString())) {
                audited.add(e);
            }
        });
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(audited.get(0).get("details").asString()).contains("о нерабочих днях 2027 года не принято");

        // 3. counted by the federal calendar, and said so: Dec 29, 30 (2), Jan 11–15 (7), 18, 19, 20 (10)
        String note = "срок рассчитан по федеральному календарю: региональный календарь RU-DA на 2027 год не загружен";
        change = api.as("auditor").get("/api/v1/changes/" + refused).json();
        assertThat(change.get("dueDate").asString())
                .as("the refused count is counted at once")
                .isEqualTo("2027-01-20");
        assertThat(change.get("dueDateNote").asString()).startsWith(note);
        assertThat(change.has("dueDateProblem")).isFalse();
        JsonNode answer = ok(api.get(DUE_DATE)).json();
        assertThat(answer.get("dueDate").asString()).isEqualTo("2027-01-20");
        assertThat(answer.get("federalOnly").asBoolean()).isTrue();
        assertThat(answer.get("note").asString()).startsWith(note);

        JsonNode later = approve(register, "Telegram-канал");
        assertThat(later.get("dueDate").asString()).isEqualTo("2027-01-20");
        assertThat(later.get("dueDateNote").asString()).startsWith(note);

        JsonNode deadlines = api.as("auditor")
                .get("/api/v1/deadlines?registerId=" + register)
                .json();
        assertThat(deadlines).hasSize(2);
        deadlines.forEach(d -> {
            assertThat(d.get("dueDate").asString()).isEqualTo("2027-01-20");
            assertThat(d.get("federalOnly").asBoolean()).isTrue();
            assertThat(d.get("note").asString()).startsWith(note);
        });
        String csv = new String(
                api.as("auditor").bytes("/api/v1/deadlines/export?registerId=" + register), StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.contains(refused)).findFirst().orElseThrow())
                .contains(";28.12.2026;20.01.2027;")
                .contains(note);
        assertThat(api.as("auditor").get("/deadlines?registerId=" + register).body())
                .contains(note)
                .doesNotContain("id=\"refused-deadlines\"");
        assertThat(api.as("auditor").get("/changes/" + refused).body())
                .contains("id=\"due-date-note\"")
                .contains(note);

        // a rebuild counts with the mark: the same due dates and notes
        ReadModels.assertARebuildChangesNothing(api.as("admin"), jdbc);
        assertThat(api.as("auditor")
                        .get("/api/v1/changes/" + refused)
                        .json()
                        .get("dueDateNote")
                        .asString())
                .startsWith(note);
    }

    private JsonNode approve(String register, String touchpoint) {
        String changeId = initiate(register, touchpoint);
        ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}"));
        return ok(api.as("deputy").post("/api/v1/changes/" + changeId + "/deputy-approval", "{}"))
                .json();
    }

    private String dagestanRegister() {
        String id = "da-" + UUID.randomUUID().toString().substring(0, 8);
        Api admin = api.as("admin");
        ok(admin.post(
                "/api/v1/registers",
                Map.of(
                        "id",
                        id,
                        "authority",
                        "Министерство строительства, архитектуры и ЖКХ " + "Республики Дагестан",
                        "timeZone",
                        "Europe/Moscow",
                        "template",
                        "SIX_COLUMN",
                        "publicationDeadlineWorkingDays",
                        10,
                        "region",
                        "RU-DA")));
        ok(admin.post(
                "/api/v1/registers/" + id + "/divisions",
                Map.of("id", "licensing", "name", "Отдел лицензирования", "processes", List.of(LICENSING_PROCESS))));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "initiator", "role", "SPECIALIST", "division", "licensing")));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "division-head", "role", "HEAD", "division", "licensing")));
        ok(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "deputy", "role", "DEPUTY")));
        return id;
    }
}
