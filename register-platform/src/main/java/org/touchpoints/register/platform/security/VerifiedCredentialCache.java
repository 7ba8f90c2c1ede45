package org.touchpoints.register.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and BCrypt costs tens of milliseconds of CPU per check.
 * This cache remembers, for a short time, that a password was verified for an account, so a high-rate API client
 * pays the BCrypt cost once per {@code ttl}. Only a digest is kept, never the password, and the digest includes
 * the account's stamp ({@code AccountStore.stamp}: stored hash, global role, credential version, enabled): a
 * password change, disabling or a role change gives another key, so the entry made before it is never hit again.
 */
class VerifiedCredentialCache {
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(Authentication authentication, long expiresAtMillis) {}

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedCredentialCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The authentication verified for this (username, password, stamp), or null. */
    Authentication get(String username, Object password, String stamp) {
        Verified hit = verified.get(key(username, password, stamp));
        if (hit != null && hit.expiresAtMillis() > clock.millis()) {
            return hit.authentication();
        }
        return null;
    }

    void put(String username, Object password, String stamp, Authentication authentication) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key(username, password, stamp), new Verified(authentication, clock.millis() + ttl.toMillis()));
    }

    private static String key(String username, Object password, String stamp) {
        return digest(username + '\u0000' + password + '\u0000' + stamp);
    }

    private static String digest(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
