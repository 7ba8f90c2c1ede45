package org.touchpoints.register.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle =
            new SignInThrottle(clock, 5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void theFifthFailureForAnAccountStartsThePenaltyForEveryAddress() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("Ivanova", "10.0.0." + i)).isNull();
        }
        assertThat(throttle.failed("ivanova", "10.0.0.9")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.penalty("ivanova", "192.168.1.1")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.penalty("petrov", "192.168.1.1")).isNull();
        now = now.plus(Duration.ofMinutes(10));
        assertThat(throttle.penalty("IVANOVA", "192.168.1.1")).isEqualTo(Duration.ofMinutes(5));
        now = now.plus(Duration.ofMinutes(5));
        assertThat(throttle.penalty("ivanova", "192.168.1.1")).isNull();
    }

    @Test
    void twentyFailuresFromOneAddressThrottleEveryAccountFromIt() {
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.failed("user-" + i, "10.0.0.1")).isNull();
        }
        assertThat(throttle.failed("user-19", "10.0.0.1")).isNotNull();
        assertThat(throttle.penalty("someone-else", "10.0.0.1")).isNotNull();
        assertThat(throttle.penalty("someone-else", "10.0.0.2")).isNull();
    }

    @Test
    void failuresOutsideTheWindowAndBeforeASuccessDoNotCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ivanova", "10.0.0.1");
        }
        now = now.plus(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("ivanova", "10.0.0.1")).isNull();
        }
        throttle.succeeded("ivanova");
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("ivanova", "10.0.0.1")).isNull();
        }
        assertThat(throttle.penalty("ivanova", "10.0.0.1")).isNull();
    }

    @Test
    void aClockSetBackDoesNotKeepAPenaltyFromTheFuture() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("ivanova", "10.0.0.1");
        }
        assertThat(throttle.penalty("ivanova", "10.0.0.1")).isNotNull();
        now = now.minus(Duration.ofHours(1));
        assertThat(throttle.penalty("ivanova", "10.0.0.1")).isNull();
    }
}
