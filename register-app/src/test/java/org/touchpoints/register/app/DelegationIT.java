package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.publication.Published;
import tools.jackson.databind.JsonNode;

/**
 * Acting officials over HTTP: the head names an acting official for a period, who approves on the head's behalf
 * (the timeline and the audit trail say both who and for whom); refusals come as problem details naming the rule.
 */
class DelegationIT extends ApplicationIT {
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    private static Map<String, Object> headsDelegation(String id, String delegate, String from, String to) {
        return Map.of(
                "delegationId",
                id,
                "delegate",
                delegate,
                "role",
                "HEAD",
                "division",
                "licensing",
                "validFrom",
                from,
                "validTo",
                to,
                "comment",
                "Отпуск, приказ № 12-к");
    }

    /** The acting official's account, a specialist of the appeals division: a delegate holds a role in the register. */
    private void actingMemberOf(String register) {
        accounts.create("acting", "demo", "Исполняющий обязанности", null);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + register + "/members",
                        Map.of("username", "acting", "role", "SPECIALIST", "division", "appeals")));
    }

    @Test
    void fourEyesHoldThroughDelegation() {
        String register = newRegister();
        String path = "/api/v1/registers/" + register + "/delegations";
        // the deputy names the division head acting deputy; the head agrees a change, then tries to approve it too
        ok(api.as("deputy")
                .post(
                        path,
                        Map.of(
                                "delegationId",
                                "deputy-away",
                                "delegate",
                                "division-head",
                                "role",
                                "DEPUTY",
                                "validFrom",
                                "2024-12-20",
                                "validTo",
                                "2024-12-27")));
        String change = initiate(register, "Сайт для заявлений");
        ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        long events = ok(api.as("auditor").get("/api/v1/registers/" + register + "/history"))
                .json()
                .size();
        Api.Response second = api.as("division-head").post("/api/v1/changes/" + change + "/deputy-approval", "{}");
        assertThat(second.status()).as(second.toString()).isEqualTo(403);
        assertThat(second.json().get("rule").asString()).isEqualTo("onePersonOneApprovalStep");
        assertThat(second.json().get("detail").asString()).contains("только на одном шаге");
        assertThat(ok(api.as("auditor").get("/api/v1/changes/" + change))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DIVISION_APPROVED");
        assertThat(ok(api.as("auditor").get("/api/v1/registers/" + register + "/history"))
                        .json()
                        .size())
                .as("nothing recorded")
                .isEqualTo(events);
        // the deputy in person still approves
        assertThat(ok(api.as("deputy").post("/api/v1/changes/" + change + "/deputy-approval", "{}"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");

        // a head who proposes a change hands HEAD to a colleague: the colleague cannot agree it on the head's behalf
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + register + "/members",
                        Map.of("username", "division-head", "role", "SPECIALIST", "division", "licensing")));
        ok(api.as("division-head")
                .post(
                        path,
                        Map.of(
                                "delegationId",
                                "head-away",
                                "delegate",
                                "other-initiator",
                                "role",
                                "HEAD",
                                "division",
                                "licensing",
                                "validFrom",
                                "2024-12-20",
                                "validTo",
                                "2024-12-20")));
        String own = ok(api.as("division-head").post("/api/v1/registers/" + register + "/changes", addRow("Чат-бот")))
                .json()
                .get("changeId")
                .asString();
        Api.Response onBehalf = api.as("other-initiator").post("/api/v1/changes/" + own + "/division-approval", "{}");
        assertThat(onBehalf.status()).as(onBehalf.toString()).isEqualTo(403);
        assertThat(onBehalf.json().get("rule").asString()).isEqualTo("nobodyApprovesOnBehalfOfTheInitiator");

        // and the right is never handed to someone outside the register
        accounts.create("outsider", "demo", "Посторонний", null);
        Api.Response outsider = api.as("division-head")
                .post(
                        path,
                        Map.of(
                                "delegate",
                                "outsider",
                                "role",
                                "HEAD",
                                "division",
                                "licensing",
                                "validFrom",
                                "2024-12-23",
                                "validTo",
                                "2024-12-24"));
        assertThat(outsider.status()).as(outsider.toString()).isEqualTo(400);
        assertThat(outsider.json().get("rule").asString()).isEqualTo("delegateHoldsARoleInTheRegister");
        assertThat(outsider.json().get("errors").get(0).get("field").asString()).isEqualTo("delegate");
    }

    @Test
    void actingHeadApprovesOnTheHeadsBehalfUntilRevoked() {
        String register = newRegister();
        actingMemberOf(register);
        Api.Response delegated = api.as("division-head")
                .post(
                        "/api/v1/registers/" + register + "/delegations",
                        headsDelegation("vacation-1", "acting", "2024-12-20", "2024-12-27"));
        assertThat(delegated.status()).as(delegated.toString()).isEqualTo(201);
        assertThat(delegated.json().get("delegationId").asString()).isEqualTo("vacation-1");

        JsonNode list = ok(api.as("auditor").get("/api/v1/registers/" + register + "/delegations"))
                .json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("holder").asString()).isEqualTo("division-head");
        assertThat(list.get(0).get("delegate").asString()).isEqualTo("acting");
        assertThat(list.get(0).get("status").asString()).isEqualTo("ACTIVE");

        String changeId = initiate(register, "Сайт для заявлений");
        Api.Response approved = api.as("acting")
                .post("/api/v1/changes/" + changeId + "/division-approval", Map.of("comment", "Согласовано (и.о.)"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("DIVISION_APPROVED");

        JsonNode timeline =
                ok(api.as("auditor").get("/api/v1/changes/" + changeId)).json().get("timeline");
        assertThat(timeline.get(1).get("event").asString()).isEqualTo("DivisionApproved");
        assertThat(timeline.get(1).get("by").asString()).isEqualTo("acting");
        assertThat(timeline.get(1).get("onBehalfOf").asString()).isEqualTo("division-head");
        assertThat(timeline.get(0).has("onBehalfOf"))
                .as("the initiator acted in person")
                .isFalse();

        JsonNode history = ok(api.as("auditor").get("/api/v1/registers/" + register + "/history"))
                .json();
        JsonNode approval = null;
        for (JsonNode e : history) {
            if (e.get("event").asString().equals("DivisionApproved")) {
                approval = e;
            }
        }
        assertThat(approval).isNotNull();
        assertThat(approval.get("by").asString()).isEqualTo("acting");
        assertThat(approval.get("onBehalfOf").asString()).isEqualTo("division-head");
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/history/export")
                        .body())
                .contains("Исполняющий обязанности (и.о. за division-head)");

        // revoked: the acting official approves no more
        assertThat(ok(api.as("division-head").delete("/api/v1/registers/" + register + "/delegations/vacation-1"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("REVOKED");
        String second = initiate(register, "Чат-бот");
        Api.Response refused = api.as("acting").post("/api/v1/changes/" + second + "/division-approval", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("rule").asString()).isEqualTo("onlyTheInitiatingDivisionsHeadApproves");
        assertThat(refused.json().get("detail").asString()).contains("исполняющий его обязанности");
        assertThat(ok(api.as("auditor").get("/api/v1/registers/" + register + "/delegations"))
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("REVOKED");
    }

    @Test
    void theDelegationEndsWithItsPeriodInTheRegistersZone() {
        String register = newRegister();
        actingMemberOf(register);
        ok(api.as("division-head")
                .post(
                        "/api/v1/registers/" + register + "/delegations",
                        headsDelegation("short-1", "acting", "2024-12-20", "2024-12-20")));
        String changeId = initiate(register, "Почтовый ящик");
        // 21:30 UTC on the 20th is already the 21st in Moscow
        clock.set(java.time.Instant.parse("2024-12-20T21:30:00Z"));
        Api.Response refused = api.as("acting").post("/api/v1/changes/" + changeId + "/division-approval", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(ok(api.as("auditor").get("/api/v1/registers/" + register + "/delegations?status=EXPIRED"))
                        .json())
                .hasSize(1);
    }

    @Test
    void refusalsNameTheirRules() {
        String register = newRegister();
        actingMemberOf(register);
        String path = "/api/v1/registers/" + register + "/delegations";

        Api.Response notTheHolder = api.as("other-head")
                .post(
                        path,
                        Map.of(
                                "holder",
                                "division-head",
                                "delegate",
                                "acting",
                                "role",
                                "HEAD",
                                "division",
                                "licensing",
                                "validFrom",
                                "2024-12-20",
                                "validTo",
                                "2024-12-27"));
        assertThat(notTheHolder.status()).isEqualTo(403);
        assertThat(notTheHolder.json().get("rule").asString()).isEqualTo("onlyTheHolderDelegates");

        Api.Response unknownAccount =
                api.as("division-head").post(path, headsDelegation("x-1", "nobody-here", "2024-12-20", "2024-12-27"));
        assertThat(unknownAccount.status()).isEqualTo(400);
        assertThat(unknownAccount.json().get("errors").get(0).get("field").asString())
                .isEqualTo("delegate");

        Api.Response toOneself =
                api.as("division-head").post(path, headsDelegation("x-2", "division-head", "2024-12-20", "2024-12-27"));
        assertThat(toOneself.status()).isEqualTo(400);
        assertThat(toOneself.json().get("rule").asString()).isEqualTo("noDelegatingToOneself");

        Api.Response backwards =
                api.as("division-head").post(path, headsDelegation("x-3", "acting", "2024-12-27", "2024-12-20"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("rule").asString()).isEqualTo("delegationPeriodIsValid");

        ok(api.as("division-head").post(path, headsDelegation("x-4", "acting", "2024-12-20", "2024-12-27")));
        Api.Response onward =
                api.as("acting").post(path, headsDelegation("x-5", "other-initiator", "2024-12-20", "2024-12-27"));
        assertThat(onward.status()).isEqualTo(403);
        assertThat(onward.json().get("rule").asString()).isEqualTo("delegateCannotRedelegate");

        Api.Response revokedByDelegate = api.as("acting").delete(path + "/x-4");
        assertThat(revokedByDelegate.status()).isEqualTo(403);
        assertThat(revokedByDelegate.json().get("rule").asString()).isEqualTo("onlyTheHolderRevokes");

        // the initiator standing in for the deputy still cannot approve their own change
        Api.Response forDeputy = api.as("admin")
                .post(
                        path,
                        Map.of(
                                "holder",
                                "deputy",
                                "delegate",
                                "initiator",
                                "role",
                                "DEPUTY",
                                "validFrom",
                                "2024-12-20",
                                "validTo",
                                "2024-12-27"));
        assertThat(forDeputy.status()).as(forDeputy.toString()).isEqualTo(201);
        String own = initiate(register, "Сайт");
        ok(api.as("division-head").post("/api/v1/changes/" + own + "/division-approval", "{}"));
        Api.Response ownApproval = api.as("initiator").post("/api/v1/changes/" + own + "/deputy-approval", "{}");
        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.json().get("rule").asString()).isEqualTo("nobodyApprovesTheirOwnChange");
        assertThat(ok(api.as("auditor").get("/api/v1/changes/" + own))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DIVISION_APPROVED");
    }

    @Test
    void eventsStoredBeforeActingOfficialsReadWithNobodyOnWhoseBehalf() {
        // the payloads as the event store holds events recorded before these fields existed
        DivisionApproved division = deserialize(DivisionApproved.class, """
                {"registerId":"r-old","changeId":"c-1","comment":null,"by":"boris","at":"2024-03-05T07:00:00Z"}""");
        DeputyApproved deputy = deserialize(DeputyApproved.class, """
                {"registerId":"r-old","changeId":"c-1","comment":null,"orderNumber":"15-п","orderDate":"2024-03-05",
                 "by":"dmitry","at":"2024-03-06T07:00:00Z"}""");
        ChangeRejected rejected = deserialize(ChangeRejected.class, """
                {"registerId":"r-old","changeId":"c-2","step":"DIVISION","reason":"Нет","by":"boris","at":"2024-03-06T07:00:00Z"}""");
        Published published = deserialize(Published.class, """
                {"registerId":"r-old","version":1,"url":"https://example.gov.ru","publishedAt":"2024-03-11T07:00:00Z",
                 "coveredChangeIds":["c-1"],"sha256":"%s","previousSha256":null,"by":"elena","at":"2024-03-11T07:00:00Z"}""".formatted("a".repeat(64)));
        assertThat(division.onBehalfOf()).isNull();
        assertThat(division.by()).isEqualTo("boris");
        assertThat(deputy.onBehalfOf()).isNull();
        assertThat(deputy.orderNumber()).isEqualTo("15-п");
        assertThat(rejected.onBehalfOf()).isNull();
        assertThat(published.publicationId()).isNull();
        assertThat(published.coveredChangeIds()).containsExactly("c-1");
    }

    private <T> T deserialize(Class<T> type, String json) {
        return eventSerializer.deserialize(new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class, type.getName(), null));
    }
}
