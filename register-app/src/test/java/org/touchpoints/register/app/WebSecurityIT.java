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
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void apiClientsWithBasicGetNoSession() throws Exception {
        HttpResponse<String> r = send(get("/api/v1/registers").header("Authorization", basic("auditor")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void signingInOnTheFormGivesAnHttpOnlySameSiteSessionCookie() throws Exception {
        String session = signIn("auditor");
        assertThat(session).contains("REGISTER_SESSION=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        HttpResponse<String> page = send(get("/registers").header("Cookie", cookie(session)));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Перечни точек взаимодействия");
    }

    @Test
    void aSessionCannotBeRiddenByAnotherSiteWithoutTheCsrfToken() throws Exception {
        String registerId = newRegister();
        String session = signIn("initiator");
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/api/v1/registers/" + registerId + "/changes"))
                .header("Cookie", cookie(session)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.MAPPER.writeValueAsString(addRow("Подделка")))));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/changes")).json().size()).isZero();
    }

    @Test
    void pagesAndTheApiSendSecurityHeaders() throws Exception {
        HttpResponse<String> r = send(get("/login"));
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
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

    /** Signs in through the login form the way a browser does (CSRF token from the form) and returns Set-Cookie. */
    private String signIn(String username) throws Exception {
        HttpResponse<String> form = send(get("/login"));
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).as("login form carries a CSRF token").isTrue();
        String anonymousSession = form.headers().firstValue("Set-Cookie").orElseThrow();
        String body = "username=" + username + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie(anonymousSession))
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
