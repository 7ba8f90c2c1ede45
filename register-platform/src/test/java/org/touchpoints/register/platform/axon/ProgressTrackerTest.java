package org.touchpoints.register.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A segment's lag and whether it is stalled, from the positions the samples see. */
class ProgressTrackerTest {
    static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    final ProgressTracker tracker = new ProgressTracker();

    @Test
    void anIdleSegmentAtTheHeadLagsZeroHoweverLongAgoItsLastEventWas() {
        tracker.head(T0, 41);
        tracker.observe("projections", 0, 41, false, T0);
        ProgressTracker.Segment idle = tracker.observe("projections", 0, 41, false, T0.plusSeconds(600));
        assertThat(idle.lagEvents()).isZero();
        assertThat(idle.lagSeconds()).isZero();
        assertThat(idle.stalled()).as("nothing to do is progress").isFalse();
    }

    @Test
    void aSegmentBehindLagsByTheEventsItHasNotReadAndTheAgeOfTheOldest() {
        tracker.head(T0, 10);
        tracker.head(T0.plusSeconds(4), 14);
        tracker.head(T0.plusSeconds(6), 20);
        ProgressTracker.Segment behind = tracker.observe("history", 2, 12, false, T0.plusSeconds(9));
        assertThat(behind.lagEvents()).isEqualTo(8);
        assertThat(behind.lagSeconds())
                .as("event 13 arrived by the sample at +4 s")
                .isEqualTo(5.0);
    }

    @Test
    void aSegmentBehindThatMovesIsNotStalled() {
        tracker.head(T0, 1000);
        for (int s = 0; s <= 60; s += 2) {
            assertThat(tracker.observe("projections", 1, s, false, T0.plusSeconds(s))
                            .stalled())
                    .isFalse();
        }
    }

    @Test
    void aSegmentInErrorStateThatDoesNotMoveForFifteenSecondsIsStalled() {
        tracker.head(T0, 100);
        assertThat(tracker.observe("projections", 1, 50, true, T0).stalled()).isFalse();
        assertThat(tracker.observe("projections", 1, 50, true, T0.plusSeconds(14))
                        .stalled())
                .isFalse();
        assertThat(tracker.observe("projections", 1, 50, true, T0.plusSeconds(16))
                        .stalled())
                .as("retrying forever")
                .isTrue();
        assertThat(tracker.observe("projections", 1, 51, false, T0.plusSeconds(17))
                        .stalled())
                .as("moving again")
                .isFalse();
    }

    @Test
    void aCaughtUpSegmentThatHandlesNothingNewIsIdleThoughItsPositionIsBehindTheHead() {
        tracker.head(T0, 500);
        tracker.observe("metrics", 0, 85, true, false, T0);
        tracker.head(T0.plusSeconds(2), 915); // 415 events, none for the metrics processor
        ProgressTracker.Segment idle = tracker.observe("metrics", 0, 85, true, false, T0.plusSeconds(60));
        assertThat(idle.lagEvents()).isZero();
        assertThat(idle.lagSeconds()).isZero();
        assertThat(idle.stalled()).isFalse();
        assertThat(tracker.observe("metrics", 0, 90, true, false, T0.plusSeconds(62))
                        .lagEvents())
                .as("moving: behind by what it has not read")
                .isEqualTo(825);
    }

    @Test
    void aSegmentInErrorStateIsStalledEvenAtTheHead() {
        tracker.head(T0, 7);
        tracker.observe("reminders", 3, 7, true, T0);
        assertThat(tracker.observe("reminders", 3, 7, true, T0.plusSeconds(16)).stalled())
                .isTrue();
    }

    @Test
    void aReleasedSegmentIsForgottenAndStartsAfreshWhenClaimedAgain() {
        tracker.head(T0, 100);
        tracker.observe("projections", 0, 50, true, T0);
        tracker.keepOnly(Set.of());
        assertThat(tracker.observe("projections", 0, 50, true, T0.plusSeconds(30))
                        .stalled())
                .isFalse();
    }
}
