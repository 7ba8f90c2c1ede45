package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Clients racing over HTTP for the same thing: the register decides every rule inside one aggregate, so exactly
 * one wins, the others get a 409 problem, and the store holds exactly one event for the thing they raced for —
 * while clients racing for different things all succeed, none lost.
 */
class ConcurrencyIT extends ApplicationIT {
    private static final int CLIENTS = 16;

    @Autowired
    EventStore eventStore;

    @Test
    void clientsRacingToAddTheSameTouchpointLeaveExactlyOneChange() throws Exception {
        String register = newRegister();
        List<Integer> statuses = race(
                CLIENTS,
                () -> api.as("initiator")
                        .post("/api/v1/registers/" + register + "/changes", addRow("Горячая линия"))
                        .status());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/changes")
                        .json())
                .hasSize(1);
        assertThat(count(register, "ChangeInitiated")).isEqualTo(1);
    }

    @Test
    void racingApprovalsOfOneChangeRecordOneDivisionApproval() throws Exception {
        String register = newRegister();
        String change = initiate(register, "Сайт");
        // one head's racing requests are one approval and its retries: a retry gets the first answer (200)
        List<Integer> statuses = race(
                CLIENTS,
                () -> api.as("division-head")
                        .post("/api/v1/changes/" + change + "/division-approval", "{}")
                        .status());
        assertThat(statuses).isSubsetOf(200, 409).contains(200);
        assertThat(count(register, "DivisionApproved")).isEqualTo(1);
    }

    @Test
    void racingApprovalsOfTwoHeadsRecordOneDivisionApproval() throws Exception {
        String register = newRegister();
        accounts.create("second-head", "demo", "second-head", null);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + register + "/members",
                        java.util.Map.of("username", "second-head", "role", "HEAD", "division", "licensing")));
        String change = initiate(register, "Сайт");
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
        List<String> outcomes = race(CLIENTS, () -> {
            String head = turn.getAndIncrement() % 2 == 0 ? "division-head" : "second-head";
            return head + " "
                    + api.as(head)
                            .post("/api/v1/changes/" + change + "/division-approval", "{}")
                            .status();
        });
        assertThat(count(register, "DivisionApproved")).isEqualTo(1);
        List<String> winners = outcomes.stream()
                .filter(o -> o.endsWith(" 200"))
                .map(o -> o.split(" ")[0])
                .distinct()
                .toList();
        assertThat(winners).as(outcomes.toString()).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.startsWith(winners.get(0)))).allMatch(o -> o.endsWith(" 409"));
    }

    @Test
    void racingFinalApprovalsOfOneChangeRecordOneDeputyApprovalAndOneDeadline() throws Exception {
        String register = newRegister();
        String change = initiate(register, "Сайт");
        ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        List<Integer> statuses = race(
                CLIENTS,
                () -> api.as("deputy")
                        .post("/api/v1/changes/" + change + "/deputy-approval", "{}")
                        .status());
        assertThat(statuses).isSubsetOf(200, 409).contains(200); // the deputy's retries get the first answer
        assertThat(count(register, "DeputyApproved")).isEqualTo(1);
        assertThat(api.as("auditor")
                        .get("/api/v1/deadlines?registerId=" + register)
                        .json())
                .hasSize(1);
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/rows")
                        .json())
                .hasSize(1);
    }

    @Test
    void anApprovalRacingARejectionOfTheSameChangeLeavesExactlyOneDecision() throws Exception {
        String register = newRegister();
        String change = initiate(register, "Сайт");
        AtomicInteger turn = new AtomicInteger();
        List<String> outcomes = race(
                CLIENTS,
                () -> turn.getAndIncrement() % 2 == 0
                        ? "approve "
                                + api.as("division-head")
                                        .post("/api/v1/changes/" + change + "/division-approval", "{}")
                                        .status()
                        : "reject "
                                + api.as("division-head")
                                        .post("/api/v1/changes/" + change + "/rejection", Map.of("reason", "Не нужен"))
                                        .status());
        // one decision wins; its repeats are retries and get its answer (200); the other decision is refused
        // (403 after the approval: the change now waits for the deputy; 409 after the rejection: it is closed)
        List<String> winners = outcomes.stream()
                .filter(o -> o.endsWith(" 200"))
                .map(o -> o.split(" ")[0])
                .distinct()
                .toList();
        assertThat(winners).as(outcomes.toString()).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.startsWith(winners.get(0))))
                .allMatch(o -> o.endsWith(" 403") || o.endsWith(" 409"));
        assertThat(count(register, "DivisionApproved") + count(register, "ChangeRejected"))
                .isEqualTo(1);
    }

    @Test
    void racingPublicationsOfTheSameApprovedChangesRecordOneVersion() throws Exception {
        String register = newRegister();
        approvedChange(register, "Сайт");
        List<Integer> statuses = race(
                CLIENTS,
                () -> api.as("publisher")
                        .post(
                                "/api/v1/registers/" + register + "/publications",
                                Map.of("url", "https://example.gov.ru/perechen"))
                        .status());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(count(register, "Published")).isEqualTo(1);
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/publications")
                        .json())
                .hasSize(1);
    }

    @Test
    void racingEditsOfOneRowLeaveOneOpenChange() throws Exception {
        String register = newRegister();
        String row = approvedChange(register, "Сайт");
        AtomicInteger n = new AtomicInteger();
        List<Integer> statuses = race(
                CLIENTS,
                () -> api.as("initiator")
                        .post(
                                "/api/v1/registers/" + register + "/changes",
                                Map.of(
                                        "kind",
                                        "EDIT",
                                        "rowId",
                                        row,
                                        "reason",
                                        "OTHER",
                                        "row",
                                        row(LICENSING_PROCESS, "Сайт " + n.incrementAndGet(), "DIGITAL", List.of(1))))
                        .status());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(count(register, "ChangeInitiated")).isEqualTo(2);
    }

    @Test
    void theSameInitiationRetriedConcurrentlyIsRecordedOnceAndAnsweredTheSame() throws Exception {
        String register = newRegister();
        Map<String, Object> body = new HashMap<>(addRow("Сайт"));
        body.put("changeId", "retried-" + register);
        List<Api.Response> answers =
                race(CLIENTS, () -> api.as("initiator").post("/api/v1/registers/" + register + "/changes", body));
        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        assertThat(answers.stream().map(Api.Response::body).distinct()).hasSize(1);
        assertThat(count(register, "ChangeInitiated")).isEqualTo(1);
    }

    @Test
    void clientsAddingDifferentTouchpointsAllSucceedAndNoneIsLost() throws Exception {
        String register = newRegister();
        AtomicInteger n = new AtomicInteger();
        List<Api.Response> answers = race(
                CLIENTS,
                () -> api.as("initiator")
                        .post("/api/v1/registers/" + register + "/changes", addRow("Точка " + n.incrementAndGet())));
        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        Set<String> ids = new java.util.HashSet<>();
        answers.forEach(a -> ids.add(a.json().get("changeId").asString()));
        assertThat(ids).hasSize(CLIENTS);
        assertThat(count(register, "ChangeInitiated")).isEqualTo(CLIENTS);
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/changes")
                        .json())
                .hasSize(CLIENTS);
    }

    private long count(String register, String event) {
        return ChangeLifecycleIT.eventsOf(eventStore, register).stream()
                .filter(e -> e.getClass().getSimpleName().equals(event))
                .count();
    }
}
