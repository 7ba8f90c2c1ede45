package org.touchpoints.register.query.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An address nobody handles, or a method a page does not take: a person's browser gets a Russian page (with the
 * signed-in person's header), a program on {@code /api/**} keeps its problem details — in Russian too.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BrowserErrors {
    private final Viewers viewers;
    private final JsonMapper json;

    public BrowserErrors(Viewers viewers, JsonMapper json) {
        this.viewers = viewers;
        this.json = json;
    }

    /** Paths programs call; everything else is a page a browser can reach. */
    static boolean forPrograms(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(
                request,
                response,
                HttpStatus.NOT_FOUND,
                "Страница не найдена: проверьте адрес или перейдите на главную",
                "Адрес не найден: " + request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e.getSupportedHttpMethods() != null && !e.getSupportedHttpMethods().isEmpty()) {
            response.setHeader(
                    HttpHeaders.ALLOW,
                    String.join(
                            ", ",
                            e.getSupportedHttpMethods().stream()
                                    .map(Object::toString)
                                    .toList()));
        }
        return answer(
                request,
                response,
                HttpStatus.METHOD_NOT_ALLOWED,
                "Эта страница так не открывается; перейдите по ссылке из меню",
                "Метод " + e.getMethod() + " не поддерживается по этому адресу");
    }

    private ModelAndView answer(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String pageMessage,
            String detail)
            throws IOException {
        response.setStatus(status.value());
        if (forPrograms(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(json.writeValueAsBytes(problem));
            return null;
        }
        ModelAndView page = new ModelAndView("error-page");
        page.addObject("viewer", viewers.current());
        page.addObject("status", status.value());
        page.addObject("message", pageMessage);
        return page;
    }
}
