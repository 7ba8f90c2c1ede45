package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.touchpoints.register.query.metrics.RegisterGauges;
import tools.jackson.databind.JsonNode;

/**
 * Read scope: a second authority's register, with drafts (pending changes, a comment, a rejection reason, a
 * delegation) after its first published version, is read by its own members, auditors and administrators only. A
 * member of another register gets 403 on every unpublished read, API and pages (a change, by its id, is answered
 * «не найдено» as an unknown one), does not see it in the lists, and still reads its published version; so does an
 * anonymous visitor on the public pages. A revoked role gives no access from that moment, and the scrape names no
 * register to an anonymous caller.
 */
class ReadScopeIT extends ApplicationIT {
    static final String COMMENT = "Черновик: новая горячая линия, ещё не согласована";
    static final String REJECTION = "Отклонено: номер телефона не утверждён приказом";
    static final String PUBLISHED = "Официальный сайт второго органа";
    static final String DRAFT = "Горячая линия второго органа";

    @Autowired
    RegisterGauges gauges;

    private String first;
    private String second;
    private String pending;
    private String rejected;
    private String delegation;

    @BeforeEach
    void twoRegisters() {
        for (String u :
                List.of("second-specialist", "second-head", "second-deputy", "second-publisher", "second-acting")) {
            accounts.create(u, "demo", "Сотрудник " + u, null);
        }
        first = newRegister();
        second = secondRegister();
        Api specialist = api.as("second-specialist");
        Api head = api.as("second-head");

        String toPublish = change(specialist, PUBLISHED, null);
        ok(head.post("/api/v1/changes/" + toPublish + "/division-approval", "{}"));
        ok(api.as("second-deputy").post("/api/v1/changes/" + toPublish + "/deputy-approval", "{}"));
        ok(api.as("second-publisher")
                .post(
                        "/api/v1/registers/" + second + "/publications",
                        Map.of("url", "https://second.example.gov.ru/perechen")));

        pending = change(specialist, DRAFT, COMMENT);
        rejected = change(specialist, "Чат-бот второго органа", null);
        ok(head.post("/api/v1/changes/" + rejected + "/rejection", Map.of("reason", REJECTION)));
        delegation = ok(head.post(
                        "/api/v1/registers/" + second + "/delegations",
                        Map.of(
                                "delegate",
                                "second-acting",
                                "role",
                                "HEAD",
                                "division",
                                "licensing",
                                "validFrom",
                                "2024-12-23",
                                "validTo",
                                "2024-12-27",
                                "comment",
                                "Отпуск руководителя")))
                .json()
                .get("delegationId")
                .asString();
    }

    /** Every read of the second register's unpublished content, API and pages, with what a reader finds there. */
    private List<String[]> unpublishedReads() {
        String r = "/api/v1/registers/" + second;
        List<String[]> reads = new ArrayList<>();
        reads.add(new String[] {r + "/rows", PUBLISHED});
        reads.add(new String[] {r + "/rows?asOf=2024-12-20T10:00:00Z", PUBLISHED});
        reads.add(new String[] {r + "/changes", COMMENT});
        reads.add(new String[] {r + "/changes?status=REJECTED", "Чат-бот второго органа"});
        reads.add(new String[] {r + "/members", "second-head"});
        reads.add(new String[] {r + "/export?format=csv", PUBLISHED});
        reads.add(new String[] {r + "/delegations", "Отпуск руководителя"});
        reads.add(new String[] {"/api/v1/deadlines?registerId=" + second, second});
        reads.add(new String[] {"/api/v1/annual-reviews?year=2024&registerId=" + second, "licensing"});
        reads.add(new String[] {"/registers/" + second, PUBLISHED});
        reads.add(new String[] {"/registers/" + second + "/changes", DRAFT});
        reads.add(new String[] {
            "/registers/" + second + "/touchpoint-check?process=" + encode(LICENSING_PROCESS) + "&name="
                    + encode(PUBLISHED),
            "duplicate"
        });
        reads.add(new String[] {"/deadlines?registerId=" + second, "Официальный сайт второго органа"});
        return reads;
    }

    /** The reads of one change by its id: answered 404 to whoever may not read its register. */
    private List<String[]> changeReads() {
        return List.of(
                new String[] {"/api/v1/changes/" + pending, COMMENT},
                new String[] {"/api/v1/changes/" + rejected, REJECTION},
                new String[] {"/changes/" + pending, COMMENT},
                new String[] {"/changes/" + rejected, REJECTION});
    }

