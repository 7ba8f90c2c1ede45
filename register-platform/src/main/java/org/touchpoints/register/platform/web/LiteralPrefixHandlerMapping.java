package org.touchpoints.register.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup with a cheap first test. A path with a variable ({@code /api/v1/changes/{id}/…}) has
 * no direct-path entry, so Spring tries every mapping of the application in turn (~140, each through its method,
 * parameter, header, media-type and path conditions): JFR at K = 8 had ~10 % of the request threads' samples in that
 * loop. Here a mapping is first asked whether the path starts with the literal text of one of its patterns (the text
 * before the first variable or wildcard); a mapping none of whose prefixes the path starts with cannot match and is
 * passed over, every other mapping is matched exactly as Spring does.
 *
 * <p>Nothing is decided differently: a pattern matches only paths that start with its literal prefix (patterns are
 * case-sensitive, as Spring's defaults). A path with a percent-encoded character (its decoded segments could match a
 * prefix its raw text does not start with) is matched without the test; matrix variables are already stripped
 * from the path the test sees. 404/405/406/415 answers are unchanged: Spring works them out from every mapping
 * itself when nothing matched.
 */
public class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {
    /** The lookup path of the request whose handler this thread is looking up, or null (no test). */
    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

    /**
     * The method of the request whose handler this thread is looking up, when the method test applies (not a CORS
     * pre-flight request), or null (no test). Spring's method condition asks {@code CorsUtils.isPreFlightRequest}
     * (three headers, through every request wrapper) of every mapping it tries: ~2 % of the request threads' samples
     * (JFR, K = 8); here it is asked once per lookup.
     */
    private static final ThreadLocal<RequestMethod> LOOKUP_METHOD = new ThreadLocal<>();

    /** Each mapping's literal prefixes; a mapping absent here (or with a pattern without one) is always tried. */
    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        String[] literal = literalPrefixes(mapping);
        if (literal != null) {
            prefixes.put(mapping, literal);
        }
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String previous = LOOKUP_PATH.get();
        RequestMethod previousMethod = LOOKUP_METHOD.get();
        LOOKUP_PATH.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
        LOOKUP_METHOD.set(CorsUtils.isPreFlightRequest(request) ? null : methodOf(request));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP_PATH.set(previous);
            LOOKUP_METHOD.set(previousMethod);
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        if (path != null) {
            String[] literal = prefixes.get(info);
            if (literal != null && !fits(path, literal)) {
                return null;
            }
        }
        RequestMethod method = LOOKUP_METHOD.get();
        if (method != null && !allows(info.getMethodsCondition().getMethods(), method)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /** The request's method; null (no test: Spring decides) for a method outside {@link RequestMethod}. */
    private static RequestMethod methodOf(HttpServletRequest request) {
        return RequestMethod.resolve(request.getMethod());
    }

    /**
     * Whether a mapping with these methods can take a request of {@code method} (not a pre-flight request), as
     * Spring's {@code RequestMethodsRequestCondition} decides it: any method when it lists none (OPTIONS included:
     * Spring refuses it there only to answer it itself, after every mapping was tried), a listed one, or HEAD where
     * GET is listed.
     */
    static boolean allows(Set<RequestMethod> methods, RequestMethod method) {
        return methods.isEmpty()
                || methods.contains(method)
                || (method == RequestMethod.HEAD && methods.contains(RequestMethod.GET));
    }

    static boolean fits(String path, String[] literal) {
        for (int i = 0; i < literal.length; i += 2) {
            if (path.startsWith(literal[i]) && (literal[i + 1] == null || path.endsWith(literal[i + 1]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per pattern, two entries: the text before its first variable or wildcard (up to the last {@code /} before it,
     * as {@code /a/**} matches {@code /a} too), and its last segment when that is literal text after a variable (or
     * null); null when a pattern has no prefix to test.
     */
    static String[] literalPrefixes(RequestMappingInfo mapping) {
        PathPatternsRequestCondition condition = mapping.getPathPatternsCondition();
        if (condition == null) {
            return null;
        }
        Set<PathPattern> patterns = condition.getPatterns();
        if (patterns.isEmpty()) {
            return null;
        }
        String[] result = new String[patterns.size() * 2];
        int i = 0;
        for (PathPattern pattern : patterns) {
            String text = pattern.getPatternString();
            String prefix = literalPrefix(text);
            if (prefix == null) {
                return null;
            }
            result[i++] = prefix;
            result[i++] = literalSuffix(text, prefix);
        }
        return result;
    }

    private static boolean special(char c) {
        return c == '{' || c == '}' || c == '*' || c == '?' || c == '\\' || c == '%' || c == ';' || c < 0x20
                || c > 0x7e;
    }

    static String literalPrefix(String pattern) {
        if (!pattern.startsWith("/")) {
            return null;
        }
        int first = -1;
        for (int i = 0; i < pattern.length(); i++) {
            if (special(pattern.charAt(i))) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return pattern;
        }
        // up to the segment of the first variable, without its slash: /a/** and /a/{*rest} match /a as well
        int end = pattern.lastIndexOf('/', first);
        return end <= 0 ? null : pattern.substring(0, end);
    }

    /** The pattern's last segment with its {@code /}, when literal and after the prefix; else null. */
    static String literalSuffix(String pattern, String prefix) {
        if (prefix.length() == pattern.length()) {
            return null;
        }
        int slash = pattern.lastIndexOf('/');
        if (slash < prefix.length() || slash == pattern.length() - 1) {
            return null;
        }
        for (int i = slash + 1; i < pattern.length(); i++) {
            if (special(pattern.charAt(i))) {
                return null;
            }
        }
        return pattern.substring(slash);
    }
}
