package org.touchpoints.register.platform.security;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.touchpoints.register.platform.account.AccountStore;
import org.touchpoints.register.platform.account.CurrentPassword;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.web.DatabaseUnavailable;

/**
 * Password sign-in (HTTP Basic and the login form), in this order: the throttle (a throttled account or address is
 * refused before anything is checked), the verified-credential cache (keyed by the account's current stamp), then
 * BCrypt. Every verification is logged with account and address (never the password, and in one line): failures
 * as WARN, successes as INFO (a Basic client is logged when its password is verified, not on every cached request).
 */
public class PasswordSignIn implements AuthenticationProvider, CurrentPassword {
    static final Logger log = LoggerFactory.getLogger("org.touchpoints.register.signin");

    private final AuthenticationProvider bcrypt;
    private final VerifiedCredentialCache cache;
    private final SignInThrottle throttle;
    private final AccountStore accounts;

    PasswordSignIn(
            AuthenticationProvider bcrypt,
            VerifiedCredentialCache cache,
            SignInThrottle throttle,
            AccountStore accounts) {
        this.bcrypt = bcrypt;
        this.cache = cache;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object password = authentication.getCredentials();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        if (username == null || username.isBlank()) {
            // no account has an empty name: refused without BCrypt (a body cut off as too slow arrives like this too)
            log.warn("Sign-in failed: account=(none) address={}", address);
            throw new BadCredentialsException("No username");
        }
        Duration wait = throttle.penalty(username, address);
        if (wait != null) {
            log.warn(
                    "Sign-in refused, throttled for {} s: account={} address={}",
                    wait.toSeconds(),
                    clean(username),
                    address);
            throw new SignInThrottledException(wait);
        }
        String stamp;
        try {
            stamp = accounts.stamp(username).orElse(null);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e)) { // answered 503 by the entry point, like a failed password look-up
                throw new org.springframework.security.authentication.InternalAuthenticationServiceException(
                        e.getMessage(), e);
            }
            throw e;
        }
        if (stamp != null && password != null) {
            Authentication hit = cache.get(username, password, stamp);
            if (hit != null) {
                return hit;
            }
        }
        Authentication result;
        try {
            result = bcrypt.authenticate(authentication);
        } catch (AuthenticationException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                failed(username, address, e.getClass().getSimpleName());
            }
            throw e;
        }
        if (result == null || !result.isAuthenticated()) {
            return result;
        }
        throttle.succeeded(username);
        log.info("Signed in: account={} address={}", clean(username), address);
        UsernamePasswordAuthenticationToken withoutPassword =
                UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null, result.getAuthorities());
        withoutPassword.setDetails(authentication.getDetails());
        if (stamp != null && password != null) {
            cache.put(username, password, stamp, withoutPassword);
        }
        return withoutPassword;
    }

    /** The current password of a signed-in person (changing their own password): throttled and logged likewise. */
    @Override
    public Verdict check(String username, String password, String address) {
        Duration wait = throttle.penalty(username, address);
        if (wait != null) {
            log.warn(
                    "Current password not checked, throttled for {} s: account={} address={}",
                    wait.toSeconds(),
                    clean(username),
                    address);
            return new Verdict(false, wait);
        }
        if (accounts.passwordMatches(username, password)) {
            throttle.succeeded(username);
            log.info("Current password confirmed: account={} address={}", clean(username), address);
            return new Verdict(true, null);
        }
        failed(username, address, "wrong current password");
        return new Verdict(false, null);
    }

    private void failed(String username, String address, String reason) {
        Duration started = throttle.failed(username, address);
        if (started == null) {
            log.warn("Sign-in failed: account={} address={} reason={}", clean(username), address, reason);
        } else {
            log.warn(
                    "Sign-in failed: account={} address={} reason={}; further attempts refused for {} s",
                    clean(username),
                    address,
                    reason,
                    started.toSeconds());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String line = AdminAudit.oneLine(text);
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }
}
