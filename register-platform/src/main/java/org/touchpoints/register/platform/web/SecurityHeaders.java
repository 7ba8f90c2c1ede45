package org.touchpoints.register.platform.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries: Spring Security writes them for what reaches the application, and
 * the Tomcat valves ({@link ProblemErrorReportValve}, {@link RequestBodyGuard}) for what Tomcat answers itself
 * (a malformed request line, headers too large, a body too slow).
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private SecurityHeaders() {}

    /** Sets the headers unless already present (Spring Security may have written them first). */
    public static void apply(HttpServletResponse response) {
        setIfAbsent(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
        setIfAbsent(response, "X-Content-Type-Options", "nosniff");
        setIfAbsent(response, "X-Frame-Options", "DENY");
        setIfAbsent(response, "Referrer-Policy", "same-origin");
        setIfAbsent(response, "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
