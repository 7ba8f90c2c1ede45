package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through an OpenID Connect provider. The provider is outside our control, so the test plays it: a real
 * HTTP server publishing the discovery document and its signing keys, and tokens signed with that key. The
 * application checks them exactly as it would the region's provider.
 */
class OidcIT extends ApplicationIT {
    private static final RSAKey KEY = generate();
    private static final RSAKey STRANGER = generate();
    private static final HttpServer PROVIDER = provider();
    private static final String ISSUER =
            "http://localhost:" + PROVIDER.getAddress().getPort() + "/realms/region";

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("register.oidc.issuer-uri", () -> ISSUER);
        registry.add("register.oidc.client-id", () -> "perechen");
        registry.add("register.oidc.client-secret", () -> "from-the-environment");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    @Test
    void aTokenFromTheProviderSignsInAsTheAccountItNames() {
        String registerId = newRegister();
        Api initiator = api.bearer(token(KEY, ISSUER, "initiator"));
        Api.Response created = ok(initiator.post("/api/v1/registers/" + registerId + "/changes", addRow("Чат-бот")));
        String changeId = created.json().get("changeId").asString();
        Api.Response change = ok(api.as("auditor").get("/api/v1/changes/" + changeId));
        assertThat(change.json().get("timeline").get(0).get("by").asString()).isEqualTo("initiator");
    }

    @Test
    void rolesComeFromOurAccountsNotFromTheToken() {
        Api auditor = api.bearer(token(KEY, ISSUER, "auditor"));
        assertThat(auditor.post(
                                "/api/v1/registers",
                                Map.of(
                                        "id",
                                        "x-" + System.nanoTime(),
                                        "authority",
                                        "Орган",
                                        "timeZone",
                                        "Europe/Moscow",
                                        "template",
                                        "SIX_COLUMN"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aPersonTheProviderKnowsButWeDoNotIsRefused() {
        assertThat(api.bearer(token(KEY, ISSUER, "stranger"))
                        .get("/api/v1/registers")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyOrIssuedElsewhereIsRefused() {
        assertThat(api.bearer(token(STRANGER, ISSUER, "admin"))
                        .get("/api/v1/registers")
                        .status())
                .isEqualTo(401);
        assertThat(api.bearer(token(KEY, "http://evil.example/realms/region", "admin"))
                        .get("/api/v1/registers")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theLoginPageOffersTheProviderAndSendsPeopleToIt() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(login).contains("/oauth2/authorization/oidc").contains("Войти");
        HttpResponse<String> redirect = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/oidc"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(ISSUER + "/protocol/openid-connect/auth?")
                .contains("client_id=perechen")
                .contains("scope=openid%20profile");
    }

    @Test
    void localPasswordsStillWorkBesideTheProvider() {
        assertThat(api.as("auditor").get("/api/v1/registers").status()).isEqualTo(200);
    }

    private static String token(RSAKey key, String issuer, String username) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject("sub-" + username)
                    .claim("preferred_username", username)
                    .audience("perechen")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("k-" + System.nanoTime()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/realms/region/.well-known/openid-configuration", exchange -> {
                String base = "http://localhost:" + server.getAddress().getPort() + "/realms/region";
                String json =
                        "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/protocol/openid-connect/certs\","
                                + "\"authorization_endpoint\":\"" + base + "/protocol/openid-connect/auth\","
                                + "\"token_endpoint\":\"" + base + "/protocol/openid-connect/token\","
                                + "\"userinfo_endpoint\":\"" + base + "/protocol/openid-connect/userinfo\","
                                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
                reply(exchange, json);
            });
            server.createContext(
                    "/realms/region/protocol/openid-connect/certs",
                    exchange -> reply(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
