package org.touchpoints.register.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * A form sent from a page after its session ended: its CSRF token belongs to a session that is gone, and nobody is
 * signed in. That is not a person without the right to the page: they are sent to sign in again ({@code
 * /login?expired}, which says the session ended) and, once signed in, back to the page the form was on (its
 * same-origin {@code Referer}), where the browser puts back what they typed (the pages keep a draft, {@code app.js}).
 * Every other refusal goes to {@code otherwise}.
 */
public final class SessionEndedHandler implements AccessDeniedHandler {
    private final AccessDeniedHandler otherwise;
    private final RequestCache requestCache = new HttpSessionRequestCache();
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
        String back = sameOriginPath(request);
        if (back != null) {
            requestCache.saveRequest(new ReturnTo(request, back), response);
        }
        response.sendRedirect(request.getContextPath() + "/login?expired");
    }

    /** The path and query of the page the form was on, when the {@code Referer} is this site; else null. */
    static String sameOriginPath(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
                    || (uri.getPort() != -1 && uri.getPort() != request.getServerPort())
                    || uri.getRawPath() == null || !uri.getRawPath().startsWith(request.getContextPath() + "/")
                    || uri.getRawPath().startsWith(request.getContextPath() + "/login")) {
                return null;
            }
            return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The request as a GET of the page to return to (what the request cache saves and sign-in redirects to). */
    private static final class ReturnTo extends HttpServletRequestWrapper {
        private final String path;
        private final String query;

        ReturnTo(HttpServletRequest request, String pathAndQuery) {
            super(request);
            int q = pathAndQuery.indexOf('?');
            this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
            this.query = q < 0 ? null : pathAndQuery.substring(q + 1);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getRequestURI() {
            return path;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer();
            url.append(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (!(("http".equals(getScheme()) && port == 80) || ("https".equals(getScheme()) && port == 443))) {
                url.append(':').append(port);
            }
            return url.append(path);
        }

        @Override
        public String getServletPath() {
            return path.substring(getContextPath().length());
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getQueryString() {
            return query;
        }

        /** Nothing of the form is kept on the server: the browser keeps the draft. */
        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }
    }
}
