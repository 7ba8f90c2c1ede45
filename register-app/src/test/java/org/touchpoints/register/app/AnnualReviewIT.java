package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Annual monitoring (seed 001 §5.5): divisions confirm their review by 31 December; the list shows who has not. */
class AnnualReviewIT extends ApplicationIT {

    @Test
    void eachDivisionConfirmsItsOwnReviewOnceAndTheOthersShowAsPendingThenOverdue() {
        String register = newRegister();
        clock.set(Instant.parse("2024-12-20T09:00:00Z"));
        Api.Response confirmed = api.as("division-head")
                .post(
                        "/api/v1/registers/" + register + "/annual-reviews",
                        Map.of("division", "licensing", "year", 2024));
        assertThat(confirmed.status()).isEqualTo(201);
        assertThat(api.as("division-head")
                        .post(
                                "/api/v1/registers/" + register + "/annual-reviews",
                                Map.of("division", "licensing", "year", 2024))
                        .status())
                .as("a repeat records nothing")
                .isEqualTo(200);
        Api.Response foreign = api.as("division-head")
                .post("/api/v1/registers/" + register + "/annual-reviews", Map.of("division", "appeals", "year", 2024));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("rule").asString()).isEqualTo("onlyTheDivisionConfirmsItsReview");
        assertThat(api.as("division-head")
                        .post(
                                "/api/v1/registers/" + register + "/annual-reviews",
                                Map.of("division", "licensing", "year", 2025))
                        .status())
                .as("not in advance")
                .isEqualTo(400);

        JsonNode reviews = api.as("auditor")
                .get("/api/v1/annual-reviews?year=2024&registerId=" + register)
                .json();
        assertThat(status(reviews, "licensing")).isEqualTo("CONFIRMED");
        assertThat(status(reviews, "appeals")).isEqualTo("PENDING");

        clock.set(Instant.parse("2024-12-31T21:00:00Z")); // 00:00 on 1 January in Moscow
        reviews = api.as("auditor")
                .get("/api/v1/annual-reviews?year=2024&registerId=" + register)
                .json();
        assertThat(status(reviews, "appeals")).isEqualTo("OVERDUE");
        assertThat(status(reviews, "licensing")).isEqualTo("CONFIRMED");
    }

    private static String status(JsonNode reviews, String division) {
        for (JsonNode r : reviews) {
            if (r.get("division").asString().equals(division)) {
                return r.get("status").asString();
            }
        }
        throw new AssertionError("No review row for " + division);
    }
}
