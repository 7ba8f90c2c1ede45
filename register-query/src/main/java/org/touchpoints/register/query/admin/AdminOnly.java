package org.touchpoints.register.query.admin;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.platform.web.RuleViolations;
import org.touchpoints.register.query.ui.Viewer;

/** What the administration pages share: only an administrator opens them, and a refusal is shown by the form. */
public final class AdminOnly {
    private AdminOnly() {}

    static Viewer require(Model model) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        if (viewer == null || !viewer.admin()) {
            throw new AccessDeniedException("Страница администратора");
        }
        return viewer;
    }

    /** A refusal to show next to a form: its message, the HTTP status and the messages by field. */
    public record Refusal(int status, String message, Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The refusal {@code failure} stands for (a request check or a register rule), or empty for anything else. */
    static Optional<Refusal> refusalOf(RuntimeException failure) {
        if (failure instanceof ApiException api) {
            return Optional.of(new Refusal(api.status().value(), api.getMessage(), byField(api.errors())));
        }
        if (failure instanceof CommandExecutionException || failure instanceof RuleViolatedException) {
            return RuleViolations.of(failure)
                    .map(v -> new Refusal(
                            org.touchpoints.register.platform.web.ProblemDetailsAdvice.statusOf(v)
                                    .value(),
                            v.message(),
                            byField(v.errors())));
        }
        return Optional.empty();
    }

    static Map<String, String> byField(java.util.List<FieldError> errors) {
        return errors == null
                ? Map.of()
                : errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
    }
}
