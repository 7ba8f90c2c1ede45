package org.touchpoints.register.platform.web;

import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.api.rule.RuleViolation;
import tools.jackson.core.JacksonException;

/**
 * Every error a client can cause becomes an RFC 9457 problem with a Russian {@code detail}, and for input
 * errors an {@code errors} array of {@code {field, message}}. Only our own faults are 500s.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(RuleViolatedException.class)
    ResponseEntity<Object> ruleViolated(RuleViolatedException e) {
        return fromViolation(e.violation());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        Optional<RuleViolation> violation = RuleViolations.of(e);
        if (violation.isPresent()) {
            return fromViolation(violation.get());
        }
        Throwable cause = e.getCause();
        if (cause instanceof AggregateNotFoundException) {
            return problem(HttpStatus.NOT_FOUND, "Перечень не найден", List.of(), null);
        }
        if (cause instanceof ConcurrencyException) {
            return concurrency((ConcurrencyException) cause);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e);
        }
        if (MessagingUnavailable.detailFor(e) != null) {
            return messagingUnavailable(e);
        }
        log.error("Command failed", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка сервиса; данные не изменены", List.of(), null);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Перечень не найден", List.of(), null);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrency(ConcurrencyException e) {
        return problem(
                HttpStatus.CONFLICT,
                "Перечень уже существует или был изменён одновременно с вашим запросом; обновите данные и повторите",
                List.of(),
                "concurrentModification");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Действие не разрешено для вашей роли", List.of(), null);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        ResponseEntity<Object> problem = problem(e.status(), e.getMessage(), e.errors(), null);
        if (e.retryAfterSeconds() > 0) {
            return ResponseEntity.status(problem.getStatusCode())
                    .headers(problem.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                    .body(problem.getBody());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "Неверное значение параметра «" + e.getName() + "»";
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedParameters.OutOfRange outOfRange) {
                message = message + ": " + outOfRange.getMessage();
                break;
            }
        }
        return problem(HttpStatus.BAD_REQUEST, message, List.of(new FieldError(e.getName(), message)), null);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException e) {
        log.debug("Refused as invalid input", e);
        return problem(HttpStatus.BAD_REQUEST, "Некорректный запрос: " + e.getMessage(), List.of(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e);
        }
        if (MessagingUnavailable.detailFor(e) != null) {
            return messagingUnavailable(e);
        }
        log.error("Unexpected failure", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка сервиса; данные не изменены", List.of(), null);
    }

    private static ResponseEntity<Object> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.toString());
        return unavailable(DatabaseUnavailable.DETAIL, DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }

    private static ResponseEntity<Object> messagingUnavailable(Exception e) {
        log.warn("Messaging unavailable: {}", e.toString());
        return unavailable(MessagingUnavailable.detailFor(e), MessagingUnavailable.RETRY_AFTER_SECONDS);
    }

    /** 503 with {@code Retry-After}: nothing of the request was recorded, and asking again later is safe. */
    private static ResponseEntity<Object> unavailable(String detail, int retryAfterSeconds) {
        ResponseEntity<Object> response = problem(HttpStatus.SERVICE_UNAVAILABLE, detail, List.of(), null);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .body(response.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.BodyTooLargeException) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, RequestBodyLimit.DETAIL, List.of(), null);
            }
        }
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
            String field = fieldPath(je.getPath());
            String message = "Поле «" + field + "» имеет неверный тип или недопустимое значение";
            return problem(HttpStatus.BAD_REQUEST, message, List.of(new FieldError(field, message)), null);
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "Тело запроса не читается: ожидается корректный JSON в кодировке UTF-8",
                List.of(),
                null);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Файл слишком большой", List.of(), null);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Некорректные параметры запроса", List.of(), null);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String detail = switch (status) {
            case NOT_FOUND -> "Ресурс не найден";
            case METHOD_NOT_ALLOWED -> "Метод не поддерживается для этого адреса";
            case UNSUPPORTED_MEDIA_TYPE -> "Неподдерживаемый тип содержимого; используйте application/json";
            case NOT_ACCEPTABLE -> "Запрошенный формат ответа не поддерживается";
            case BAD_REQUEST -> "Некорректный запрос";
            case CONTENT_TOO_LARGE -> "Запрос слишком большой";
            default -> status.is5xxServerError() ? "Внутренняя ошибка сервиса" : "Запрос отклонён";
        };
        if (status == HttpStatus.BAD_REQUEST && ex.getMessage() != null) {
            log.debug("Bad request", ex);
        }
        ResponseEntity<Object> response = problem(status, detail, List.of(), null);
        return new ResponseEntity<>(response.getBody(), mergedHeaders(headers, response.getHeaders()), status);
    }

    private static HttpHeaders mergedHeaders(HttpHeaders original, HttpHeaders ours) {
        HttpHeaders merged = new HttpHeaders();
        if (original != null) {
            merged.putAll(original);
        }
        merged.putAll(ours);
        return merged;
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static ResponseEntity<Object> fromViolation(RuleViolation v) {
        return problem(statusOf(v), v.message(), v.errors(), v.rule());
    }

    /** The HTTP status of a refusal, for the API and the pages alike. */
    public static HttpStatus statusOf(RuleViolation v) {
        return switch (v.refusal()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    public static ResponseEntity<Object> problem(
            HttpStatus status, String detail, List<FieldError> errors, String rule) {
        ProblemDetail pd = Problems.of(status, detail, errors, rule);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        return new ResponseEntity<>(pd, headers, status);
    }
}
