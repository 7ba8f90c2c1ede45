package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The register as it stood at any instant and as each published version showed it, exact to the event. */
class TimeTravelIT extends ApplicationIT {

    @Test
    void asOfEachMomentReturnsExactlyTheRowsOfThatMoment() {
        String register = newRegister();
        Instant t0 = clock.instant();
        clock.advance(Duration.ofHours(1));
        approvedChange(register, "Сайт");
        Instant t1 = clock.instant();
        clock.advance(Duration.ofHours(1));
        ok(api.as("publisher")
                .post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.gov.ru/v1")));
        clock.advance(Duration.ofHours(1));
        String phone = approvedChange(register, "Телефон");
        Instant t2 = clock.instant();
        clock.advance(Duration.ofHours(1));
        String edit = ok(api.as("initiator")
                        .post(
                                "/api/v1/registers/" + register + "/changes",
                                Map.of(
                                        "kind",
                                        "EDIT",
                                        "rowId",
                                        phone,
                                        "reason",
                                        "CHANNEL_CHANGED",
                                        "row",
                                        row(LICENSING_PROCESS, "Телефон горячей линии", "OFFLINE", List.of(2)))))
                .json()
                .get("changeId")
                .asString();
        Instant initiatedOnly = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        ok(api.as("division-head").post("/api/v1/changes/" + edit + "/division-approval", "{}"));
        clock.advance(Duration.ofMinutes(5));
        ok(api.as("deputy").post("/api/v1/changes/" + edit + "/deputy-approval", "{}"));
        Instant t3 = clock.instant();
        clock.advance(Duration.ofHours(1));
        ok(api.as("publisher")
                .post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.gov.ru/v2")));

        assertThat(touchpoints(register, "asOf=" + t0)).isEmpty();
        assertThat(touchpoints(register, "asOf=" + t1)).containsExactly("Сайт");
        assertThat(touchpoints(register, "asOf=" + t2)).containsExactly("Сайт", "Телефон");
        assertThat(touchpoints(register, "asOf=" + initiatedOnly))
                .as("a proposal is not in the register")
                .containsExactly("Сайт", "Телефон");
        assertThat(touchpoints(register, "asOf=" + t3)).containsExactly("Сайт", "Телефон горячей линии");
        assertThat(touchpoints(register, "version=1")).containsExactly("Сайт");
        assertThat(touchpoints(register, "version=2")).containsExactly("Сайт", "Телефон горячей линии");
        assertThat(touchpoints(register, "")).containsExactly("Сайт", "Телефон горячей линии");

        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/rows?version=3")
                        .status())
                .isEqualTo(404);

        JsonNode chain = ok(api.as("auditor").get("/api/v1/registers/" + register + "/publications/verify"))
                .json();
        assertThat(chain.get("valid").asBoolean()).isTrue();
        assertThat(chain.get("versions")).hasSize(2);
        String v1 = ok(api.as("auditor").get("/api/v1/registers/" + register + "/export?format=csv&version=1"))
                .body();
        JsonNode fileCheck = ok(api.as("auditor")
                        .postMultipart(
                                "/api/v1/registers/" + register + "/publications/verify-file",
                                "v1.csv",
                                v1.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .json();
        assertThat(fileCheck.get("matchesVersion").asInt()).isEqualTo(1);
        JsonNode tampered = ok(api.as("auditor")
                        .postMultipart(
                                "/api/v1/registers/" + register + "/publications/verify-file",
                                "v1.csv",
                                v1.replace("Сайт", "Сайт ").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .json();
        assertThat(tampered.get("matchesVersion").isNull()).isTrue();
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/rows?asOf=вчера")
                        .status())
                .isEqualTo(400);
    }

    private List<String> touchpoints(String register, String query) {
        JsonNode rows = ok(api.as("auditor").get("/api/v1/registers/" + register + "/rows?" + query))
                .json();
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.get("touchpoint").get("name").asString()));
        return names;
    }
}
