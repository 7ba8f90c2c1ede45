package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.touchpoints.register.query.register.RegisterReadModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two divisions running one process (000 §2.6, 003 §2.3), over HTTP: refused until the procedure says processes may be
 * shared; then each division proposes the touchpoints of its own actions, each approved by its own head.
 */
class SharedProcessesIT extends ApplicationIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RegisterReadModel registers;

    private Api.Response appealsTakesTheLicensingProcess(String id) {
        return api.as("admin")
                .post(
                        "/api/v1/registers/" + id + "/divisions",
                        Map.of(
                                "id",
                                "appeals",
                                "name",
                                "Отдел обращений",
                                "processes",
                                List.of(APPEALS_PROCESS, LICENSING_PROCESS)));
    }

    private String propose(String registerId, String by, String touchpoint, String channel) {
        Api.Response r = api.as(by)
                .post(
                        "/api/v1/registers/" + registerId + "/changes",
                        Map.of(
                                "kind",
                                "ADD",
                                "reason",
                                "NEW_TOUCHPOINT",
                                "row",
                                row(LICENSING_PROCESS, touchpoint, channel, List.of(1, 2))));
        ok(r);
        return r.json().get("changeId").asString();
    }

    @Test
    void twoDivisionsShareAProcessWhereTheProcedureSaysSoEachApprovedByItsOwnHead() {
        String id = newRegister();
        Api.Response refused = appealsTakesTheLicensingProcess(id);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("oneOwnerPerProcess");

        JsonNode procedure =
                ok(api.as("admin").get("/api/v1/registers/" + id)).json().get("procedure");
        assertThat(procedure.path("sharedProcesses").asBoolean(false)).isFalse();
        ObjectNode sharing = (ObjectNode) procedure.deepCopy();
        sharing.put("sharedProcesses", true);
        ok(api.as("admin")
                .send(
                        "PUT",
                        "/api/v1/registers/" + id + "/procedure",
                        "application/json",
                        JSON.writeValueAsString(sharing).getBytes(StandardCharsets.UTF_8)));
        assertThat(ok(api.as("admin").get("/api/v1/registers/" + id))
                        .json()
                        .get("procedure")
                        .get("sharedProcesses")
                        .asBoolean())
                .isTrue();

        ok(appealsTakesTheLicensingProcess(id));
        assertThat(registers.processesOwnedBy(id, Set.of("appeals"))).contains(LICENSING_PROCESS, APPEALS_PROCESS);
        assertThat(registers.processesOwnedBy(id, Set.of("licensing"))).containsExactly(LICENSING_PROCESS);

        String licensings = propose(id, "initiator", "Официальный сайт", "DIGITAL");
        String appealss = propose(id, "other-initiator", "Личный приём", "OFFLINE");
        assertThat(ok(api.as("auditor").get("/api/v1/changes/" + licensings))
                        .json()
                        .get("division")
                        .asString())
                .isEqualTo("licensing");
        assertThat(ok(api.as("auditor").get("/api/v1/changes/" + appealss))
                        .json()
                        .get("division")
                        .asString())
                .isEqualTo("appeals");

        // each head approves only their own division's touchpoint
        assertThat(api.as("other-head")
                        .post("/api/v1/changes/" + licensings + "/division-approval", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(api.as("division-head")
                        .post("/api/v1/changes/" + appealss + "/division-approval", "{}")
                        .status())
                .isEqualTo(403);
        ok(api.as("division-head").post("/api/v1/changes/" + licensings + "/division-approval", "{}"));
        ok(api.as("other-head").post("/api/v1/changes/" + appealss + "/division-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + licensings + "/deputy-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + appealss + "/deputy-approval", "{}"));

        Map<String, String> divisionByRow = new HashMap<>();
        ok(api.as("auditor").get("/api/v1/registers/" + id + "/rows"))
                .json()
                .forEach(r -> divisionByRow.put(
                        r.get("rowId").asString(), r.path("division").asString()));
        assertThat(divisionByRow).containsEntry(licensings, "licensing").containsEntry(appealss, "appeals");

        // a specialist of one division cannot edit the other's row of the shared process
        Api.Response foreignEdit = api.as("other-initiator")
                .post(
                        "/api/v1/registers/" + id + "/changes",
                        Map.of(
                                "kind",
                                "EDIT",
                                "rowId",
                                licensings,
                                "reason",
                                "NEEDS_CHANGED",
                                "row",
                                row(LICENSING_PROCESS, "Официальный сайт", "DIGITAL", List.of(1, 2, 3))));
        assertThat(foreignEdit.status()).as(foreignEdit.body()).isEqualTo(403);
        assertThat(foreignEdit.body()).contains("onlyMembersOfTheOwningDivisionInitiate");
    }

    @Test
    void anImportedRowOfASharedProcessStaysWithoutADivisionAndIsReported() {
        String id = newRegister();
        JsonNode procedure =
                ok(api.as("admin").get("/api/v1/registers/" + id)).json().get("procedure");
        ObjectNode sharing = (ObjectNode) procedure.deepCopy();
        sharing.put("sharedProcesses", true);
        ok(api.as("admin")
                .send(
                        "PUT",
                        "/api/v1/registers/" + id + "/procedure",
                        "application/json",
                        JSON.writeValueAsString(sharing).getBytes(StandardCharsets.UTF_8)));
        ok(appealsTakesTheLicensingProcess(id));

        String csv = "№,Направление деятельности органа власти,Наименование конкретного процесса,Точка взаимодействия,"
                + "Осуществляемое взаимодействие с клиентом,Особенности взаимодействия с клиентом\n"
                + "1,Предоставление государственных услуг,\"" + LICENSING_PROCESS + "\",Телефон 8 (4812) 29-10-71,"
                + "Получение информации,Взаимодействие в офлайн-точке\n"
                + "2,Рассмотрение обращений и запросов,\"" + APPEALS_PROCESS
                + "\",Электронная почта gzhi@admin-smolensk.ru,"
                + "Получение информации,Взаимодействие в цифровой точке\n";
        Api.Response imported = ok(api.as("admin")
                .postMultipart(
                        "/api/v1/registers/" + id + "/import", "perechen.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        List<String> warnings = new java.util.ArrayList<>();
        imported.json().get("warnings").forEach(w -> {
            if ("division".equals(w.get("field").asString())) {
                warnings.add(w.get("line").asInt() + ": " + w.get("message").asString());
            }
        });
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("2: ").contains("Отдел лицензирования", "Отдел обращений");

        Map<String, String> divisionByProcess = new HashMap<>();
        ok(api.as("auditor").get("/api/v1/registers/" + id + "/rows"))
                .json()
                .forEach(r -> divisionByProcess.put(
                        r.get("process").asString(), r.path("division").asString("")));
        assertThat(divisionByProcess).containsEntry(LICENSING_PROCESS, "").containsEntry(APPEALS_PROCESS, "appeals");
    }
}
