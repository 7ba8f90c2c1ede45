package org.touchpoints.register.app;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The login form as a browser uses it, over real HTTP without following redirects. */
final class FormSignIn {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The answer to a form sign-in: where it redirects, and the session cookie ({@code NAME=value}) it leaves. */
    record Result(String location, String cookie) {
        boolean signedIn() {
            return location != null && !location.contains("/login");
        }
    }

    private final int port;

    FormSignIn(int port) {
        this.port = port;
    }

    Result signIn(String username, String password) throws Exception {
        HttpResponse<String> form = get("/login", null);
        Matcher token = CSRF.matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("The login form carries no CSRF token");
        }
        String anonymous = cookie(form.headers().firstValue("Set-Cookie").orElseThrow());
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = CLIENT.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", anonymous)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String session =
                r.headers().firstValue("Set-Cookie").map(FormSignIn::cookie).orElse(anonymous);
        return new Result(r.headers().firstValue("Location").orElse(null), session);
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String cookie(String setCookie) {
        return setCookie.split(";", 2)[0];
    }
}
