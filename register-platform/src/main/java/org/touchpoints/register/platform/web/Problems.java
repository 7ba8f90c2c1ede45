package org.touchpoints.register.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.touchpoints.register.api.rule.FieldError;

/** Builds problem details with Russian titles. */
public final class Problems {
    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String detail, List<FieldError> errors, String rule) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title(status));
        pd.setType(rule == null ? URI.create("about:blank") : URI.create("urn:register:rule:" + rule));
        if (rule != null) {
            pd.setProperty("rule", rule);
        }
        if (errors != null && !errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return pd;
    }

    /**
     * Writes a problem straight to the servlet response, for refusals made before Spring MVC (filters, the
     * security chain). {@code detail} is our own text, never the client's: it is not escaped.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + detail + "\"}");
    }

    public static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Некорректные данные";
            case UNAUTHORIZED -> "Требуется вход в систему";
            case FORBIDDEN -> "Действие не разрешено";
            case NOT_FOUND -> "Не найдено";
            case CONFLICT -> "Конфликт с текущим состоянием";
            case METHOD_NOT_ALLOWED -> "Метод не поддерживается";
            case UNSUPPORTED_MEDIA_TYPE -> "Неподдерживаемый формат";
            case CONTENT_TOO_LARGE -> "Слишком большой запрос";
            case TOO_MANY_REQUESTS -> "Слишком много попыток";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "Слишком большие заголовки запроса";
            case REQUEST_TIMEOUT -> "Запрос не получен вовремя";
            case SERVICE_UNAVAILABLE -> "Сервис временно недоступен";
            default -> status.is5xxServerError() ? "Ошибка сервиса" : status.getReasonPhrase();
        };
    }
}
