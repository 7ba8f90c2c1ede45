package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Permission before state, over HTTP: a caller without the role is refused for the role (403) before any answer that
 * tells what exists (a change id in use here or in another register, an account, a member); and an import is refused
 * once a version of the register is published.
 */
class PermissionBeforeStateIT extends ApplicationIT {

    private int history(String register) {
        return ok(api.as("auditor").get("/api/v1/registers/" + register + "/history"))
                .json()
                .size();
    }

    @Test
    void anAuditorSendingAnExistingChangeIdIsRefusedForTheRoleNotTheId() {
        String register = newRegister();
        String other = newRegister();
        String here = initiate(register, "Сайт");
        String there = initiate(other, "Сайт");
        int events = history(register);
        for (String id : new String[] {here, there, "never-used-id"}) {
            Api.Response r = api.as("auditor")
                    .post(
                            "/api/v1/registers/" + register + "/changes",
                            Map.of(
                                    "changeId",
                                    id,
                                    "kind",
                                    "ADD",
                                    "reason",
                                    "NEW_TOUCHPOINT",
                                    "row",
                                    row(LICENSING_PROCESS, "Сайт", "DIGITAL", java.util.List.of(1))));
            assertThat(r.status()).as(id + ": " + r).isEqualTo(403);
            assertThat(r.json().get("detail").asString()).doesNotContain("уже использован");
        }
        assertThat(history(register)).isEqualTo(events);

        // a specialist of the register may learn that the id is taken
        Api.Response taken = api.as("initiator")
                .post(
                        "/api/v1/registers/" + register + "/changes",
                        Map.of(
                                "changeId",
                                there,
                                "kind",
                                "ADD",
                                "reason",
                                "NEW_TOUCHPOINT",
                                "row",
                                row(LICENSING_PROCESS, "Чат-бот", "DIGITAL", java.util.List.of(1))));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().get("rule").asString()).isEqualTo("sameChangeIdSameProposal");
        assertThat(taken.json().get("detail").asString()).contains("в другом перечне");
        assertThat(history(register)).isEqualTo(events);
    }

    @Test
    void aNonHolderDelegatingIsRefusedForTheRoleBeforeAnythingAboutTheDelegate() {
        String register = newRegister();
        Api.Response r = api.as("other-head")
                .post(
                        "/api/v1/registers/" + register + "/delegations",
                        Map.of(
                                "holder",
                                "division-head",
                                "delegate",
                                "nobody-at-all",
                                "role",
                                "HEAD",
                                "division",
                                "licensing",
                                "validFrom",
                                "2024-12-20",
                                "validTo",
                                "2024-12-27"));
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.json().get("rule").asString()).isEqualTo("onlyTheHolderDelegates");
    }

    @Test
    void importIsRefusedOnceAVersionIsPublished() {
        String register = newRegister();
        ok(api.as("publisher")
                .post(
                        "/api/v1/registers/" + register + "/publications",
                        Map.of("url", "https://example.gov.ru/perechen")));
        int events = history(register);
        byte[] csv = ("group_no,direction,process,touchpoint,interaction,features\n"
                        + "1,Предоставление государственных услуг," + LICENSING_PROCESS
                        + ",Официальный сайт,Получение информации,Взаимодействие в цифровой точке\n")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response r =
                api.as("admin").postMultipart("/api/v1/registers/" + register + "/import", "perechen.csv", csv);
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.json().get("rule").asString()).isEqualTo("importOnlyBeforeTheFirstPublication");
        assertThat(r.json().get("detail").asString()).contains("опубликован");
        assertThat(history(register)).isEqualTo(events);
        assertThat(ok(api.as("auditor").get("/api/v1/registers/" + register + "/rows"))
                        .json())
                .isEmpty();
    }
}
