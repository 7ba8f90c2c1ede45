package org.touchpoints.register.platform.account;

import java.time.Duration;

/**
 * Checks the password a person gives to prove it is them (changing their own password), under the same throttling
 * and logging as signing in: a throttled caller is refused before any BCrypt check. Implemented by the security
 * package's sign-in guard.
 */
public interface CurrentPassword {

    /** The outcome: {@code retryAfter} is set when the caller is throttled (nothing was checked). */
    record Verdict(boolean matches, Duration retryAfter) {
        public boolean throttled() {
            return retryAfter != null;
        }
    }

    Verdict check(String username, String password, String address);
}
