package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.Template;
import tools.jackson.databind.JsonNode;

/** A change's whole life over HTTP, read back from the API and from the event store. */
class ChangeLifecycleIT extends ApplicationIT {

    @Autowired
    EventStore eventStore;

    @Test
    void aChangeGoesFromInitiationToPublicationAndEveryStepIsRecorded() {
        String register = newRegister();
        Api.Response initiated = api.as("initiator")
                .post(
                        "/api/v1/registers/" + register + "/changes",
                        Map.of(
                                "changeId",
                                "lifecycle-1",
                                "kind",
                                "ADD",
                                "reason",
                                "NEW_TOUCHPOINT",
                                "comment",
                                "Новый канал",
                                "row",
                                Map.of(
                                        "direction",
                                        "Предоставление государственных услуг",
                                        "process",
                                        LICENSING_PROCESS,
                                        "touchpoint",
                                        Map.of(
                                                "name",
                                                "Telegram-канал",
                                                "channel",
                                                "DIGITAL",
                                                "address",
                                                "https://t.me/gzhi"),
                                        "needs",
                                        List.of(1, 2))));
        assertThat(initiated.status()).isEqualTo(201);
        assertThat(initiated.json().get("status").asString()).isEqualTo("INITIATED");

        Api.Response headApproval = api.as("division-head")
                .post("/api/v1/changes/lifecycle-1/division-approval", Map.of("comment", "Согласовано"));
        assertThat(headApproval.status()).isEqualTo(200);
        assertThat(headApproval.json().get("status").asString()).isEqualTo("DIVISION_APPROVED");

        Api.Response deputyApproval = api.as("deputy")
                .post(
                        "/api/v1/changes/lifecycle-1/deputy-approval",
                        Map.of("orderNumber", "15-п", "orderDate", "2024-12-20"));
        assertThat(deputyApproval.status()).isEqualTo(200);
        assertThat(deputyApproval.json().get("status").asString()).isEqualTo("APPROVED");
        // made on Fri 2024-12-20 (Moscow); working days: Dec 23–27 (5), Sat Dec 28 (6, a working Saturday),
        // Dec 30 – Jan 8 off, Jan 9, 10, 13, 14 (7–10)
        assertThat(deputyApproval.json().get("dueDate").asString()).isEqualTo("2025-01-14");

        JsonNode rows = api.as("initiator")
                .get("/api/v1/registers/" + register + "/rows")
                .json();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("rowId").asString()).isEqualTo("lifecycle-1");
        assertThat(rows.get(0).get("groupNo").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("features").asString()).isEqualTo("Взаимодействие в цифровой точке");

        clock.advance(java.time.Duration.ofDays(3));
        Api.Response published = api.as("publisher")
                .post(
                        "/api/v1/registers/" + register + "/publications",
                        Map.of("url", "https://uggi.admin-smolensk.ru/perechen"));
        assertThat(published.status()).isEqualTo(201);
        assertThat(published.json().get("version").asInt()).isEqualTo(1);
        assertThat(published.json().get("coveredChangeIds").get(0).asString()).isEqualTo("lifecycle-1");

