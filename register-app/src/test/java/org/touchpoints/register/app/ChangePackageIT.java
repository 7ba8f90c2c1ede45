package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Change packages over HTTP on a real PostgreSQL: one change of many rows through one chain, in the register at once,
 * published at once; refused whole, naming the operation, when one operation breaks a rule.
 */
class ChangePackageIT extends ApplicationIT {

    private static final String NEW_PROCESS = "Выдача квалификационных аттестатов должностным лицам";

    private static Map<String, Object> add(String process, String touchpoint) {
        return Map.of("kind", "ADD", "row", row(process, touchpoint, "DIGITAL", List.of(1, 2)));
    }

    private Api.Response propose(String register, Map<String, Object> body) {
        return api.as("initiator").post("/api/v1/registers/" + register + "/changes", body);
    }

    private static Map<String, Object> packageOf(String changeId, List<Map<String, Object>> operations) {
        Map<String, Object> body = new HashMap<>();
        if (changeId != null) {
            body.put("changeId", changeId);
        }
        body.put("reason", "PROCESS_REGISTRY_CHANGED");
        body.put("comment", "Новый процесс в реестре процессов");
        body.put("operations", operations);
        return body;
    }

    private List<String> rowNames(String register) {
        List<String> names = new ArrayList<>();
        api.as("initiator")
                .get("/api/v1/registers/" + register + "/rows")
                .json()
                .forEach(r -> names.add(r.get("touchpoint").get("name").asString()));
        return names;
    }

    @Test
    void aProcessWithEightTouchpointsEntersTheRegisterAtOnceAndIsPublishedAtOnce() {
        String register = newRegister();
        String site = approvedChange(register, "Сайт");
        List<Map<String, Object>> ops = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            ops.add(add(NEW_PROCESS, "Точка " + i));
        }
        String changeId = "pkg-" + register;
        Api.Response initiated = propose(register, packageOf(changeId, ops));
        assertThat(initiated.status()).as(initiated.body()).isEqualTo(201);
        assertThat(initiated.json().get("status").asString()).isEqualTo("INITIATED");
        assertThat(propose(register, packageOf(changeId, ops)).status())
                .as("the same package again")
                .isEqualTo(201);