    @Test
    void aMemberOfAnotherRegisterIsRefusedEveryUnpublishedRead() {
        Api outsider = api.as("initiator"); // a specialist of the first register only
        ok(outsider.get("/api/v1/registers/" + first + "/rows"));
        for (String[] read : unpublishedReads()) {
            Api.Response r = outsider.get(read[0]);
            assertThat(r.status())
                    .as("%s as a member of another register: %s", read[0], r)
                    .isEqualTo(403);
            assertThat(r.body()).as(read[0]).doesNotContain(COMMENT, REJECTION, DRAFT, "Отпуск руководителя");
            if (read[0].startsWith("/api/")) {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("detail").asString()).contains("участникам этого перечня");
            } else {
                assertThat(r.contentType()).startsWith("text/html");
                assertThat(r.body()).contains("участникам этого перечня");
            }
        }
        Api.Response form = outsider.get("/registers/" + second + "/changes/new");
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.body()).contains("участникам этого перечня");
        for (String[] read : changeReads()) {
            Api.Response r = outsider.get(read[0]);
            String id = read[0].substring(read[0].lastIndexOf('/') + 1);
            Api.Response unknown = outsider.get(read[0].substring(0, read[0].lastIndexOf('/') + 1) + "no-such-change");
            assertThat(r.status())
                    .as("%s as a member of another register: %s", read[0], r)
                    .isEqualTo(404);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(r.body())
                    .as("answered as an unknown change")
                    .doesNotContain(COMMENT, REJECTION, DRAFT)
                    .contains("Изменение «" + id + "» не найдено");
            if (read[0].startsWith("/api/")) {
                assertThat(r.body()).isEqualTo(unknown.body().replace("no-such-change", id));
            }
        }
        assertThat(outsider.get("/api/v1/registers/" + second + "/history").status())
                .isEqualTo(403);
        assertThat(outsider.get("/audit?registerId=" + second).status()).isEqualTo(403);
        assertThat(outsider.get("/registers/" + second + "/publish").status()).isEqualTo(403);
    }

    @Test
    void theListsHoldOnlyTheRegistersTheCallerMayRead() {
        Api outsider = api.as("initiator");
        assertThat(ids(ok(outsider.get("/api/v1/registers")).json(), "id"))
                .contains(first)
                .doesNotContain(second);
        assertThat(ids(ok(outsider.get("/api/v1/deadlines")).json(), "registerId"))
                .doesNotContain(second);
        assertThat(ids(ok(outsider.get("/api/v1/annual-reviews?year=2024")).json(), "registerId"))
                .contains(first)
                .doesNotContain(second);
        assertThat(everyPage(outsider, "/registers")).contains(first).doesNotContain(second);
        assertThat(ok(outsider.get("/deadlines")).body()).doesNotContain(second, PUBLISHED);

        Api member = api.as("second-specialist");
        assertThat(ids(ok(member.get("/api/v1/registers")).json(), "id"))
                .contains(second)
                .doesNotContain(first)
                .allMatch(id -> id.startsWith("s-"));
        assertThat(ids(ok(member.get("/api/v1/deadlines")).json(), "registerId"))
                .contains(second)
                .allMatch(id -> id.startsWith("s-"));
        assertThat(ids(ok(api.as("auditor").get("/api/v1/registers")).json(), "id"))
                .contains(first, second);
        assertThat(ids(ok(api.as("auditor").get("/api/v1/deadlines")).json(), "registerId"))
                .contains(second);
        assertThat(api.get("/api/v1/registers").status()).as("anonymous").isEqualTo(401);
    }

    @Test
    void itsMembersAuditorsAndAdministratorsReadIt() {
        for (String reader : List.of(
                "second-specialist",
                "second-head",
                "second-deputy",
                "second-publisher",
                "second-acting",
                "auditor",
                "admin")) {
            Api as = api.as(reader);
            for (String[] read : unpublishedReads()) {
                Api.Response r = as.get(read[0]);
                assertThat(r.status()).as("%s as %s: %s", read[0], reader, r).isEqualTo(200);
                assertThat(r.body()).as("%s as %s", read[0], reader).contains(read[1]);
            }
            for (String[] read : changeReads()) {
                Api.Response r = as.get(read[0]);
                assertThat(r.status()).as("%s as %s: %s", read[0], reader, r).isEqualTo(200);
                assertThat(r.body()).as("%s as %s", read[0], reader).contains(read[1]);
            }
        }
    }

    @Test
    void itsSpecialistsOpenTheProposalForm() {
        assertThat(ok(api.as("second-specialist").get("/registers/" + second + "/changes/new"))
                        .body())
                .contains("changeId");
    }

    @Test
    void thePublishedVersionStaysPublic() {
        Api outsider = api.as("initiator");
        String r = "/api/v1/registers/" + second;
        assertThat(ok(outsider.get(r + "/rows?version=1")).body())
                .contains(PUBLISHED)
                .doesNotContain(DRAFT);
        assertThat(ok(outsider.get(r + "/export?format=csv&version=1")).body())
                .contains(PUBLISHED)
                .doesNotContain(DRAFT);
        assertThat(ok(outsider.get(r + "/publications"))
                        .json()
                        .get(0)
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        ok(outsider.get(r + "/publications/verify"));
        assertThat(ok(api.get("/public/" + second)).body()).contains(PUBLISHED).doesNotContain(DRAFT, COMMENT);
        assertThat(ok(api.get("/public/" + second + "/export?format=csv&version=1"))
                        .body())
                .contains(PUBLISHED)
                .doesNotContain(DRAFT);
        assertThat(ok(api.get("/public?q=" + second)).body()).contains(second);
    }

    @Test
    void aRevokedRoleGivesNoAccessAndNoApprovalFromThatMoment() {
        Api head = api.as("second-head");
        ok(head.get("/api/v1/registers/" + second + "/rows"));
        String waiting = change(api.as("second-specialist"), "Мессенджер второго органа", null);

        Api.Response revoked = api.as("admin")
                .delete("/api/v1/registers/" + second + "/members/second-head?role=HEAD&division=licensing");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");

        assertThat(head.get("/api/v1/registers/" + second + "/rows").status()).isEqualTo(403);
        assertThat(head.get("/registers/" + second).status()).isEqualTo(403);
        assertThat(head.get("/api/v1/changes/" + waiting).status()).isEqualTo(404);
        assertThat(ids(ok(head.get("/api/v1/registers")).json(), "id")).doesNotContain(second);
        Api.Response approval = head.post("/api/v1/changes/" + waiting + "/division-approval", "{}");
        assertThat(approval.status()).as(approval.toString()).isEqualTo(403);
        assertThat(approval.json().get("rule").asString()).isEqualTo("onlyTheInitiatingDivisionsHeadApproves");
        assertThat(ids(
                        ok(api.as("auditor").get("/api/v1/registers/" + second + "/members"))
                                .json(),
                        "username"))
                .doesNotContain("second-head")
                .contains("second-specialist", "second-deputy");
        ok(api.as("second-acting").get("/api/v1/registers/" + second + "/rows")); // holds a role of their own

        Api.Response again = api.as("admin")
                .delete("/api/v1/registers/" + second + "/members/second-head?role=HEAD&division=licensing");
        assertThat(again.status()).as("a role no longer held").isEqualTo(404);
        assertThat(again.json().get("rule").asString()).isEqualTo("onlyAHeldRoleIsRevoked");

        JsonNode audit = ok(api.as("auditor").get("/api/v1/admin/audit")).json();
        List<String> trail = new ArrayList<>();
        audit.forEach(e -> trail.add(e.get("action").asString() + " "
                + e.get("target").asString() + " " + e.get("actor").asString()));
        assertThat(trail)
                .containsOnlyOnce("ROLE_REVOKED " + second + "/second-head admin")
                .contains("ROLE_GIVEN " + second + "/second-head admin");
    }

    @Test
    void theScrapeNamesNoRegisterToAnAnonymousCaller() {
        gauges.refresh();
        String anonymous = ok(api.get("/actuator/prometheus")).body();
        assertThat(anonymous).doesNotContain("register=\"").contains("register_approval_lead_time_seconds");
        assertThat(ok(api.as("auditor").get("/actuator/prometheus")).body())
                .contains("register_changes_pending{register=\"" + second + "\"");
        String member = ok(api.as("initiator").get("/actuator/prometheus")).body();
        assertThat(member).contains("register=\"" + first + "\"").doesNotContain("register=\"" + second + "\"");
    }

    private String secondRegister() {
        String id = "s-" + UUID.randomUUID().toString().substring(0, 8);
        Api admin = api.as("admin");
        ok(admin.post(
                "/api/v1/registers",
                Map.of(
                        "id",
                        id,
                        "authority",
                        "Второй орган власти",
                        "timeZone",
                        "Europe/Moscow",
                        "template",
                        "SIX_COLUMN",
                        "publicationDeadlineWorkingDays",
                        10)));
        ok(admin.post(
                "/api/v1/registers/" + id + "/divisions",
                Map.of("id", "licensing", "name", "Отдел лицензирования", "processes", List.of(LICENSING_PROCESS))));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "second-specialist", "role", "SPECIALIST", "division", "licensing")));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "second-head", "role", "HEAD", "division", "licensing")));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "second-acting", "role", "SPECIALIST", "division", "licensing")));
        ok(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "second-deputy", "role", "DEPUTY")));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members", Map.of("username", "second-publisher", "role", "PUBLISHER")));
        return id;
    }

    private String change(Api specialist, String touchpoint, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(addRow(touchpoint));
        if (comment != null) {
            body.put("comment", comment);
        }
        return ok(specialist.post("/api/v1/registers/" + second + "/changes", body))
                .json()
                .get("changeId")
                .asString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(field).asString()));
        return ids;
    }

    /** The pages of a paged list page (50 a page), one after the other, as one text. */
    private static String everyPage(Api caller, String path) {
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= 1000; page++) {
            String body = ok(caller.get(path + "?page=" + page)).body();
            all.append(body);
            if (!body.contains("id=\"page-next\"")) {
                return all.toString();
            }
        }
        throw new AssertionError("more than 1000 pages of " + path);
    }
}
