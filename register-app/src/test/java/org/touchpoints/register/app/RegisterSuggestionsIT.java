package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The register filter of the audit and deadline pages at thousands of registers (issue 16): a search field whose
 * suggestions come from {@code GET /api/v1/register-suggestions?q=}, only registers the caller may read, matched by id
 * or authority, a few at a time.
 */
class RegisterSuggestionsIT extends ApplicationIT {

    private String registerOf(String authority) {
        String id = "s-" + UUID.randomUUID().toString().substring(0, 8);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                id,
                                "authority",
                                authority,
                                "timeZone",
                                "Europe/Moscow",
                                "template",
                                "SIX_COLUMN",
                                "publicationDeadlineWorkingDays",
                                10)));
        return id;
    }

    @Test
    void theSuggestionsAreTheReadableRegistersWhoseIdOrAuthorityContainsWhatWasTyped() {
        String word = "Тестовая" + UUID.randomUUID().toString().substring(0, 6);
        String mine = registerOf("Инспекция " + word + " области");
        String other = registerOf("Министерство " + word.toUpperCase() + " края");
        String reader = "suggest-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(reader, "demo", "Читатель подсказок", null);
        ok(api.as("admin")
                .post("/api/v1/registers/" + mine + "/members", Map.of("username", reader, "role", "PUBLISHER")));

        assertThat(ids(ok(api.as("auditor").get("/api/v1/register-suggestions?q=" + word.toLowerCase()))
                        .json()))
                .as("by authority, whatever the case")
                .containsExactlyInAnyOrder(mine, other);
        assertThat(ids(ok(api.as(reader).get("/api/v1/register-suggestions?q=" + word))
                        .json()))
                .as("only the registers the caller may read")
                .containsExactly(mine);
        assertThat(ids(ok(api.as("auditor").get("/api/v1/register-suggestions?q=" + other.substring(2)))
                        .json()))
                .as("by id")
                .containsExactly(other);
        JsonNode first = ok(api.as("auditor").get("/api/v1/register-suggestions?q=" + mine))
                .json()
                .get(0);
        assertThat(first.get("authority").asString()).isEqualTo("Инспекция " + word + " области");
    }

    @Test
    void aFewSuggestionsAtATimeAndWildcardsAreTakenLiterally() {
        for (int i = 0; i < 3; i++) {
            registerOf("Орган " + i);
        }
        assertThat(ok(api.as("auditor").get("/api/v1/register-suggestions"))
                        .json()
                        .size())
                .isBetween(3, 20);
        assertThat(ok(api.as("auditor").get("/api/v1/register-suggestions?q=%25_%25"))
                        .json())
                .as("% and _ are characters")
                .isEmpty();
        assertThat(api.get("/api/v1/register-suggestions?q=x").status())
                .as("signed in only")
                .isEqualTo(401);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }
}
