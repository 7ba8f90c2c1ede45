package org.touchpoints.register.query.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.touchpoints.register.query.register.RegisterReadAccess;

/**
 * The scrape at {@code /actuator/prometheus} names only registers the caller may read ({@link RegisterReadAccess}):
 * an anonymous scrape gets no series labelled {@code register} at all (the per-step lead times and Axon's own
 * metrics stay), a member's scrape those of their registers, an auditor's or administrator's every register. A
 * Prometheus that needs the per-register gauges scrapes with an auditor account (HTTP Basic).
 *
 * <p>Runs after Spring Security (a servlet filter of default order), so the caller is known.
 */
@Component
public class ScrapeScope extends OncePerRequestFilter {
    static final String PATH = "/actuator/prometheus";
    private static final Pattern REGISTER_LABEL = Pattern.compile("[{,]\\s*register=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final RegisterReadAccess access;

    public ScrapeScope(RegisterReadAccess access) {
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return !request.getRequestURI().equals(context + PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RegisterReadAccess.Scope scope = access.scope();
        if (scope.everything()) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        chain.doFilter(new TextFormat(request), cached);
        byte[] body = only(new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8), scope::includes)
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The exposition text without the samples labelled with a register that {@code readable} refuses. */
    static String only(String exposition, Predicate<String> readable) {
        StringBuilder kept = new StringBuilder(exposition.length());
        int start = 0;
        while (start < exposition.length()) {
            int end = exposition.indexOf('\n', start);
            end = end < 0 ? exposition.length() : end + 1;
            String line = exposition.substring(start, end);
            Matcher label = line.startsWith("#") ? null : REGISTER_LABEL.matcher(line);
            if (label == null || !label.find() || readable.test(label.group(1))) {
                kept.append(line);
            }
            start = end;
        }
        return kept.toString();
    }

    /** Asks for a text exposition (never the binary protobuf one, which could not be filtered line by line). */
    private static final class TextFormat extends HttpServletRequestWrapper {
        private static final String TEXT = "text/plain;version=0.0.4;charset=utf-8";

        TextFormat(HttpServletRequest request) {
            super(request);
        }

        private boolean binary() {
            String accept = super.getHeader(HttpHeaders.ACCEPT);
            return accept != null && accept.contains("protobuf");
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) && binary() ? TEXT : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) && binary()
                    ? Collections.enumeration(java.util.List.of(TEXT))
                    : super.getHeaders(name);
        }
    }
}
