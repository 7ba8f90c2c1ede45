package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.touchpoints.register.query.deadline.PublicationDeadline.Status;
import org.touchpoints.register.query.register.RegisterReadModel;

/**
 * The deadline dashboard keeps what it read of the tables while nothing commits (its counts over every register, the
 * divisions of its filter): each commit — an approval, a publication, a new division — is in the next page all the
 * same, and the statuses follow the clock, which moves without any commit.
 */
class DeadlineDashboardFreshIT extends ApplicationIT {
    private static final Pattern CARD =
            Pattern.compile("id=\"card-([A-Z_]+)\">\\s*<a[^>]*>\\s*<span class=\"big\">(\\d+)</span>", Pattern.DOTALL);

    @Test
    void theCountsOfEveryRegisterFollowEachCommit() {
        String register = newRegister();
        Map<Status, Long> before = counts("/deadlines");
        assertThat(counts("/deadlines")).as("asked again, nothing moved").isEqualTo(before);

        approvedChange(register, "Личный приём");
        Map<Status, Long> approved = counts("/deadlines");
        assertThat(approved.get(Status.PENDING)).as("an approval").isEqualTo(before.get(Status.PENDING) + 1);

        ok(api.as("publisher")
                .post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.ru/perechen")));
        Map<Status, Long> published = counts("/deadlines");
        assertThat(published.get(Status.PENDING)).as("a publication").isEqualTo(before.get(Status.PENDING));
        assertThat(published.get(Status.PUBLISHED_ON_TIME)).isEqualTo(before.get(Status.PUBLISHED_ON_TIME) + 1);
    }

    @Test
    void theStatusesFollowTheClockWithoutAnyCommit() {
        String register = newRegister();
        approvedChange(register, "Горячая линия");
        String page = "/deadlines?registerId=" + register;
        assertThat(counts(page).get(Status.PENDING)).isEqualTo(1);
        assertThat(counts(page).get(Status.OVERDUE)).isZero();

        String entries = "/api/v1/deadlines?registerId=" + register + "&page=1&size=10";
        assertThat(statuses(entries)).containsExactly("PENDING");
        assertThat(statuses("/api/v1/deadlines?registerId=" + register + "&status=PENDING&page=1&size=10"))
                .containsExactly("PENDING");

        clock.advance(Duration.ofDays(30)); // nothing commits: only today moves
        Map<Status, Long> later = counts(page);
        assertThat(later.get(Status.PENDING)).isZero();
        assertThat(later.get(Status.OVERDUE)).as("overdue by the clock alone").isEqualTo(1);
        assertThat(statuses(entries))
                .as("a page of entries, by the clock alone")
                .containsExactly("OVERDUE");
        assertThat(statuses("/api/v1/deadlines?registerId=" + register + "&status=PENDING&page=1&size=10"))
                .isEmpty();
    }

    @Test
    void aPageOfEntriesFollowsEachCommit() {
        String register = newRegister();
        String entries = "/api/v1/deadlines?registerId=" + register + "&page=1&size=10";
        assertThat(statuses(entries)).isEmpty();
        approvedChange(register, "Электронная почта");
        assertThat(statuses(entries)).as("an approval").containsExactly("PENDING");
        ok(api.as("publisher")
                .post("/api/v1/registers/" + register + "/publications", Map.of("url", "https://example.ru/perechen")));
        assertThat(statuses(entries)).as("a publication").containsExactly("PUBLISHED_ON_TIME");
    }

    @Test
    void aNewRegisterIsInTheNextSuggestions() {
        String id = "sugg-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(suggested(id)).isEmpty();
        assertThat(suggested(id)).as("asked again, nothing moved").isEmpty();
        createEmptyRegister(id);
        assertThat(suggested(id)).as("a new register").containsExactly(id);
    }

    private List<String> suggested(String q) {
        List<String> ids = new java.util.ArrayList<>();
        ok(api.as("auditor").get("/api/v1/register-suggestions?q=" + q))
                .json()
                .forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegisterReadModel registers;

    @Test
    void whatATransactionReadOfItsOwnWritesIsNotKept() {
        String register = newRegister();
        String division = "rolled-back-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(registers.divisionNames(null)).doesNotContainKey(division);
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("insert into q_division(register_id, division_id, name) values (?, ?, ?)")
                    .params(register, division, "Отдел, которого не будет")
                    .update();
            assertThat(registers.divisionNames(null)).as("its own write").containsKey(division);
            tx.setRollbackOnly();
        });
        assertThat(registers.divisionNames(null)).as("rolled back").doesNotContainKey(division);
    }

    private List<String> statuses(String path) {
        List<String> statuses = new java.util.ArrayList<>();
        ok(api.as("auditor").get(path))
                .json()
                .forEach(e -> statuses.add(e.get("status").asString()));
        return statuses;
    }

    @Test
    void aNewDivisionIsInTheNextFilter() {
        String register = newRegister();
        assertThat(ok(api.as("auditor").get("/deadlines")).body()).contains("Отдел лицензирования");
        String division = "d-" + UUID.randomUUID().toString().substring(0, 8);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + register + "/divisions",
                        Map.of(
                                "id",
                                division,
                                "name",
                                "Отдел " + division,
                                "processes",
                                List.of("Приём " + division))));
        assertThat(ok(api.as("auditor").get("/deadlines")).body())
                .as("the division filter of every register")
                .contains("value=\"" + division + "\"");
    }

    private Map<Status, Long> counts(String path) {
        String body = ok(api.as("auditor").get(path)).body();
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        Matcher m = CARD.matcher(body);
        while (m.find()) {
            counts.put(Status.valueOf(m.group(1)), Long.parseLong(m.group(2)));
        }
        assertThat(counts).as(body).hasSize(Status.values().length);
        return counts;
    }
}
