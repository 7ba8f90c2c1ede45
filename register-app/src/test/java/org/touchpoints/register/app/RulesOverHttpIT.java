package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The rules refuse over HTTP with the right status, a Russian problem detail, and nothing recorded. */
class RulesOverHttpIT extends ApplicationIT {

    @Autowired
    EventStore eventStore;

    @Test
    void theHeadOfAnotherDivisionGets403AndNothingIsRecorded() {
        String register = newRegister();
        String change = initiate(register, "Сайт");
        long before = eventCount(register);
        Api.Response r = api.as("other-head").post("/api/v1/changes/" + change + "/division-approval", "{}");
        assertProblem(r, 403, "onlyTheInitiatingDivisionsHeadApproves");
        assertThat(eventCount(register)).isEqualTo(before);
    }

    @Test
    void aSpecialistOfAnotherDivisionCannotInitiate() {
        String register = newRegister();
        Api.Response r = api.as("other-initiator").post("/api/v1/registers/" + register + "/changes", addRow("Сайт"));
        assertProblem(r, 403, "onlyMembersOfTheOwningDivisionInitiate");
    }

    @Test
    void theDeputyBeforeTheHeadGets409() {
        String register = newRegister();
        String change = initiate(register, "Сайт");
        assertProblem(
                api.as("deputy").post("/api/v1/changes/" + change + "/deputy-approval", "{}"),
                409,
                "finalApprovalOnlyAfterDivisionApproval");
    }

    @Test
    void aClosedChangeAcceptsNothingMore() {
        String register = newRegister();
        String change = approvedChange(register, "Сайт");
        assertProblem(
                api.as("division-head")
                        .post(
                                "/api/v1/changes/" + change + "/division-approval",
                                java.util.Map.of("comment", "Ещё раз")),
                409,
                "closedChangeAcceptsNothingMore");
        assertProblem(
                api.as("initiator").post("/api/v1/changes/" + change + "/withdrawal", null),
                409,
                "closedChangeAcceptsNothingMore");
    }

    @Test
    void aDuplicateTouchpointInTheProcessGets409() {
        String register = newRegister();
        approvedChange(register, "Официальный сайт");
        Api.Response r =
                api.as("initiator").post("/api/v1/registers/" + register + "/changes", addRow("  официальный   сайт "));
        assertProblem(r, 409, "oneTouchpointPerProcess");
    }

    @Test
    void badInputGets400WithPerFieldMessages() {
        String register = newRegister();
        Api.Response r = api.as("initiator")
                .post(
                        "/api/v1/registers/" + register + "/changes",
                        Map.of(
                                "kind",
                                "ADD",
                                "reason",
                                "NEW_TOUCHPOINT",
                                "row",
                                Map.of(
                                        "direction",
                                        "Предоставление государственных услуг",
                                        "process",
                                        LICENSING_PROCESS,
                                        "touchpoint",
                                        Map.of("name", "", "channel", "DIGITAL"),
                                        "needs",
                                        List.of(0))));
        assertProblem(r, 400, "rowIsComplete");
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("row.touchpoint.name", "row.needs");

        Api.Response wrongType = api.as("initiator")
                .post(
                        "/api/v1/registers/" + register + "/changes",
                        "{\"kind\":\"ADD\",\"reason\":\"NEW_TOUCHPOINT\",\"row\":{\"needs\":\"много\"}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString())
                .isEqualTo("row.needs");

        Api.Response unknownEnum = api.as("initiator")
                .post(
                        "/api/v1/registers/" + register + "/changes",
                        "{\"kind\":\"RENAME\",\"reason\":\"NEW_TOUCHPOINT\"}");
        assertThat(unknownEnum.status()).isEqualTo(400);
        assertThat(unknownEnum.contentType()).startsWith("application/problem+json");

        Api.Response notJson = api.as("initiator").post("/api/v1/registers/" + register + "/changes", "{oops");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("detail").asString()).contains("JSON");
    }

    @Test
    void unknownIdsGet404AndStrangersGet401() {
        assertThat(api.as("initiator")
                        .post("/api/v1/changes/no-such-change/division-approval", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.as("initiator").get("/api/v1/changes/no-such-change").status())
                .isEqualTo(404);
        assertThat(api.as("initiator")
                        .get("/api/v1/registers/no-such-register/rows")
                        .status())
                .isEqualTo(404);
        Api.Response anonymous = api.get("/api/v1/registers");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.as("initiator", "wrong").get("/api/v1/registers").status())
                .isEqualTo(401);
        for (String hostile :
                new String[] {"/api/v1/changes/..%2F..%2Fetc/withdrawal", "/api/v1/changes/%00/withdrawal"}) {
            Api.Response refused = api.as("initiator").post(hostile, null);
            assertThat(refused.status()).as(hostile).isEqualTo(400);
            assertThat(refused.contentType()).as(hostile).startsWith("application/problem+json");
        }
    }

    @Test
    void onlyAnAdministratorCreatesRegistersAndOnlyAuditorsReadTheHistory() {
        Api.Response r = api.as("initiator")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                "sneaky",
                                "authority",
                                "X",
                                "timeZone",
                                "Europe/Moscow",
                                "template",
                                "SIX_COLUMN"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        String register = newRegister();
        assertThat(api.as("initiator")
                        .get("/api/v1/registers/" + register + "/history")
                        .status())
                .isEqualTo(403);
        JsonNode history = ok(api.as("auditor").get("/api/v1/registers/" + register + "/history"))
                .json();
        assertThat(history.get(0).get("event").asString()).isEqualTo("RegisterCreated");
        assertThat(history.get(0).get("by").asString()).isEqualTo("admin");
        assertThat(history.get(0).get("payload").get("timeZone").asString()).isEqualTo("Europe/Moscow");

        Api.Response csv = ok(api.as("auditor").get("/api/v1/registers/" + register + "/history/export"));
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(history.size() + 1);
        assertThat(lines[0]).isEqualTo("\uFEFF№;Время (московское время);Событие;Кто;Изменение;Содержание");
        assertThat(lines[1]).startsWith("0;\"20.12.2024 12:00:00\";\"Перечень создан\";\"Администратор\";");
        assertThat(api.as("initiator")
                        .get("/api/v1/registers/" + register + "/history/export")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aRegisterIdIsTakenOnce() {
        String register = newRegister();
        Api.Response r = api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                register,
                                "authority",
                                "Другой орган",
                                "timeZone",
                                "Europe/Moscow",
                                "template",
                                "SIX_COLUMN"));
        assertProblem(r, 409, "registerIdIsUnique");
    }

    @Test
    void repeatingAnInitiationWithTheSameIdAndBodyRecordsNothingNew() {
        String register = newRegister();
        Map<String, Object> body = new java.util.HashMap<>(addRow("Сайт"));
        body.put("changeId", "same-id-1");
        Api.Response first = api.as("initiator").post("/api/v1/registers/" + register + "/changes", body);
        long after = eventCount(register);
        Api.Response second = api.as("initiator").post("/api/v1/registers/" + register + "/changes", body);
        assertThat(second.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(eventCount(register)).isEqualTo(after);

        body.put("comment", "другое содержание");
        assertProblem(
                api.as("initiator").post("/api/v1/registers/" + register + "/changes", body),
                409,
                "sameChangeIdSameProposal");
    }

    private long eventCount(String register) {
        return eventStore.lastSequenceNumberFor(register).orElse(-1L) + 1;
    }

    private static void assertProblem(Api.Response r, int status, String rule) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("rule").asString()).isEqualTo(rule);
        assertThat(r.json().get("detail").asString()).matches(".*[А-Яа-я].*");
    }
}
