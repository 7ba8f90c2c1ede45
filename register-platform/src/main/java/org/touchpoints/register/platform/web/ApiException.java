package org.touchpoints.register.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.touchpoints.register.api.rule.FieldError;

/**
 * A refusal decided at the HTTP edge (unknown id, malformed parameter). Rendered as an RFC 9457 problem
 * with a Russian {@code detail}. Rules of the procedures are not refused here but in the aggregate.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final List<FieldError> errors;
    private long retryAfterSeconds;

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public ApiException(HttpStatus status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, List.of(new FieldError(field, message)));
    }

    /** 429: too many attempts; the client may try again after {@code seconds} ({@code Retry-After}). */
    public static ApiException tooManyAttempts(long seconds, String detail) {
        ApiException e = new ApiException(HttpStatus.TOO_MANY_REQUESTS, detail);
        e.retryAfterSeconds = Math.max(1, seconds);
        return e;
    }

    /** Seconds for {@code Retry-After}, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