        JsonNode change =
                api.as("division-head").get("/api/v1/changes/" + changeId).json();
        assertThat(change.get("kind").asString()).isEqualTo("PACKAGE");
        assertThat(change.get("operations")).hasSize(8);
        assertThat(change.get("operations").get(0).get("kind").asString()).isEqualTo("ADD");
        assertThat(change.get("operations").get(0).get("rowId").asString()).isEqualTo(changeId + "-1");
        assertThat(change.get("operations")
                        .get(7)
                        .get("after")
                        .get("touchpoint")
                        .get("name")
                        .asString())
                .isEqualTo("Точка 8");
        assertThat(change.get("operations").get(0).has("before")).isFalse();
        assertThat(rowNames(register))
                .as("nothing in the register before the approval")
                .containsExactly("Сайт");

        ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}"));
        assertThat(rowNames(register)).containsExactly("Сайт");
        Api.Response approved = ok(api.as("deputy").post("/api/v1/changes/" + changeId + "/deputy-approval", "{}"));
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("dueDate")).isNotNull();
        assertThat(rowNames(register))
                .containsExactly(
                        "Сайт", "Точка 1", "Точка 2", "Точка 3", "Точка 4", "Точка 5", "Точка 6", "Точка 7", "Точка 8");

        clock.advance(java.time.Duration.ofDays(1));
        Api.Response published = ok(api.as("publisher")
                .post(
                        "/api/v1/registers/" + register + "/publications",
                        Map.of("url", "https://gzhi.admin-smolensk.ru/perechen")));
        List<String> covered = new ArrayList<>();
        published.json().get("coveredChangeIds").forEach(c -> covered.add(c.asString()));
        assertThat(covered).containsExactly(site, changeId);
        JsonNode version = api.as("initiator")
                .get("/api/v1/registers/" + register + "/rows?version=1")
                .json();
        assertThat(version).hasSize(9);
        assertThat(api.as("auditor")
                        .get("/api/v1/changes/" + changeId)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PUBLISHED");

        // the audit trail and its export read the package row by row
        String history = ok(api.as("auditor").get("/api/v1/registers/" + register + "/history/export"))
                .body();
        assertThat(history)
                .contains("Строка 1: Добавление (строка " + changeId + "-1): «Точка 1»")
                .contains("Строка 8: Добавление (строка " + changeId + "-8): «Точка 8»");
    }

    @Test
    void aSingleRowChangeShowsItsOneOperation() {
        String register = newRegister();
        String changeId = initiate(register, "Чат-бот");
        JsonNode change = api.as("initiator").get("/api/v1/changes/" + changeId).json();
        assertThat(change.get("kind").asString()).isEqualTo("ADD");
        assertThat(change.get("rowId").asString()).isEqualTo(changeId);
        assertThat(change.get("after").get("touchpoint").get("name").asString()).isEqualTo("Чат-бот");
        assertThat(change.get("operations")).hasSize(1);
        assertThat(change.get("operations").get(0).get("kind").asString()).isEqualTo("ADD");
        assertThat(change.get("operations").get(0).get("rowId").asString()).isEqualTo(changeId);
        assertThat(change.get("operations").get(0).get("after")).isEqualTo(change.get("after"));
    }

    @Test
    void editAddAndRemoveInOnePackage() {
        String register = newRegister();
        String site = approvedChange(register, "Сайт");
        String phone = approvedChange(register, "Телефон горячей линии");
        String changeId = ok(propose(
                        register,
                        packageOf(
                                null,
                                List.of(
                                        Map.of(
                                                "kind",
                                                "EDIT",
                                                "rowId",
                                                site,
                                                "row",
                                                row(LICENSING_PROCESS, "Официальный сайт", "DIGITAL", List.of(1, 3))),
                                        Map.of("kind", "REMOVE", "rowId", phone),
                                        add(LICENSING_PROCESS, "Telegram-канал")))))
                .json()
                .get("changeId")
                .asString();
        JsonNode ops =
                api.as("initiator").get("/api/v1/changes/" + changeId).json().get("operations");
        assertThat(ops.get(0).get("before").get("touchpoint").get("name").asString())
                .isEqualTo("Сайт");
        assertThat(ops.get(0).get("after").get("touchpoint").get("name").asString())
                .isEqualTo("Официальный сайт");
        assertThat(ops.get(1).get("before").get("touchpoint").get("name").asString())
                .isEqualTo("Телефон горячей линии");
        assertThat(ops.get(1).has("after")).isFalse();

        // a row of an open package takes no other change
        Api.Response other =
                propose(register, Map.of("kind", "REMOVE", "rowId", phone, "reason", "TOUCHPOINT_EXCLUDED"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("rule").asString()).isEqualTo("oneOpenChangePerRow");

        ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + changeId + "/deputy-approval", "{}"));
        assertThat(rowNames(register)).containsExactly("Официальный сайт", "Telegram-канал");
    }

    @Test
    void aPackageBreakingARuleInItsThirdOperationIsRefusedWholeNamingIt() {
        String register = newRegister();
        approvedChange(register, "Сайт");
        Api.Response refused = propose(
                register,
                packageOf(
                        null,
                        List.of(
                                add(LICENSING_PROCESS, "Telegram-канал"),
                                add(LICENSING_PROCESS, "ВКонтакте"),
                                add(LICENSING_PROCESS, "сайт "))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("rule").asString()).isEqualTo("oneTouchpointPerProcess");
        assertThat(refused.json().get("detail").asString()).startsWith("Операция 3:");
        assertThat(refused.json().get("errors").get(0).get("field").asString())
                .isEqualTo("operations[2].row.touchpoint.name");
        assertThat(rowNames(register)).containsExactly("Сайт");
        assertThat(api.as("initiator")
                        .get("/api/v1/registers/" + register + "/changes")
                        .json())
                .as("nothing recorded")
                .hasSize(1);
    }

    @Test
    void zeroOr501OperationsAreRefused() {
        String register = newRegister();
        Api.Response none = propose(register, packageOf(null, List.of()));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("operations");

        List<Map<String, Object>> ops = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            ops.add(add(LICENSING_PROCESS, "Точка " + i));
        }
        Api.Response tooMany = propose(register, packageOf(null, ops));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("operations");

        Map<String, Object> both = new HashMap<>(packageOf(null, List.of(add(LICENSING_PROCESS, "VK"))));
        both.put("kind", "ADD");
        assertThat(propose(register, both).status()).isEqualTo(400);
    }

    @Test
    void anIncompleteOperationIsRefusedWithItsField() {
        String register = newRegister();
        Api.Response refused = propose(
                register,
                packageOf(
                        null,
                        List.of(
                                add(LICENSING_PROCESS, "VK"),
                                Map.of("kind", "ADD", "row", row(LICENSING_PROCESS, "ОК", "DIGITAL", List.of())))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("operations[1].row.needs");
    }

    @Test
    void aPackageIsRejectedOrWithdrawnAsAWhole() {
        String register = newRegister();
        String rejected = ok(propose(
                        register, packageOf(null, List.of(add(LICENSING_PROCESS, "VK"), add(LICENSING_PROCESS, "ОК")))))
                .json()
                .get("changeId")
                .asString();
        Api.Response rejection = ok(api.as("division-head")
                .post("/api/v1/changes/" + rejected + "/rejection", Map.of("reason", "Разделите по процессам")));
        assertThat(rejection.json().get("status").asString()).isEqualTo("REJECTED");
        String withdrawn = ok(propose(
                        register, packageOf(null, List.of(add(LICENSING_PROCESS, "VK"), add(LICENSING_PROCESS, "ОК")))))
                .json()
                .get("changeId")
                .asString();
        Api.Response withdrawal = ok(api.as("initiator").post("/api/v1/changes/" + withdrawn + "/withdrawal", "{}"));
        assertThat(withdrawal.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(rowNames(register)).isEmpty();
        // the touchpoints are free again for the next proposal
        assertThat(propose(
                                register,
                                packageOf(null, List.of(add(LICENSING_PROCESS, "VK"), add(LICENSING_PROCESS, "ОК"))))
                        .status())
                .isEqualTo(201);
    }
}
