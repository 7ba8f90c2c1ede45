package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.touchpoints.register.query.deadline.DeadlineWatcher;
import org.touchpoints.register.query.metrics.RegisterGauges;
import tools.jackson.databind.JsonNode;

/** Publication deadlines by the production calendar, moving with a fixed clock. */
class DeadlinesIT extends ApplicationIT {

    @Autowired
    DeadlineWatcher watcher;

    @Autowired
    RegisterGauges gauges;

    @Test
    void aDeadlineGoesFromPendingToAtRiskToOverdueAndThePublicationIsLate() {
        String register = newRegister();
        clock.set(Instant.parse("2024-12-20T09:00:00Z")); // Fri 20.12.2024, 12:00 in Moscow
        String change = approvedChange(register, "Сайт");
        JsonNode d = deadline(register, change);
        // Dec 23–27 (5), Sat Dec 28 working (6), Dec 30 – Jan 8 off, Jan 9, 10, 13, 14 (10)
        assertThat(d.get("dueDate").asString()).isEqualTo("2025-01-14");
        assertThat(d.get("approvedOn").asString()).isEqualTo("2024-12-20");
        assertThat(d.get("status").asString()).isEqualTo("PENDING");
        assertThat(d.get("workingDaysLeft").asInt()).isEqualTo(10);

        clock.set(Instant.parse("2025-01-09T09:00:00Z")); // Jan 10, 13, 14 left
        assertThat(deadline(register, change).get("status").asString()).isEqualTo("PENDING");
        assertThat(deadline(register, change).get("workingDaysLeft").asInt()).isEqualTo(3);

        clock.set(Instant.parse("2025-01-10T09:00:00Z")); // Jan 13, 14 left
        assertThat(deadline(register, change).get("status").asString()).isEqualTo("AT_RISK");
        assertThat(deadline(register, change).get("workingDaysLeft").asInt()).isEqualTo(2);

        clock.set(Instant.parse("2025-01-14T20:59:00Z")); // 23:59 on the due date in Moscow: still in time
        assertThat(deadline(register, change).get("status").asString()).isEqualTo("AT_RISK");
        assertThat(watcher.recordMissedDeadlines()).isZero();

        clock.set(Instant.parse("2025-01-14T21:00:00Z")); // 00:00 on Jan 15 in Moscow
        JsonNode overdue = deadline(register, change);
        assertThat(overdue.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(overdue.get("workingDaysLeft").asInt())
                .as("one working day overdue")
                .isEqualTo(-1);
        assertThat(api.as("auditor")
                        .get("/api/v1/deadlines?status=OVERDUE")
                        .json()
                        .toString())
                .contains(change);

        // the watcher scans every register of the shared test database: others' changes may be due the same day
        assertThat(watcher.recordMissedDeadlines()).isPositive();
        assertThat(watcher.recordMissedDeadlines()).as("recorded once").isZero();
        List<String> history = new ArrayList<>();
        api.as("auditor")
                .get("/api/v1/registers/" + register + "/history")
                .json()
                .forEach(e -> history.add(e.get("event").asString()));
        assertThat(history).containsOnlyOnce("PublicationDeadlineMissed");
        JsonNode timeline =
                api.as("auditor").get("/api/v1/changes/" + change).json().get("timeline");
        assertThat(timeline.get(timeline.size() - 1).get("event").asString()).isEqualTo("PublicationDeadlineMissed");

        clock.set(Instant.parse("2025-01-16T08:00:00Z"));
        ok(api.as("publisher")
                .post(
                        "/api/v1/registers/" + register + "/publications",
                        Map.of("url", "https://uggi.admin-smolensk.ru/perechen")));
        JsonNode late = deadline(register, change);
        assertThat(late.get("status").asString()).isEqualTo("PUBLISHED_LATE");
        assertThat(late.get("publishedOn").asString()).isEqualTo("2025-01-16");
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/publications")
                        .json()
                        .get(0)
                        .get("late")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theSameInstantIsAnotherDayInNovosibirskAndTheDueDateMovesWithIt() {
        String moscow = newRegister(10, "Europe/Moscow");
        String novosibirsk = newRegister(10, "Asia/Novosibirsk");
        clock.set(Instant.parse("2024-12-27T18:30:00Z")); // 21:30 on Dec 27 in Moscow, 01:30 on Dec 28 in Novosibirsk
        String inMoscow = approvedChange(moscow, "Сайт");
        String inNovosibirsk = approvedChange(novosibirsk, "Сайт");
        // Moscow: from Sat Dec 28 (working, 1), Jan 9, 10, 13–17, 20, 21 (10)
        assertThat(deadline(moscow, inMoscow).get("dueDate").asString()).isEqualTo("2025-01-21");
        assertThat(deadline(moscow, inMoscow).get("approvedOn").asString()).isEqualTo("2024-12-27");
        // Novosibirsk: made on Dec 28, counting from Dec 29: Jan 9, 10, 13–17, 20, 21, 22 (10)
        assertThat(deadline(novosibirsk, inNovosibirsk).get("dueDate").asString())
                .isEqualTo("2025-01-22");
        assertThat(deadline(novosibirsk, inNovosibirsk).get("approvedOn").asString())
                .isEqualTo("2024-12-28");
    }

    @Test
    void anEarlierOrderDateStartsTheCountAndFiveDayRegistersCountFive() {
        String register = newRegister(5, "Asia/Novosibirsk");
        clock.set(Instant.parse("2025-04-29T03:00:00Z")); // proposed on Tue 29.04.2025, 10:00 in Novosibirsk
        String change = initiate(register, "Сайт");
        clock.set(Instant.parse("2025-04-30T03:00:00Z")); // approved on Wed 30.04.2025, 10:00 in Novosibirsk
        ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        Api.Response approved = ok(api.as("deputy")
                .post(
                        "/api/v1/changes/" + change + "/deputy-approval",
                        Map.of("orderNumber", "12", "orderDate", "2025-04-29")));
        // made on Apr 29 (the order); Apr 30 (1), May 1–4 off, May 5, 6, 7 (4), May 8–11 off, May 12 (5)
        assertThat(approved.json().get("dueDate").asString()).isEqualTo("2025-05-12");
        assertThat(deadline(register, change).get("approvedOn").asString()).isEqualTo("2025-04-29");
    }

    @Test
    void aRegisterWithoutADeadlineHasNoDueDates() {
        String register = newRegister(null, "Europe/Astrakhan");
        String change = initiate(register, "Сайт");
        ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        Api.Response approved = ok(api.as("deputy").post("/api/v1/changes/" + change + "/deputy-approval", "{}"));
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("dueDate").isNull()).isTrue();
        assertThat(api.as("auditor")
                        .get("/api/v1/deadlines?registerId=" + register)
                        .json())
                .isEmpty();
    }

    /**
     * A due date the calendar cannot count (no federal calendar for 2028) is never silence: the entry is there, says why,
     * is at risk (list, filter, gauge, dashboard page); once the year is uploaded, the due date is counted.
     */
    @Test
    void aDueDateTheCalendarCannotCountIsAtRiskUntilTheYearIsLoaded() {
        String register = newRegister();
        clock.set(Instant.parse("2028-03-01T09:00:00Z")); // Wed 01.03.2028: no calendar for 2028 is bundled
        String change = approvedChange(register, "Сайт");
        JsonNode d = deadline(register, change);
        assertThat(d.get("dueDateUnknown").asString()).isEqualTo("нет календаря на 2028 год");
        assertThat(d.get("status").asString()).isEqualTo("AT_RISK");
        assertThat(d.get("approvedOn").asString()).isEqualTo("2028-03-01");
        assertThat(d.get("dueDate").isNull()).as("the contract's field, empty").isTrue();
        assertThat(d.get("workingDaysLeft").isNull()).isTrue();
        assertThat(api.as("auditor")
                        .get("/api/v1/deadlines?registerId=" + register + "&status=AT_RISK")
                        .json()
                        .toString())
                .contains(change);
        assertThat(api.as("auditor")
                        .get("/api/v1/deadlines?registerId=" + register + "&status=PENDING")
                        .json())
                .isEmpty();
        watcher.recordMissedDeadlines(); // (other tests' changes in the shared database may be overdue by 2028)
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/history")
                        .body())
                .as("never overdue while unknown")
                .doesNotContain("PublicationDeadlineMissed");
        gauges.refresh();
        assertThat(ok(api.as("auditor").get("/actuator/prometheus")).body())
                .containsPattern("register_publications_at_risk\\{[^}]*register=\"" + register + "\"[^}]*\\} 1\\.0");
        Api.Response page = api.as("auditor").get("/deadlines?registerId=" + register);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("срок не рассчитан: нет календаря на 2028 год");
        assertThat(ok(api.as("auditor").get("/changes/" + change)).body())
                .contains("срок не рассчитан: нет календаря на 2028 год");

        ok(api.as("admin").post("/api/v1/calendar", """
                {"year":2028,"source":"Проект постановления на 2028 год (для проверки)",
                 "nonWorkingDays":["2028-01-03","2028-01-04","2028-01-05","2028-01-06","2028-01-07","2028-02-23",
                                   "2028-03-08","2028-05-01","2028-05-09","2028-06-12"],
                 "workingWeekendDays":[]}"""));
        JsonNode counted = deadline(register, change);
        // Mar 2, 3, 6, 7, (8 off) 9, 10, 13, 14, 15, 16
        assertThat(counted.get("dueDate").asString()).isEqualTo("2028-03-16");
        assertThat(counted.has("dueDateUnknown")).isFalse();
        assertThat(counted.get("status").asString()).isEqualTo("PENDING");
        assertThat(counted.get("workingDaysLeft").asInt()).isEqualTo(10);
    }

