package org.touchpoints.register.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form sent from a page after its session ended: its CSRF token belongs to a session that is gone, and nobody is
 * signed in. That is not a person without the right to the page: they are sent to sign in again ({@code
 * /login?expired}, which says the session ended) and, once signed in, back to the page the form was on (its
 * same-origin {@code Referer}, carried as {@code next} through the login form, so no session is opened for it),
 * where the browser puts back what they typed (the pages keep a draft, {@code app.js}).
 * Every other refusal goes to {@code otherwise}.
 */
public final class SessionEndedHandler implements AccessDeniedHandler {
    private final AccessDeniedHandler otherwise;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    public SessionEndedHandler(AccessDeniedHandler otherwise) {
        this.otherwise = otherwise;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(denied instanceof CsrfException) || trust.isAuthenticated(authentication)) {
            otherwise.handle(request, response, denied);
            return;
        }
        // The page to return to travels in the address, not in a session: a stranger's refused POST opens none.
        String back = sameOriginPath(request);
        String relative =
                back == null ? null : back.substring(request.getContextPath().length());
        response.sendRedirect(request.getContextPath() + "/login?expired"
                + (safeReturnPath(relative) == null
                        ? ""
                        : "&next=" + URLEncoder.encode(relative, StandardCharsets.UTF_8)));
    }

    /**
     * {@code next} when it is a path of this site to go back to after signing in (absolute path, no scheme or host, no
     * "//" or backslash, no line breaks, not the login form itself), else null: no open redirect.
     */
    public static String safeReturnPath(String next) {
        if (next == null
                || next.length() > 2000
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || next.startsWith("/login")
                || next.startsWith("/logout")) {
            return null;
        }
        return next;
    }

    /** The path and query of the page the form was on, when the {@code Referer} is this site; else null. */
    static String sameOriginPath(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() == null
                    || !uri.getHost().equalsIgnoreCase(request.getServerName())
                    || (uri.getPort() != -1 && uri.getPort() != request.getServerPort())
                    || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith(request.getContextPath() + "/")
                    || uri.getRawPath().startsWith(request.getContextPath() + "/login")) {
                return null;
            }
            return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