        JsonNode change = api.as("auditor").get("/api/v1/changes/lifecycle-1").json();
        assertThat(change.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(change.get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(change.get("dueDate").asString()).isEqualTo("2025-01-14");
        List<String> timeline = new ArrayList<>();
        change.get("timeline")
                .forEach(e -> timeline.add(
                        e.get("event").asString() + " by " + e.get("by").asString()));
        assertThat(timeline)
                .containsExactly(
                        "ChangeInitiated by initiator",
                        "DivisionApproved by division-head",
                        "DeputyApproved by deputy",
                        "Published by publisher");

        List<Object> events = events(register);
        assertThat(events.stream()
                        .map(e -> e.getClass().getSimpleName())
                        .filter(n -> !n.equals("MemberAssigned") && !n.equals("DivisionDefined"))
                        .toList())
                .containsExactly(
                        "RegisterCreated", "ChangeInitiated", "DivisionApproved", "DeputyApproved", "Published");
        ChangeInitiated init = (ChangeInitiated) events.stream()
                .filter(ChangeInitiated.class::isInstance)
                .findFirst()
                .orElseThrow();
        Published pub = (Published) events.get(events.size() - 1);
        String expectedSha = RegisterCsv.sha256(
                RegisterCsv.render(Template.SIX_COLUMN, List.of(new RegisterRow("lifecycle-1", init.after()))));
        assertThat(pub.sha256())
                .isEqualTo(expectedSha)
                .isEqualTo(published.json().get("sha256").asString());
        assertThat(pub.by()).isEqualTo("publisher");

        Api.Response exported =
                ok(api.as("publisher").get("/api/v1/registers/" + register + "/export?format=csv&version=1"));
        assertThat(exported.contentType()).startsWith("text/csv");
        assertThat(RegisterCsv.sha256(exported.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .as("the exported CSV of version 1 is what the publication hashed")
                .isEqualTo(pub.sha256());
        assertThat(exported.body())
                .startsWith("№,Направление деятельности органа власти,")
                .contains("Telegram-канал https://t.me/gzhi");
        assertThat(api.as("publisher")
                        .get("/api/v1/registers/" + register + "/export?format=pdf")
                        .status())
                .isEqualTo(400);

        JsonNode publications = api.as("auditor")
                .get("/api/v1/registers/" + register + "/publications")
                .json();
        assertThat(publications.get(0).get("late").asBoolean()).isFalse();
        JsonNode deadlines = api.as("auditor")
                .get("/api/v1/deadlines?registerId=" + register)
                .json();
        assertThat(deadlines.get(0).get("status").asString()).isEqualTo("PUBLISHED_ON_TIME");
        assertThat(deadlines.get(0).get("publishedOn").asString())
                .isEqualTo(LocalDate.of(2024, 12, 23).toString());
    }

    @Test
    void editKeepsTheRowInPlaceAndRemoveTakesItOut() {
        String register = newRegister();
        String first = approvedChange(register, "Сайт");
        String second = approvedChange(register, "Телефон");
        Api.Response edit = api.as("initiator")
                .post(
                        "/api/v1/registers/" + register + "/changes",
                        Map.of(
                                "kind",
                                "EDIT",
                                "rowId",
                                first,
                                "reason",
                                "NEEDS_CHANGED",
                                "row",
                                row(LICENSING_PROCESS, "Официальный сайт", "DIGITAL", List.of(1, 3))));
        assertThat(edit.status()).isEqualTo(201);
        String editId = edit.json().get("changeId").asString();
        ok(api.as("division-head").post("/api/v1/changes/" + editId + "/division-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + editId + "/deputy-approval", "{}"));
        JsonNode rows = api.as("initiator")
                .get("/api/v1/registers/" + register + "/rows")
                .json();
        assertThat(rows.get(0).get("rowId").asString()).isEqualTo(first);
        assertThat(rows.get(0).get("touchpoint").get("name").asString()).isEqualTo("Официальный сайт");
        assertThat(rows.get(1).get("rowId").asString()).isEqualTo(second);

        JsonNode editView = api.as("initiator").get("/api/v1/changes/" + editId).json();
        assertThat(editView.get("before").get("touchpoint").get("name").asString())
                .isEqualTo("Сайт");
        assertThat(editView.get("after").get("touchpoint").get("name").asString())
                .isEqualTo("Официальный сайт");

        Api.Response remove = api.as("initiator")
                .post(
                        "/api/v1/registers/" + register + "/changes",
                        Map.of("kind", "REMOVE", "rowId", second, "reason", "TOUCHPOINT_EXCLUDED"));
        String removeId = ok(remove).json().get("changeId").asString();
        ok(api.as("division-head").post("/api/v1/changes/" + removeId + "/division-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + removeId + "/deputy-approval", "{}"));
        rows = api.as("initiator")
                .get("/api/v1/registers/" + register + "/rows")
                .json();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("rowId").asString()).isEqualTo(first);
    }

    @Test
    void rejectionAndWithdrawalCloseTheChange() {
        String register = newRegister();
        String rejected = initiate(register, "Чат-бот");
        Api.Response rejection = api.as("division-head")
                .post("/api/v1/changes/" + rejected + "/rejection", Map.of("reason", "Дублирует сайт"));
        assertThat(rejection.status()).isEqualTo(200);
        assertThat(rejection.json().get("status").asString()).isEqualTo("REJECTED");
        JsonNode view = api.as("initiator").get("/api/v1/changes/" + rejected).json();
        assertThat(view.get("timeline").get(1).get("event").asString()).isEqualTo("ChangeRejected");
        assertThat(view.get("timeline").get(1).get("comment").asString()).isEqualTo("Дублирует сайт");

        String withdrawn = initiate(register, "Видеосвязь");
        Api.Response withdrawal = api.as("initiator").post("/api/v1/changes/" + withdrawn + "/withdrawal", null);
        assertThat(withdrawal.status()).isEqualTo(200);
        assertThat(withdrawal.json().get("status").asString()).isEqualTo("WITHDRAWN");

        JsonNode list = api.as("auditor")
                .get("/api/v1/registers/" + register + "/changes?status=REJECTED")
                .json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("changeId").asString()).isEqualTo(rejected);
        assertThat(api.as("initiator")
                        .get("/api/v1/registers/" + register + "/rows")
                        .json())
                .isEmpty();
    }

    List<Object> events(String registerId) {
        return eventsOf(eventStore, registerId);
    }

    static List<Object> eventsOf(EventStore eventStore, String registerId) {
        List<Object> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(registerId);
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            events.add(m.getPayload());
        }
        return events;
    }

    @Autowired
    JdbcClient jdbc;

    /**
     * The audit trail keeps each event of a command as the event store holds it: its history entry's payload is the
     * stored event's JSON (taken from the form the store serialised, not written again), one entry per event, of the
     * event's type, with the command's fields.
     */
    @Test
    void theAuditTrailHoldsEachEventAsTheEventStoreStoresIt() {
        String register = newRegister();
        String changeId = approvedChange(register, "Канал аудита");
        Long events = jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(register)
                .query(Long.class)
                .single();
        Long same = jdbc.sql("""
                        select count(*) from domain_event_entry e
                        join q_history h on h.register_id = e.aggregate_identifier and h.sequence = e.sequence_number
                        where e.aggregate_identifier = ?
                          and h.payload = convert_from(e.payload, 'UTF8')::jsonb
                          and e.payload_type like '%.' || h.event""").param(register).query(Long.class).single();
        assertThat(events).isGreaterThanOrEqualTo(4); // at least the register's creation, the initiation, two approvals
        assertThat(same).isEqualTo(events);
        List<String> ofTheChange =
                jdbc.sql("""
                        select payload ->> 'changeId' || ' ' || (payload ->> 'registerId') || ' ' || event
                        from q_history where register_id = ? and change_id = ? order by sequence""").params(register, changeId).query(String.class).list();
        assertThat(ofTheChange).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ofTheChange).allMatch(entry -> entry.startsWith(changeId + " " + register + " "));
        assertThat(ofTheChange.get(0)).endsWith(" ChangeInitiated");
        assertThat(ofTheChange.get(1)).endsWith(" DivisionApproved");
    }
}
