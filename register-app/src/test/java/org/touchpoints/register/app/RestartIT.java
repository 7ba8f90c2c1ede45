package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The standalone application in demo mode, stopped and started again on the same data directory: the demo
 * register is loaded once, and the events and the register survive the restart.
 */
class RestartIT {

    @Test
    void eventsAndTheRegisterSurviveARestart(@TempDir Path dataDir) throws Exception {
        String changeId;
        String editId;
        String editedRow;
        long eventsBefore;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Api api = Api.at(port(app));
            JsonNode registers = api.as("admin").get("/api/v1/registers").json();
            JsonNode smolensk = null;
            for (JsonNode r : registers) {
                if (r.get("id").asString().equals("smolensk-gzhi")) {
                    smolensk = r;
                }
            }
            assertThat(smolensk).as("the demo register smolensk-gzhi").isNotNull();
            assertThat(smolensk.get("rowCount").asInt()).isEqualTo(64);

            Api.Response initiated = api.as("initiator")
                    .post(
                            "/api/v1/registers/smolensk-gzhi/changes",
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
                                            ApplicationIT.LICENSING_PROCESS,
                                            "touchpoint",
                                            Map.of("name", "Канал в мессенджере MAX", "channel", "DIGITAL"),
                                            "needs",
                                            List.of(1))));
            assertThat(initiated.status()).as(initiated.toString()).isEqualTo(201);
            changeId = initiated.json().get("changeId").asString();
            assertThat(api.as("division-head")
                            .post("/api/v1/changes/" + changeId + "/division-approval", "{}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.as("deputy")
                            .post("/api/v1/changes/" + changeId + "/deputy-approval", "{}")
                            .status())
                    .isEqualTo(200);

            // an edit agreed by the head before the restart and approved by the deputy after it
            JsonNode target = null;
            for (JsonNode row : api.as("initiator")
                    .get("/api/v1/registers/smolensk-gzhi/rows")
                    .json()) {
                if ("licensing".equals(row.path("division").asString()) && target == null) {
                    target = row;
                }
            }
            assertThat(target).as("a row of the licensing division").isNotNull();
            editedRow = target.get("rowId").asString();
            Api.Response edit = api.as("initiator")
                    .post(
                            "/api/v1/registers/smolensk-gzhi/changes",
                            Map.of(
                                    "kind",
                                    "EDIT",
                                    "rowId",
                                    editedRow,
                                    "reason",
                                    "TOUCHPOINT_TYPE_CHANGED",
                                    "row",
                                    Map.of(
                                            "direction",
                                            target.get("direction").asString(),
                                            "process",
                                            target.get("process").asString(),
                                            "touchpoint",
                                            Map.of("name", "Единый контакт-центр", "channel", "OFFLINE"),
                                            "needs",
                                            List.of(1, 2))));
            assertThat(edit.status()).as(edit.toString()).isEqualTo(201);
            editId = edit.json().get("changeId").asString();
            assertThat(api.as("division-head")
                            .post("/api/v1/changes/" + editId + "/division-approval", "{}")
                            .status())
                    .isEqualTo(200);
            eventsBefore = app.getBean(EventStore.class)
                    .lastSequenceNumberFor("smolensk-gzhi")
                    .orElseThrow();
        }
        assertThat(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext app = start(dataDir)) {
            Api api = Api.at(port(app));
            assertThat(app.getBean(EventStore.class)
                            .lastSequenceNumberFor("smolensk-gzhi")
                            .orElseThrow())
                    .as("the demo loader did not load the register a second time")
                    .isEqualTo(eventsBefore);
            JsonNode rows = api.as("initiator")
                    .get("/api/v1/registers/smolensk-gzhi/rows")
                    .json();
            assertThat(rows).hasSize(65);
            JsonNode change =
                    api.as("initiator").get("/api/v1/changes/" + changeId).json();
            assertThat(change.get("status").asString()).isEqualTo("APPROVED");
            assertThat(change.get("timeline")).hasSize(3);

            assertThat(api.as("deputy")
                            .post("/api/v1/changes/" + editId + "/deputy-approval", "{}")
                            .status())
                    .isEqualTo(200);
            JsonNode edited = null;
            for (JsonNode row : api.as("initiator")
                    .get("/api/v1/registers/smolensk-gzhi/rows")
                    .json()) {
                if (row.get("rowId").asString().equals(editedRow)) {
                    edited = row;
                }
            }
            assertThat(edited).isNotNull();
            assertThat(edited.get("touchpoint").get("name").asString()).isEqualTo("Единый контакт-центр");
            // the command side still knows the change after the restart: the publisher can publish it
            Api.Response published = api.as("publisher")
                    .post(
                            "/api/v1/registers/smolensk-gzhi/publications",
                            Map.of("url", "https://uggi.admin-smolensk.ru/perechen"));
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
            assertThat(published.json().get("coveredChangeIds").get(0).asString())
                    .isEqualTo(changeId);
            assertThat(published.json().get("coveredChangeIds").get(1).asString())
                    .isEqualTo(editId);
        }
    }

    /**
     * A client that did not hear the answers (the service went down after recording them) sends every request again
     * after the restart: each gets the first answer, and nothing is recorded twice.
     */
    @Test
    void retriedCommandsAfterARestartGetTheFirstAnswersAndRecordNothing(@TempDir Path dataDir) throws Exception {
        String changes = "/api/v1/registers/smolensk-gzhi/changes";
        Map<String, Object> proposal = Map.of(
                "changeId",
                "retry-1",
                "kind",
                "ADD",
                "reason",
                "NEW_TOUCHPOINT",
                "row",
                Map.of(
                        "direction",
                        "Предоставление государственных услуг",
                        "process",
                        ApplicationIT.LICENSING_PROCESS,
                        "touchpoint",
                        Map.of("name", "Telegram-канал ГЖИ СО", "channel", "DIGITAL", "address", "https://t.me/gzhi67"),
                        "needs",
                        List.of(1, 2)));
        record Call(String user, String path, Object body) {}
        List<Call> calls = new java.util.ArrayList<>();
        calls.add(new Call("initiator", changes, proposal));
        calls.add(new Call(
                "division-head", "/api/v1/changes/retry-1/division-approval", Map.of("comment", "Согласовано")));
        calls.add(new Call("deputy", "/api/v1/changes/retry-1/deputy-approval", Map.of("orderNumber", "15-п")));
        calls.add(new Call(
                "publisher",
                "/api/v1/registers/smolensk-gzhi/publications",
                Map.of("publicationId", "pub-retry-1", "url", "https://uggi.admin-smolensk.ru/perechen")));
        calls.add(new Call(
                "initiator",
                changes,
                Map.of(
                        "changeId",
                        "retry-2",
                        "kind",
                        "ADD",
                        "reason",
                        "NEW_TOUCHPOINT",
                        "row",
                        Map.of(
                                "direction",
                                "Предоставление государственных услуг",
                                "process",
                                ApplicationIT.LICENSING_PROCESS,
                                "touchpoint",
                                Map.of("name", "Чат-бот", "channel", "DIGITAL"),
                                "needs",
                                List.of(1)))));
        calls.add(
                new Call("division-head", "/api/v1/changes/retry-2/rejection", Map.of("reason", "Чат-бот не запущен")));
        calls.add(new Call(
                "initiator",
                changes,
                Map.of(
                        "changeId",
                        "retry-3",
                        "kind",
                        "ADD",
                        "reason",
                        "NEW_TOUCHPOINT",
                        "row",
                        Map.of(
                                "direction",
                                "Предоставление государственных услуг",
                                "process",
                                ApplicationIT.LICENSING_PROCESS,
                                "touchpoint",
                                Map.of("name", "Видеоконсультация", "channel", "DIGITAL"),
                                "needs",
                                List.of(2)))));
        calls.add(new Call("initiator", "/api/v1/changes/retry-3/withdrawal", Map.of()));

        List<Api.Response> first = new java.util.ArrayList<>();
        long eventsBefore;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Api api = Api.at(port(app));
            for (Call c : calls) {
                Api.Response r = api.as(c.user()).post(c.path(), c.body());
                assertThat(r.status()).as(c.path() + " " + r).isLessThan(300);
                first.add(r);
            }
            eventsBefore = app.getBean(EventStore.class)
                    .lastSequenceNumberFor("smolensk-gzhi")
                    .orElseThrow();
        }

        try (ConfigurableApplicationContext app = start(dataDir)) {
            Api api = Api.at(port(app));
            for (int i = 0; i < calls.size(); i++) {
                Call c = calls.get(i);
                Api.Response again = api.as(c.user()).post(c.path(), c.body());
                assertThat(again.status())
                        .as(c.path() + " " + again)
                        .isEqualTo(first.get(i).status());
                assertThat(again.json()).as(c.path()).isEqualTo(first.get(i).json());
            }
            assertThat(app.getBean(EventStore.class)
                            .lastSequenceNumberFor("smolensk-gzhi")
                            .orElseThrow())
                    .as("nothing recorded twice")
                    .isEqualTo(eventsBefore);
            assertThat(api.as("auditor")
                            .get("/api/v1/registers/smolensk-gzhi/publications")
                            .json())
                    .hasSize(1);
            JsonNode timeline =
                    api.as("auditor").get("/api/v1/changes/retry-1").json().get("timeline");
            assertThat(timeline).hasSize(4);

            // a different request under a used key is not a retry
            Api.Response otherPublication = api.as("publisher")
                    .post(
                            "/api/v1/registers/smolensk-gzhi/publications",
                            Map.of("publicationId", "pub-retry-1", "url", "https://uggi.admin-smolensk.ru/other"));
            assertThat(otherPublication.status()).isEqualTo(409);
            assertThat(otherPublication.json().get("rule").asString()).isEqualTo("samePublicationIdSamePublication");
            Api.Response otherRejection = api.as("division-head")
                    .post("/api/v1/changes/retry-2/rejection", Map.of("reason", "Другая причина"));
            assertThat(otherRejection.status()).isEqualTo(409);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(org.touchpoints.register.app.RegisterApplication.class)
                .profiles("demo")
                .run("--register.embedded-postgres.data-dir=" + dataDir, "--server.port=0");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