    @Test
    void theCalendarIsReachableOverHttp() {
        JsonNode due = ok(api.get(
                        "/api/v1/calendar/due-date?madeAt=2024-12-27T09:00:00Z&workingDays=10&zone=Europe/Moscow"))
                .json();
        assertThat(due.get("madeOn").asString()).isEqualTo("2024-12-27");
        assertThat(due.get("dueDate").asString()).isEqualTo("2025-01-21");
        assertThat(ok(api.get("/api/v1/calendar/2024"))
                        .json()
                        .get("workingDayCount")
                        .asInt())
                .isEqualTo(248);
        Api.Response missing = api.get("/api/v1/calendar/2031");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("2031");
    }

    @Test
    void theListComesAPageAtATimeInDueDateOrderWithALinkToTheNextPage() {
        String register = newRegister();
        clock.set(Instant.parse("2025-03-03T09:00:00Z"));
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.set(Instant.parse("2025-03-03T09:00:00Z").plus(java.time.Duration.ofDays(i)));
            changes.add(approvedChange(register, "Точка " + i));
        }
        String base = "/api/v1/deadlines?registerId=" + register;
        Api.Response first = ok(api.as("auditor").get(base + "&limit=2"));
        assertThat(first.json())
                .extracting(d -> d.get("changeId").asString())
                .containsExactly(changes.get(0), changes.get(1));
        String next = java.util.Optional.ofNullable(first.header("Link")).orElseThrow();
        assertThat(next).contains("offset=2").contains("limit=2").endsWith("; rel=\"next\"");

