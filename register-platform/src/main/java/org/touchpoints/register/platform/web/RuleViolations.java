package org.touchpoints.register.platform.web;

import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.api.rule.RuleViolation;

/** The rule a failed command broke, whether it ran in this JVM (cause) or on another node (details). */
public final class RuleViolations {
    private RuleViolations() {}

    public static Optional<RuleViolation> of(Throwable failure) {
        if (failure instanceof RuleViolatedException r) {
            return Optional.of(r.violation());
        }
        if (failure instanceof CommandExecutionException e) {
            Optional<Object> details = e.getDetails();
            if (details.isPresent() && details.get() instanceof RuleViolation v) {
                return Optional.of(v);
            }
            if (e.getCause() instanceof RuleViolatedException r) {
                return Optional.of(r.violation());
            }
        }
        return Optional.empty();
    }
}
