package org.touchpoints.register.command.config;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/** "Now" for commands, from the injected clock, to the millisecond (what every store keeps exactly). */
@Component
public class CommandClock {
    private final Clock clock;

    public CommandClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
