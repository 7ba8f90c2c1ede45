package org.touchpoints.register.command.register;

import java.util.List;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.api.rule.Refusal;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.api.rule.RuleViolation;

/** Short-hands for refusing a command in the name of a rule. */
final class Violations {
    private Violations() {}

    static RuleViolatedException forbidden(String rule, String message) {
        return new RuleViolatedException(rule, Refusal.FORBIDDEN, message);
    }

    static RuleViolatedException conflict(String rule, String message) {
        return new RuleViolatedException(rule, Refusal.CONFLICT, message);
    }

    static RuleViolatedException notFound(String rule, String message) {
        return new RuleViolatedException(rule, Refusal.NOT_FOUND, message);
    }

    static RuleViolatedException invalid(String rule, String message, List<FieldError> errors) {
        return new RuleViolatedException(new RuleViolation(rule, Refusal.INVALID, message, errors));
    }

    static void requireNoErrors(String rule, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw invalid(
                    rule,
                    "Проверьте заполнение полей: " + errors.get(0).message()
                            + (errors.size() > 1 ? " (и ещё " + (errors.size() - 1) + ")" : ""),
                    errors);
        }
    }
}
