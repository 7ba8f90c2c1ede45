package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the HTTP API × every role of the demo accounts, and an {@code outsider} (signed in, no role in
 * the register): exactly the allowed roles get through, the others get 403 (a problem detail, nothing recorded),
 * and an anonymous caller gets 401 unless the endpoint is public. The register's unpublished content is read by its
 * members, auditors and administrators only; its published versions by everyone signed in. The register-scoped roles (specialist, head, deputy, publisher) are decided by the register aggregate,
 * so each call is made in the state where the allowed role succeeds (a fresh change at the right step, an
 * approved change to publish…). The endpoints are read from Spring's request mappings: a new endpoint under
 * {@code /api/} without a row here fails {@link #everyEndpointHasARowInTheMatrix}.
 */
class AuthorizationMatrixIT extends ApplicationIT {
    static final String ANONYMOUS = "anonymous";
    /** Signed in, with no role in the matrix's register. */
    static final String OUTSIDER = "outsider";

    static final List<String> ROLES = List.of(
            ANONYMOUS, "initiator", "division-head", "other-head", "deputy", "publisher", "auditor", "admin", OUTSIDER);
    private static final Set<String> SIGNED_IN =
            Set.of("initiator", "division-head", "other-head", "deputy", "publisher", "auditor", "admin", OUTSIDER);
    /** The register's members (every demo account has a role in it), auditors and administrators. */
    private static final Set<String> READERS =
            Set.of("initiator", "division-head", "other-head", "deputy", "publisher", "auditor", "admin");

    private static final Set<String> EVERYONE = Set.copyOf(ROLES);
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    /** One request of a matrix row, prepared in the state the row needs. */
    record Call(String method, String path, String contentType, byte[] body) {
        static Call get(String path) {
            return new Call("GET", path, null, null);
        }

        static Call post(String path, Object json) {
            byte[] body = json == null
                    ? null
                    : (json instanceof String s ? s : Api.MAPPER.writeValueAsString(json))
                            .getBytes(StandardCharsets.UTF_8);
            return new Call("POST", path, "application/json", body);
        }

        static Call multipart(String path, byte[] file) {
            String boundary = "matrix" + UNIQUE.incrementAndGet();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file.csv\""
                            + "\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + file.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(file, 0, body, head.length, file.length);
            System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
            return new Call("POST", path, "multipart/form-data; boundary=" + boundary, body);
        }
    }

    /**
     * A row: the endpoint as Spring maps it, the situation, the roles allowed, how to make the call, and the status
     * a signed-in caller who is not allowed gets (403; 404 where an unreadable id is answered as unknown).
     */
    record Row(String endpoint, String situation, Set<String> allowed, Supplier<Call> call, int refusedWith) {
        Row(String endpoint, String situation, Set<String> allowed, Supplier<Call> call) {
            this(endpoint, situation, allowed, call, 403);
        }
    }

    private String register;

    private List<Row> matrix() {
        String r = "/api/v1/registers/" + register;
        Set<String> auditors = Set.of("auditor", "admin");
        Set<String> admin = Set.of("admin");
        return List.of(
                // reading: unpublished content by the register's members, auditors and administrators; published
                // versions by every signed-in account; the audit trail only by auditors and administrators
                new Row("GET /api/v1/registers", "the readable ones", SIGNED_IN, () -> Call.get("/api/v1/registers")),
                new Row(
                        "GET /api/v1/register-suggestions",
                        "of the readable registers",
                        SIGNED_IN,
                        () -> Call.get("/api/v1/register-suggestions?q=" + register)),
                new Row("GET /api/v1/registers/{registerId}/rows", "current", READERS, () -> Call.get(r + "/rows")),
                new Row(
                        "GET /api/v1/registers/{registerId}/rows",
                        "as of an instant",
                        READERS,
                        () -> Call.get(r + "/rows?asOf=2024-12-20T09:00:00Z")),
                new Row(
                        "GET /api/v1/registers/{registerId}/rows",
                        "a published version",
                        SIGNED_IN,
                        () -> Call.get(r + "/rows?version=" + publishedVersion())),
                new Row("GET /api/v1/registers/{registerId}/changes", "", READERS, () -> Call.get(r + "/changes")),
                new Row(
                        "GET /api/v1/registers/{registerId}/touchpoints",
                        "",
                        READERS,
                        () -> Call.get(r + "/touchpoints")),
                new Row(
                        "GET /api/v1/changes/{changeId}",
                        "answered as unknown when unreadable",
                        READERS,
                        () -> Call.get("/api/v1/changes/" + initiate(register, next("Просмотр"))),
                        404),
                new Row("GET /api/v1/registers/{registerId}/members", "", READERS, () -> Call.get(r + "/members")),
                new Row(
                        "GET /api/v1/registers/{registerId}/export",
                        "current",
                        READERS,
                        () -> Call.get(r + "/export?format=csv")),
                new Row(
                        "GET /api/v1/registers/{registerId}/export",
                        "a published version",
                        SIGNED_IN,
                        () -> Call.get(r + "/export?format=csv&version=" + publishedVersion())),
                new Row(
                        "GET /api/v1/registers/{registerId}/publications",
                        "",
                        SIGNED_IN,
                        () -> Call.get(r + "/publications")),
                new Row(
                        "GET /api/v1/registers/{registerId}/publications/verify",
                        "",
                        SIGNED_IN,
                        () -> Call.get(r + "/publications/verify")),
                new Row(
                        "POST /api/v1/registers/{registerId}/publications/verify-file",
                        "",
                        SIGNED_IN,
                        () -> Call.multipart(
                                r + "/publications/verify-file", "какой-то файл".getBytes(StandardCharsets.UTF_8))),
                new Row(
                        "GET /api/v1/deadlines",
                        "of the register",
                        READERS,
                        () -> Call.get("/api/v1/deadlines?registerId=" + register)),
                new Row(
                        "GET /api/v1/deadlines",
                        "of the readable registers",
                        SIGNED_IN,
                        () -> Call.get("/api/v1/deadlines")),
                new Row(
                        "GET /api/v1/deadlines/export",
                        "of the register",
                        READERS,
                        () -> Call.get("/api/v1/deadlines/export?registerId=" + register)),
                new Row(
                        "GET /api/v1/deadlines/export",
                        "of the readable registers",
                        SIGNED_IN,
                        () -> Call.get("/api/v1/deadlines/export")),
                new Row(
                        "GET /api/v1/annual-reviews",
                        "of the readable registers",
                        SIGNED_IN,
                        () -> Call.get("/api/v1/annual-reviews?year=2024")),
                new Row(
                        "GET /api/v1/annual-reviews",
                        "of the register",
                        READERS,
                        () -> Call.get("/api/v1/annual-reviews?year=2024&registerId=" + register)),
                new Row("GET /api/v1/registers/{registerId}/history", "", auditors, () -> Call.get(r + "/history")),
                new Row(
                        "GET /api/v1/registers/{registerId}/history/export",
                        "",
                        auditors,
                        () -> Call.get(r + "/history/export")),
                new Row("GET /api/v1/accounts", "", admin, () -> Call.get("/api/v1/accounts")),
                // the production calendar is public
                new Row(
                        "GET /api/v1/calendar/due-date",
                        "",
                        EVERYONE,
                        () -> Call.get(
                                "/api/v1/calendar/due-date?madeAt=2024-12-27T09:00:00Z&workingDays=10&zone=Europe/Moscow")),
                new Row("GET /api/v1/calendar/{year:\\d+}", "", EVERYONE, () -> Call.get("/api/v1/calendar/2025")),
                new Row(
                        "POST /api/v1/calendar",
                        "a region's overlay",
                        admin,
                        () -> Call.post(
                                "/api/v1/calendar",
                                Map.of(
                                        "year",
                                        2026,
                                        "region",
                                        "RU-ZZ",
                                        "source",
                                        "Проверка прав доступа",
                                        "nonWorkingDays",
                                        List.of()))),
                new Row(
                        "GET /api/v1/calendar/federal-only",
                        "",
                        EVERYONE,
                        () -> Call.get("/api/v1/calendar/federal-only")),
                new Row(
                        "POST /api/v1/calendar/{year:\\d+}/federal-only",
                        "",
                        admin,
                        () -> Call.post(
                                "/api/v1/calendar/2100/federal-only?region=RU-DA",
                                Map.of("reason", "Проверка прав доступа"))),
                // setting up registers and accounts: the administrator
                new Row(
                        "POST /api/v1/registers",
                        "",
                        admin,
                        () -> Call.post(
                                "/api/v1/registers",
                                Map.of(
                                        "id",
                                        "m-" + next("r"),
                                        "authority",
                                        "Орган",
                                        "timeZone",
                                        "Europe/Moscow",
                                        "template",
                                        "SIX_COLUMN"))),
                new Row(
                        "POST /api/v1/registers/{registerId}/divisions",
                        "",
                        admin,
                        () -> Call.post(
                                r + "/divisions",
                                Map.of("id", next("d"), "name", "Отдел", "processes", List.of(next("Процесс"))))),
                new Row(
                        "POST /api/v1/registers/{registerId}/members",
                        "",
                        admin,
                        () -> Call.post(r + "/members", Map.of("username", "other-initiator", "role", "PUBLISHER"))),
                new Row("DELETE /api/v1/registers/{registerId}/members/{username}", "a role held", admin, () -> {
                    ok(api.as("admin")
                            .post(r + "/members", Map.of("username", "other-initiator", "role", "PUBLISHER")));
                    return new Call("DELETE", r + "/members/other-initiator?role=PUBLISHER", null, null);
                }),
                new Row(
                        "POST /api/v1/registers/{registerId}/import",
                        "dry run",
                        admin,
                        () -> Call.multipart(
                                r + "/import?dryRun=true",
                                ("group_no,direction,process,touchpoint,interaction,features\n1,Предоставление государственных услуг,"
                                                + "Процесс,Сайт,Получение информации,Взаимодействие в цифровой точке\n")
                                        .getBytes(StandardCharsets.UTF_8))),
                new Row(
                        "POST /api/v1/accounts",
                        "",
                        admin,
                        () -> Call.post(
                                "/api/v1/accounts",
                                Map.of(
                                        "username",
                                        next("u"),
                                        "password",
                                        "пароль-для-проверки",
                                        "displayName",
                                        "Проверка"))),
                new Row(
                        "POST /api/v1/accounts/{username}/disable",
                        "another account",
                        admin,
                        () -> Call.post("/api/v1/accounts/" + freshAccount() + "/disable", null)),
                new Row("POST /api/v1/accounts/{username}/enable", "a disabled account", admin, () -> {
                    String username = freshAccount();
                    accounts.setEnabled(username, false);
                    return Call.post("/api/v1/accounts/" + username + "/enable", null);
                }),
                new Row(
                        "PUT /api/v1/accounts/{username}/password",
                        "another account (reset)",
                        admin,
                        () -> new Call(
                                "PUT",
                                "/api/v1/accounts/" + freshAccount() + "/password",
                                "application/json",
                                Api.MAPPER
                                        .writeValueAsString(Map.of("password", "новый пароль для проверки"))
                                        .getBytes(StandardCharsets.UTF_8))),
                new Row(
                        "POST /api/v1/admin/projections/rebuild",
                        "",
                        admin,
                        () -> Call.post("/api/v1/admin/projections/rebuild", null)),
                new Row("GET /api/v1/admin/projections/rebuild", "the latest", admin, () -> {
                    rebuildStarted();
                    return Call.get("/api/v1/admin/projections/rebuild");
                }),
                new Row(
                        "GET /api/v1/admin/projections/rebuild/{id}",
                        "",
                        admin,
                        () -> Call.get("/api/v1/admin/projections/rebuild/" + rebuildStarted())),
                // the approval chain: decided by the register's members
                new Row(
                        "POST /api/v1/registers/{registerId}/changes",
                        "",
                        Set.of("initiator"),
                        () -> Call.post(r + "/changes", addRow(next("Точка")))),
                new Row(
                        "POST /api/v1/registers/{registerId}/changes",
                        "a package of operations",
                        Set.of("initiator"),
                        () -> Call.post(
                                r + "/changes",
                                Map.of(
                                        "reason",
                                        "OTHER",
                                        "operations",
                                        List.of(
                                                Map.of(
                                                        "kind",
                                                        "ADD",
                                                        "row",
                                                        row(LICENSING_PROCESS, next("Точка"), "DIGITAL", List.of(1))),
                                                Map.of(
                                                        "kind",
                                                        "ADD",
                                                        "row",
                                                        row(
                                                                LICENSING_PROCESS,
                                                                next("Точка"),
                                                                "DIGITAL",
                                                                List.of(1))))))),
                new Row(
                        "POST /api/v1/changes/{changeId}/division-approval",
                        "initiated change",
                        Set.of("division-head"),
                        () -> Call.post(
                                "/api/v1/changes/" + initiate(register, next("Точка")) + "/division-approval", "{}")),
                new Row(
                        "POST /api/v1/changes/{changeId}/deputy-approval",
                        "change approved by the division",
                        Set.of("deputy"),
                        () -> Call.post(
                                "/api/v1/changes/" + divisionApproved(next("Точка")) + "/deputy-approval", "{}")),
                new Row(
                        "POST /api/v1/changes/{changeId}/rejection",
                        "initiated change",
                        Set.of("division-head"),
                        () -> Call.post(
                                "/api/v1/changes/" + initiate(register, next("Точка")) + "/rejection",
                                Map.of("reason", "Не требуется"))),
                new Row(
                        "POST /api/v1/changes/{changeId}/rejection",
                        "change approved by the division",
                        Set.of("deputy"),
                        () -> Call.post(
                                "/api/v1/changes/" + divisionApproved(next("Точка")) + "/rejection",
                                Map.of("reason", "Не требуется"))),
                new Row(
                        "POST /api/v1/changes/{changeId}/withdrawal",
                        "initiated change",
                        Set.of("initiator"),
                        () -> Call.post("/api/v1/changes/" + initiate(register, next("Точка")) + "/withdrawal", null)),
                new Row(
                        "POST /api/v1/registers/{registerId}/publications",
                        "an approved change",
                        Set.of("publisher"),
                        () -> {
                            approvedChange(register, next("Точка"));
                            return Call.post(r + "/publications", Map.of("url", "https://example.gov.ru/perechen"));
                        }),
                new Row("GET /api/v1/registers/{registerId}", "", READERS, () -> Call.get(r)),
                new Row(
                        "GET /api/v1/registers/{registerId}/approval-acts",
                        "",
                        READERS,
                        () -> Call.get(r + "/approval-acts")),
                new Row("PUT /api/v1/registers/{registerId}/procedure", "a register of its own", admin, () -> {
                    String other = "m-" + next("p");
                    ok(api.as("admin")
                            .post(
                                    "/api/v1/registers",
                                    Map.of(
                                            "id",
                                            other,
                                            "authority",
                                            "Орган",
                                            "timeZone",
                                            "Europe/Moscow",
                                            "template",
                                            "SIX_COLUMN")));
                    return new Call(
                            "PUT",
                            "/api/v1/registers/" + other + "/procedure",
                            "application/json",
                            "{\"preset\":\"DAGESTAN_MINSTROY\"}".getBytes(StandardCharsets.UTF_8));
                }),
                new Row(
                        "POST /api/v1/changes/{changeId}/approval",
                        "initiated change",
                        Set.of("division-head"),
                        () -> Call.post("/api/v1/changes/" + initiate(register, next("Точка")) + "/approval", "{}")),
                new Row(
                        "POST /api/v1/registers/{registerId}/approval-acts",
                        "a change awaiting its act",
                        Set.of("deputy"),
                        () -> {
                            String awaiting = awaitingAct(next("Точка"));
                            return Call.post(
                                    "/api/v1/registers/" + actRegister + "/approval-acts",
                                    Map.of("number", "1-п", "date", "2024-12-20", "changeIds", List.of(awaiting)));
                        }),
                new Row(
                        "POST /api/v1/registers/{registerId}/annual-reviews",
                        "",
                        Set.of("initiator", "division-head"),
                        () -> Call.post(r + "/annual-reviews", Map.of("division", "licensing", "year", 2024))),
                // acting officials: the holder of the approval right, or an administrator for them
                new Row(
                        "GET /api/v1/registers/{registerId}/delegations",
                        "",
                        READERS,
                        () -> Call.get(r + "/delegations")),
                new Row(
                        "POST /api/v1/registers/{registerId}/delegations",
                        "the head's right",
                        Set.of("division-head", "admin"),
                        () -> Call.post(r + "/delegations", delegation())),
                new Row(
                        "DELETE /api/v1/registers/{registerId}/delegations/{delegationId}",
                        "a delegation of the head",
                        Set.of("division-head", "admin"),
                        () -> {
                            String id = ok(api.as("admin").post(r + "/delegations", delegation()))
                                    .json()
                                    .get("delegationId")
                                    .asString();
                            return new Call("DELETE", r + "/delegations/" + id, null, null);
                        }),
                // operations
                new Row("GET /api/v1/admin/dead-letters", "", admin, () -> Call.get("/api/v1/admin/dead-letters")),
                new Row("GET /api/v1/admin/audit", "", auditors, () -> Call.get("/api/v1/admin/audit")),
                new Row(
                        "POST /api/v1/admin/dead-letters/retry",
                        "",
                        admin,
                        () -> Call.post("/api/v1/admin/dead-letters/retry", null)),
                new Row(
                        "POST /api/v1/admin/dead-letters/{id}/set-aside",
                        "a parked event",
                        admin,
                        () -> Call.post(
                                "/api/v1/admin/dead-letters/" + parkedLetter() + "/set-aside",
                                Map.of("reason", "Проверка прав доступа"))));
    }

    /** An account of no one in the matrix, for the lifecycle rows. */
    private String freshAccount() {
        String username = next("acc");
        accounts.create(username, "demo", "Учётная запись для проверки прав", null);
        return username;
    }

    /**
     * The account's own password (the other half of {@code PUT /accounts/{username}/password}): every signed-in
     * account may change it with its current one; the demo password is put back after each.
     */
    @Test
    void everyAccountChangesItsOwnPasswordWithTheCurrentOne() {
        for (String role : SIGNED_IN) {
            Api.Response r = api.as(role)
                    .send(
                            "PUT",
                            "/api/v1/accounts/" + role + "/password",
                            "application/json",
                            Api.MAPPER
                                    .writeValueAsString(
                                            Map.of("password", "собственный новый пароль", "currentPassword", "demo"))
                                    .getBytes(StandardCharsets.UTF_8));
            try {
                assertThat(r.status())
                        .as("%s changes its own password: %s", role, r)
                        .isEqualTo(200);
                assertThat(api.as(role, "собственный новый пароль")
                                .get("/api/v1/registers")
                                .status())
                        .isEqualTo(200);
            } finally {
                accounts.setPassword(role, "demo");
            }
        }
        Api.Response anonymous = api.send(
                "PUT",
                "/api/v1/accounts/initiator/password",
                "application/json",
                "{\"password\":\"чужой новый пароль\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private final java.util.concurrent.atomic.AtomicInteger periods = new java.util.concurrent.atomic.AtomicInteger();

    /** The licensing head's right for a period of its own (one acting official at a time). */
    private Map<String, Object> delegation() {
        java.time.LocalDate from = java.time.LocalDate.of(2030, 1, 1).plusDays(10L * periods.getAndIncrement());
        return Map.of(
                "holder",
                "division-head",
                "delegate",
                "other-initiator",
                "role",
                "HEAD",
                "division",
                "licensing",
                "validFrom",
                from.toString(),
                "validTo",
                from.plusDays(5).toString());
    }

    private Integer published;

    /** A version of the matrix's register published (once). */
    private int publishedVersion() {
        if (published == null) {
            approvedChange(register, next("Опубликованная точка"));
            published = ok(api.as("publisher")
                            .post(
                                    "/api/v1/registers/" + register + "/publications",
                                    Map.of("url", "https://example.gov.ru/perechen")))
                    .json()
                    .get("version")
                    .asInt();
        }
        return published;
    }

    /** The rows start rebuilds and do not follow them: none may still run when the next test class begins. */
    @AfterEach
    void noRebuildLeftRunning() {
        ReadModels.awaitIdle(api.as("admin"));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAndRole() {
        accounts.create(OUTSIDER, "demo", "Сотрудник другого органа", null);
        register = newRegister();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : matrix()) {
            for (String role : ROLES) {
                String name = row.endpoint() + (row.situation().isEmpty() ? "" : " (" + row.situation() + ")") + " as "
                        + role;
                tests.add(DynamicTest.dynamicTest(name, () -> check(row, role)));
            }
        }
        return tests.stream();
    }

    private void check(Row row, String role) {
        Call call = row.call().get();
        long eventsBefore = eventCount();
        Api client = role.equals(ANONYMOUS) ? api : api.as(role);
        Api.Response r = client.send(call.method(), call.path(), call.contentType(), call.body());
        if (row.allowed().contains(role)) {
            assertThat(r.status()).as("%s is allowed: %s", role, r).isBetween(200, 299);
            return;
        }
        int expected = role.equals(ANONYMOUS) ? 401 : row.refusedWith();
        assertThat(r.status()).as("%s is not allowed: %s", role, r).isEqualTo(expected);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).matches("(?s).*[А-Яа-я].*");
        assertThat(eventCount()).as("a refused call records nothing").isEqualTo(eventsBefore);
    }

    @Test
    void everyEndpointHasARowInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue; // web pages are not part of the API
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s names its HTTP method", pattern).isNotEmpty();
                methods.forEach(m -> mapped.add(m.name() + " " + pattern));
            }
        });
        register = "any";
        Set<String> inMatrix = new TreeSet<>();
        matrix().forEach(row -> inMatrix.add(row.endpoint()));
        assertThat(inMatrix)
                .as("rows of the matrix name existing endpoints, and every endpoint has a row")
                .containsExactlyElementsOf(mapped);
    }

    /** A register whose procedure requires an approving act (003), with the same people as the matrix register. */
    private String actRegister;

    private String awaitingAct(String touchpoint) {
        if (actRegister == null) {
            actRegister = newRegister();
            Api.Response put = api.as("admin")
                    .send(
                            "PUT",
                            "/api/v1/registers/" + actRegister + "/procedure",
                            "application/json",
                            ("{\"preset\":\"NOVOSIBIRSK_GSN\",\"directions\":"
                                            + "[\"Предоставление государственных услуг\"]}")
                                    .getBytes(StandardCharsets.UTF_8));
            ok(put);
        }
        String change = initiate(actRegister, touchpoint);
        ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + change + "/deputy-approval", "{}"));
        return change;
    }

    private String divisionApproved(String touchpoint) {
        String change = initiate(register, touchpoint);
        ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        return change;
    }

    /**
     * A parked letter to set aside: the copy of one of the register's events under an event id of its own and a
     * sequence of its own (so no real event is ever skipped), reused until an administrator sets it aside.
     */
    private String parkedLetter() {
        return jdbc.sql(
                        "select dead_letter_id from dead_letter_entry where sequence_identifier like 'matrix-%' limit 1")
                .query(String.class)
                .optional()
                .orElseGet(() -> {
                    String id = java.util.UUID.randomUUID().toString();
                    jdbc.sql("""
                                    insert into dead_letter_entry(dead_letter_id, processing_group, sequence_identifier,
                                        sequence_index, message_type, event_identifier, time_stamp, payload_type,
                                        payload_revision, payload, meta_data, aggregate_type, aggregate_identifier,
                                        sequence_number, enqueued_at, last_touched, cause_type, cause_message, diagnostics)
                                    select ?, 'projections', ?, 0, 'org.axonframework.eventhandling.GenericDomainEventMessage',
                                           ?, time_stamp, payload_type, payload_revision, payload, meta_data, type,
                                           aggregate_identifier, sequence_number, time_stamp, time_stamp,
                                           'java.lang.IllegalStateException', 'matrix', meta_data
                                    from domain_event_entry where aggregate_identifier = ? order by sequence_number limit 1""")
                            .params(
                                    id,
                                    "matrix-" + UNIQUE.incrementAndGet(),
                                    java.util.UUID.randomUUID().toString(),
                                    register)
                            .update();
                    return id;
                });
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry")
                .query(Long.class)
                .single();
    }

    private static String next(String prefix) {
        return prefix + "-" + UNIQUE.incrementAndGet();
    }

    /** The id of a rebuild started now, or of the one that runs already. */
    private String rebuildStarted() {
        Api.Response started = api.as("admin").post("/api/v1/admin/projections/rebuild", "{}");
        if (started.status() == 202) {
            return started.json().get("id").asString();
        }
        return ok(api.as("admin").get("/api/v1/admin/projections/rebuild"))
                .json()
                .get("id")
                .asString();
    }
}
