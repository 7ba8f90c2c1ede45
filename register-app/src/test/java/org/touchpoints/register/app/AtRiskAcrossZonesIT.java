package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The at-risk entries of every register come from the database by due date, decided per day, time zone and region
 * without reading the entries: around each zone's midnight a day is at risk in one zone and not in another, and the
 * list of every register holds exactly the entries each register's own list calls at risk, in due-date order.
 */
class AtRiskAcrossZonesIT extends ApplicationIT {
    private static final List<String> ZONES = List.of("Europe/Kaliningrad", "Asia/Novosibirsk", "Asia/Kamchatka");

    @Test
    void theAtRiskEntriesOfEveryRegisterAreThoseEachRegisterCallsAtRisk() {
        Instant start = Instant.parse("2025-03-03T10:00:00Z");
        List<String> registers = new ArrayList<>();
        for (String zone : ZONES) {
            registers.add(newRegister(10, zone));
        }
        for (int day = 0; day < 3; day++) {
            clock.set(start.plus(Duration.ofDays(day)));
            for (String register : registers) {
                approvedChange(register, "Точка " + day);
            }
        }
        int atRiskSeen = 0;
        boolean zonesDisagreed = false; // a due date at risk in one register's zone and not in another's
        for (Instant t = start.plus(Duration.ofDays(10));
                t.isBefore(start.plus(Duration.ofDays(20)));
                t = t.plus(Duration.ofHours(3))) {
            clock.set(t);
            Set<String> expected = new HashSet<>();
            java.util.Map<String, Integer> registersAtRiskByDueDate = new java.util.HashMap<>();
            for (String register : registers) {
                for (JsonNode d : ok(api.as("auditor").get("/api/v1/deadlines?registerId=" + register))
                        .json()) {
                    if (d.get("status").asString().equals("AT_RISK")) {
                        expected.add(d.get("changeId").asString());
                        registersAtRiskByDueDate.merge(d.get("dueDate").asString(), 1, Integer::sum);
                    }
                }
            }
            List<JsonNode> listed = everyRegisterAtRisk();
            Set<String> ours = new HashSet<>();
            for (JsonNode d : listed) {
                assertThat(d.get("status").asString()).isEqualTo("AT_RISK");
                if (registers.contains(d.get("registerId").asString())) {
                    ours.add(d.get("changeId").asString());
                }
            }
            assertThat(ours).as("at " + t).isEqualTo(expected);
            assertThat(listed)
                    .extracting(d ->
                            d.get("dueDate").isNull() ? "" : d.get("dueDate").asString())
                    .as("in due-date order")
                    .isSorted();
            atRiskSeen += expected.size();
            zonesDisagreed |= registersAtRiskByDueDate.values().stream().anyMatch(n -> n < registers.size());
        }
        assertThat(atRiskSeen).as("some entries were at risk on the way").isPositive();
        assertThat(zonesDisagreed).as("a day at risk in some zones only").isTrue();
    }

    /** Every page of {@code /api/v1/deadlines?status=AT_RISK} over every register, 100 a page. */
    private List<JsonNode> everyRegisterAtRisk() {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Api.Response r = ok(api.as("auditor").get("/api/v1/deadlines?status=AT_RISK&page=" + page + "&size=100"));
            r.json().forEach(all::add);
            String link = r.header("Link");
            if (link == null || !link.contains("rel=\"next\"")) {
                return all;
            }
            assertThat(r.json().size()).as("a page before the last is full").isEqualTo(100);
        }
    }
}
