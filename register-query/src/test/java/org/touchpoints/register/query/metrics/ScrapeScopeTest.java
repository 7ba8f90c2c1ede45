package org.touchpoints.register.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scrape keeps the samples of readable registers and every sample that names no register. */
class ScrapeScopeTest {
    private static final String SCRAPE = """
            # HELP register_changes_pending Changes waiting for an approval step
            # TYPE register_changes_pending gauge
            register_changes_pending{register="first",step="division"} 1.0
            register_changes_pending{register="second",step="division"} 2.0
            register_changes_pending{step="deputy",register="second"} 3.0
            register_approval_lead_time_seconds_count{step="deputy"} 4
            commandBus_processed{aggregateType="Register"} 5
            """;

    @Test
    void anAnonymousScrapeNamesNoRegister() {
        String kept = ScrapeScope.only(SCRAPE, id -> false);
        assertThat(kept)
                .doesNotContain("register=\"")
                .contains("# TYPE register_changes_pending gauge")
                .contains("register_approval_lead_time_seconds_count{step=\"deputy\"} 4")
                .contains("commandBus_processed{aggregateType=\"Register\"} 5");
    }

    @Test
    void aMembersScrapeNamesOnlyTheirRegisters() {
        String kept = ScrapeScope.only(SCRAPE, Set.of("first")::contains);
        assertThat(kept)
                .contains("register_changes_pending{register=\"first\",step=\"division\"} 1.0")
                .doesNotContain("register=\"second\"");
    }
}
