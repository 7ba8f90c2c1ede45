package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sessions, cookies, CSRF and security headers, as a browser and an API client meet them. */
class WebSecurityIT extends ApplicationIT {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void apiClientsWithBasicGetNoSession() throws Exception {
        HttpResponse<String> r = send(get("/api/v1/registers").header("Authorization", basic("auditor")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void signingInOnTheFormGivesAnHttpOnlySameSiteSessionCookie() throws Exception {
        String session = signIn("auditor");
        assertThat(session)
                .contains("REGISTER_SESSION=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        HttpResponse<String> page = send(get("/registers").header("Cookie", cookie(session)));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Перечни точек взаимодействия");
    }

    @Test
    void aSessionCannotBeRiddenByAnotherSiteWithoutTheCsrfToken() throws Exception {
        String registerId = newRegister();
        String session = signIn("initiator");
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/api/v1/registers/" + registerId + "/changes"))
                .header("Cookie", cookie(session))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.MAPPER.writeValueAsString(addRow("Подделка")))));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/changes"))
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void pagesAndTheApiSendSecurityHeaders() throws Exception {
        HttpResponse<String> r = send(get("/login"));
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void strangersAreSentToTheLoginFormFromPagesButGet401FromTheApi() throws Exception {
        HttpResponse<String> page = send(get("/registers"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> api = send(get("/api/v1/registers"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void strangersGetNoSessionFromTheApiOrFromPagesOnlyTheLoginFormHasOne() throws Exception {
        String registerId = newRegister();
        for (HttpRequest.Builder request : new HttpRequest.Builder[] {
            get("/api/v1/registers"),
            get("/api/v1/registers/" + registerId + "/rows"),
            get("/api/v1/no-such-endpoint"),
            HttpRequest.newBuilder(uri("/api/v1/registers/" + registerId + "/changes"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")),
            get("/"),
            get("/registers"),
            get("/registers/" + registerId),
            get("/inbox"),
            get("/audit"),
            get("/account/password"),
            get("/changes/x"),
            get("/public"),
            get("/css/app.css"),
            get("/no-such-page"),
            HttpRequest.newBuilder(uri("/registers/" + registerId + "/changes"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("kind=ADD")),
            HttpRequest.newBuilder(uri("/logout")).POST(HttpRequest.BodyPublishers.noBody())
        }) {
            HttpRequest built = request.build();
            HttpResponse<String> r = client.send(built, HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().allValues("Set-Cookie"))
                    .as("%s %s → %s", built.method(), built.uri(), r.statusCode())
                    .isEmpty();
        }
        assertThat(send(get("/login")).headers().firstValue("Set-Cookie"))
                .as("the login form's own session")
                .isPresent();
    }

    @Test
    void aFormSentAfterTheSessionEndedLeadsToSignInAndBackWithoutASessionForIt() throws Exception {
        String page = "/registers/r-1/changes/new?kind=ADD";
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/registers/r-1/changes"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "REGISTER_SESSION=ended")
                .header("Referer", "http://localhost:" + port + page)
                .POST(HttpRequest.BodyPublishers.ofString("kind=ADD")));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow())
                .endsWith("/login?expired&next=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(send(get("/login?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8)))
                        .body())
                .contains("name=\"next\" value=\"/registers/r-1/changes/new?kind=ADD\"");
        for (String elsewhere :
                new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "/login"}) {
            assertThat(send(get("/login?next=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8)))
                            .body())
                    .as(elsewhere)
                    .doesNotContain("name=\"next\"");
        }
    }

    @Test
    void errorsTomcatAnswersItselfCarryTheSecurityHeaders() throws Exception {
        for (String raw : new String[] {
            "GARBAGE\r\n\r\n",
            "GET /registers HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n",
            "GET /a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n"
        }) {
            String response = rawExchange(raw);
            assertThat(response)
                    .as(raw.substring(0, Math.min(40, raw.length())))
                    .startsWith("HTTP/1.1 4");
            assertThat(response)
                    .containsIgnoringCase("Content-Security-Policy: default-src 'self'")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff")
                    .containsIgnoringCase("X-Frame-Options: DENY");
        }
    }

    private String rawExchange(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    if (out.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what arrived is the answer
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Signs in through the login form the way a browser does (CSRF token from the form) and returns Set-Cookie. */
    private String signIn(String username) throws Exception {
        HttpResponse<String> form = send(get("/login"));
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).as("login form carries a CSRF token").isTrue();
        String anonymousSession = form.headers().firstValue("Set-Cookie").orElseThrow();
        String body = "username=" + username + "&password=demo&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie(anonymousSession))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    }

    private static String cookie(String setCookie) {
        return setCookie.split(";", 2)[0];
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
