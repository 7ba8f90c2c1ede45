package org.touchpoints.register.platform.web;

import java.util.regex.Pattern;

/**
 * Optimistic concurrency at the HTTP edge: the version a client saw (the {@code version} field or the {@code ETag}
 * of a GET) comes back with a write in the {@code If-Match} header ({@code "3"}, also {@code W/"3"} or {@code 3}) or
 * in the body's {@code expectedVersion}. Absent (or {@code *}) means "not checked". The comparison itself is a rule
 * of the aggregate.
 */
public final class ExpectedVersion {
    public static final String HEADER = "If-Match";
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private ExpectedVersion() {}

    /** The expected version from the header or the body; both given must agree. */
    public static Long of(String ifMatch, Long fromBody) {
        Long fromHeader = parse(ifMatch);
        if (fromHeader != null && fromBody != null && !fromHeader.equals(fromBody)) {
            throw ApiException.badRequest(
                    "expectedVersion",
                    "Версия в заголовке If-Match (" + fromHeader + ") и в поле expectedVersion (" + fromBody
                            + ") различаются");
        }
        if (fromBody != null && fromBody < 0) {
            throw ApiException.badRequest("expectedVersion", "Версия не может быть отрицательной");
        }
        return fromHeader != null ? fromHeader : fromBody;
    }

    /** The strong entity tag of a version, as GETs send it in {@code ETag}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (!NUMBER.matcher(v).matches()) {
            throw ApiException.badRequest(
                    HEADER,
                    "Заголовок If-Match должен содержать версию, полученную при чтении (поле version или ETag), например \"3\"");
        }
        return Long.parseLong(v);
    }
}
