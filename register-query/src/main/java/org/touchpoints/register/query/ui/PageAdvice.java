package org.touchpoints.register.query.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.platform.web.ProblemDetailsAdvice;

/**
 * For pages: the signed-in person in every model, and errors as a Russian page with the right status (the API's
 * problem details are for programs). Ordered first so it wins over the API's advice for page controllers.
 */
@ControllerAdvice(annotations = UiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {
    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final Viewers viewers;

    public PageAdvice(Viewers viewers) {
        this.viewers = viewers;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return viewers.current();
    }

    @ExceptionHandler(ApiException.class)
    String api(ApiException e, Model model, HttpServletResponse response) {
        return error(model, response, e.status(), e.getMessage());
    }

    @ExceptionHandler(RuleViolatedException.class)
    String rule(RuleViolatedException e, Model model, HttpServletResponse response) {
        return error(
                model,
                response,
                ProblemDetailsAdvice.statusOf(e.violation()),
                e.violation().message());
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(Model model, HttpServletResponse response) {
        return error(model, response, HttpStatus.FORBIDDEN, "Действие не разрешено для вашей роли");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return error(model, response, HttpStatus.BAD_REQUEST, "Неверное значение параметра «" + e.getName() + "»");
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Page failed", e);
        return error(
                model, response, HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка сервиса; данные не изменены");
    }

    private String error(Model model, HttpServletResponse response, HttpStatus status, String message) {
        response.setStatus(status.value());
        model.addAttribute("viewer", viewers.current());
        model.addAttribute("status", status.value());
        model.addAttribute("message", message);
        return "error-page";
    }
}
