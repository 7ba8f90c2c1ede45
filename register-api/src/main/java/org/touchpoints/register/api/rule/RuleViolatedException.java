package org.touchpoints.register.api.rule;

import java.util.List;

/** Thrown by the domain when a named rule refuses a command. */
public class RuleViolatedException extends RuntimeException {
    private final RuleViolation violation;

    public RuleViolatedException(RuleViolation violation) {
        super(violation.rule() + ": " + violation.message(), null, false, false);
        this.violation = violation;
    }

    public RuleViolatedException(String rule, Refusal refusal, String message) {
        this(new RuleViolation(rule, refusal, message, List.of()));
    }

    public RuleViolation violation() {
        return violation;
    }

    public String rule() {
        return violation.rule();
    }
}
