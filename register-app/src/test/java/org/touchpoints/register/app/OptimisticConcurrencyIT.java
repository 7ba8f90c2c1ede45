package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Writes carry the version their author saw (If-Match with the ETag of a GET, or expectedVersion in the body); a
 * write based on a version that is no longer current is refused with 409 and changes nothing.
 */
class OptimisticConcurrencyIT extends ApplicationIT {

    @Test
    void aChangeShowsItsVersionAndAStaleWithdrawalIsRefused() {
        String register = newRegister();
        String changeId = initiate(register, "Сайт для заявлений");
        Api.Response seen = ok(api.as("initiator").get("/api/v1/changes/" + changeId));
        assertThat(seen.json().get("version").asLong()).isEqualTo(1);
        assertThat(seen.header("ETag")).isEqualTo("\"1\"");

        // the head approves the version they saw
        ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}", "\"1\""));

        // the initiator withdraws on the strength of what they saw before the approval
        Api.Response stale =
                api.as("initiator").post("/api/v1/changes/" + changeId + "/withdrawal", "{}", seen.header("ETag"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("rule").asString()).isEqualTo("expectedChangeVersionIsCurrent");
        assertThat(stale.json().get("detail").asString()).contains("изменилось после того, как вы его открыли");
        JsonNode now =
                ok(api.as("initiator").get("/api/v1/changes/" + changeId)).json();
        assertThat(now.get("status").asString()).as("nothing was overwritten").isEqualTo("DIVISION_APPROVED");
        assertThat(now.get("version").asLong()).isEqualTo(2);

        // the same through the body's expectedVersion
        Api.Response staleBody =
                api.as("initiator").post("/api/v1/changes/" + changeId + "/withdrawal", Map.of("expectedVersion", 1));
        assertThat(staleBody.status()).isEqualTo(409);

        // with the current version it goes through
        Api.Response withdrawn = api.as("initiator").post("/api/v1/changes/" + changeId + "/withdrawal", "{}", "\"2\"");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(ok(api.as("initiator").get("/api/v1/registers/" + register + "/changes"))
                        .json()
                        .get(0)
                        .get("version")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void staleApprovalAndRejectionAreRefused() {
        String register = newRegister();
        String changeId = initiate(register, "Телефон горячей линии");
        ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}"));
        Api.Response staleApproval =
                api.as("deputy").post("/api/v1/changes/" + changeId + "/deputy-approval", "{}", "\"1\"");
        assertThat(staleApproval.status()).isEqualTo(409);
        Api.Response staleRejection = api.as("deputy")
                .post(
                        "/api/v1/changes/" + changeId + "/rejection",
                        Map.of("reason", "Нет основания", "expectedVersion", 1));
        assertThat(staleRejection.status()).isEqualTo(409);
        assertThat(ok(api.as("deputy").get("/api/v1/changes/" + changeId))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DIVISION_APPROVED");
        Api.Response approved =
                api.as("deputy").post("/api/v1/changes/" + changeId + "/deputy-approval", "{}", "W/\"2\"");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        // published at once: no deadline of this test is left running for other tests' watchers
        ok(api.as("publisher")
                .post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.gov.ru/p")));
    }

    @Test
    void aPublicationOfARegisterThatMovedOnIsRefused() {
        String register = newRegister();
        String first = approvedChange(register, "Сайт");
        Api.Response rows = ok(api.as("publisher").get("/api/v1/registers/" + register + "/rows"));
        String seen = rows.header("ETag");
        assertThat(seen).matches("\"\\d+\"");
        long listed = 0;
        for (JsonNode r : ok(api.as("publisher").get("/api/v1/registers")).json()) {
            if (r.get("id").asString().equals(register)) {
                listed = r.get("version").asLong();
            }
        }
        assertThat("\"" + listed + "\"").as("the list shows the same version").isEqualTo(seen);

        // meanwhile a second change is approved into the register
        String second = approvedChange(register, "Телефон");
        Api.Response stale = api.as("publisher")
                .post(
                        "/api/v1/registers/" + register + "/publications",
                        Map.of("url", "https://example.gov.ru/perechen"),
                        seen);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("rule").asString()).isEqualTo("expectedRegisterVersionIsCurrent");
        assertThat(ok(api.as("publisher").get("/api/v1/registers/" + register + "/publications"))
                        .json())
                .isEmpty();

        String current = ok(api.as("publisher").get("/api/v1/registers/" + register + "/rows"))
                .header("ETag");
        Api.Response published = api.as("publisher")
                .post(
                        "/api/v1/registers/" + register + "/publications",
                        Map.of("url", "https://example.gov.ru/perechen"),
                        current);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().get("coveredChangeIds")).hasSize(2);
        assertThat(published.json().get("coveredChangeIds").toString()).contains(first, second);
    }

    @Test
    void anInitiationBasedOnAnOlderRegisterIsRefused() {
        String register = newRegister();
        String seen = ok(api.as("initiator").get("/api/v1/registers/" + register + "/rows"))
                .header("ETag");
        approvedChange(register, "Сайт");
        Map<String, Object> body = new HashMap<>(addRow("Телефон"));
        Api.Response stale = api.as("initiator").post("/api/v1/registers/" + register + "/changes", body, seen);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("rule").asString()).isEqualTo("expectedRegisterVersionIsCurrent");
        String current = ok(api.as("initiator").get("/api/v1/registers/" + register + "/rows"))
                .header("ETag");
        assertThat(api.as("initiator")
                        .post("/api/v1/registers/" + register + "/changes", body, current)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void malformedOrContradictoryVersionsAreBadRequests() {
        String register = newRegister();
        String changeId = initiate(register, "Сайт");
        Api.Response malformed =
                api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}", "\"v1\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).contains("If-Match");
        Api.Response contradictory = api.as("division-head")
                .post("/api/v1/changes/" + changeId + "/division-approval", Map.of("expectedVersion", 2), "\"1\"");
        assertThat(contradictory.status()).isEqualTo(400);
        assertThat(ok(api.as("division-head").get("/api/v1/changes/" + changeId))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("INITIATED");
    }

    @Test
    void theOpenApiPageDocumentsVersionsRetriesAndTheNewEndpoints() {
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body())
                .contains(
                        "If-Match",
                        "expectedVersion",
                        "publicationId",
                        "expectedChangeVersionIsCurrent",
                        "/api/v1/registers/{registerId}/delegations",
                        "/api/v1/admin/dead-letters",
                        "/api/v1/admin/dead-letters/retry");
    }
}
