package org.touchpoints.register.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.touchpoints.register.platform.account.AccountStore;

/**
 * A browser session lives only as long as the account it was opened for stays as it was: the session remembers
 * the account's stamp at sign-in ({@link AccountStore#stamp}), and every request compares it with the stored one.
 * A disabled account, a new password or a changed global role ends the session at its next request (the request
 * goes on unauthenticated: a page sends it to the login form, the API answers 401). This works the same for the
 * standalone application's in-memory sessions and the scale-out services' Spring Session JDBC sessions.
 */
public class AccountSessions extends OncePerRequestFilter {
    static final String STAMP = AccountSessions.class.getName() + ".STAMP";

    private final AccountStore accounts;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public AccountSessions(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** Marks the current session as opened under the account's current stamp (after sign-in, after an own change). */
    public static void remember(HttpServletRequest request, AccountStore accounts, String username) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            accounts.stamp(username).ifPresent(stamp -> session.setAttribute(STAMP, stamp));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentication auth = contexts.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
                Object remembered = session.getAttribute(STAMP);
                Optional<String> current;
                try {
                    current = accounts.stamp(auth.getName());
                } catch (RuntimeException e) {
                    if (!org.touchpoints.register.platform.web.DatabaseUnavailable.causedBy(e)) {
                        throw e;
                    }
                    // the database is down: the request itself will be answered 503; the session is checked next time
                    chain.doFilter(request, response);
                    return;
                }
                if (remembered == null || current.isEmpty() || !current.get().equals(remembered)) {
                    PasswordSignIn.log.info(
                            "Session ended: account={} address={} reason={}",
                            PasswordSignIn.clean(auth.getName()),
                            request.getRemoteAddr(),
                            current.isEmpty() ? "account disabled or removed" : "password or role changed");
                    try {
                        session.invalidate();
                    } catch (IllegalStateException alreadyInvalid) {
                        // ended meanwhile
                    }
                    contexts.clearContext();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