        String path = next.substring(next.indexOf("/api/"), next.indexOf('>'));
        Api.Response second = ok(api.as("auditor").get(path));
        assertThat(second.json())
                .extracting(d -> d.get("changeId").asString())
                .containsExactly(changes.get(2), changes.get(3));
        Api.Response last = ok(api.as("auditor").get(base + "&limit=2&offset=4"));
        assertThat(last.json()).extracting(d -> d.get("changeId").asString()).containsExactly(changes.get(4));
        assertThat(last.header("Link")).as("no page after the last").isNull();
        assertThat(ok(api.as("auditor").get(base)).json())
                .as("the default page holds them all")
                .hasSize(5);

        clock.set(Instant.parse("2025-03-14T09:00:00Z")); // the first two are due on Mar 17 and 18: at risk
        Api.Response atRisk = ok(api.as("auditor").get(base + "&status=AT_RISK&limit=1"));
        assertThat(atRisk.json()).extracting(d -> d.get("changeId").asString()).containsExactly(changes.get(0));
        assertThat(ok(api.as("auditor").get(base + "&status=AT_RISK&limit=1&offset=1"))
                        .json())
                .extracting(d -> d.get("changeId").asString())
                .containsExactly(changes.get(1));
        assertThat(java.util.Optional.ofNullable(atRisk.header("Link")).orElseThrow())
                .contains("status=AT_RISK")
                .contains("offset=1");
    }

    @Test
    void aPageOfNothingOrOfTooMuchIsRefused() {
        for (String query : List.of("limit=0", "limit=5001", "offset=-1", "limit=много")) {
            Api.Response refused = api.as("auditor").get("/api/v1/deadlines?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.json().get("detail").asString()).as(query).isNotBlank();
        }
    }

    private JsonNode deadline(String register, String change) {
        for (JsonNode d : api.as("auditor")
                .get("/api/v1/deadlines?registerId=" + register)
                .json()) {
            if (d.get("changeId").asString().equals(change)) {
                return d;
            }
        }
        throw new AssertionError("No deadline for " + change);
    }
}
