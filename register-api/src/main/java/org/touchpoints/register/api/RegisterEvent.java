package org.touchpoints.register.api;

import java.time.Instant;

/** Every event of a register says which register, who did it and when. */
public interface RegisterEvent {
    String registerId();

    String by();

    Instant at();
}
