package org.touchpoints.register.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every request, and BCrypt costs tens of milliseconds of CPU per check.
 * This provider remembers, for a short time, that a (username, SHA-256 of password) pair was verified, so a
 * high-rate API client pays the BCrypt cost once per {@code ttl}. Only the digest is kept, never the password.
 * A disabled account or changed password takes effect within {@code ttl}.
 */
class VerifiedCredentialCache implements AuthenticationProvider {
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(Authentication authentication, long expiresAtMillis) {
    }

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedCredentialCache(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Object credentials = authentication.getCredentials();
        if (credentials == null) {
            return delegate.authenticate(authentication);
        }
        String key = digest(authentication.getName() + '\u0000' + credentials);
        long now = clock.millis();
        Verified hit = verified.get(key);
        if (hit != null && hit.expiresAtMillis() > now) {
            return hit.authentication();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            Authentication withoutPassword = UsernamePasswordAuthenticationToken.authenticated(
                    result.getPrincipal(), null, result.getAuthorities());
            verified.put(key, new Verified(withoutPassword, now + ttl.toMillis()));
            return withoutPassword;
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
