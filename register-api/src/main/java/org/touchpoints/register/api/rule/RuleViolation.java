package org.touchpoints.register.api.rule;

import java.util.List;

/**
 * A named rule of the procedures refused a command. It travels as the details of a command's failure, so
 * it reaches the HTTP layer the same way whether the command ran in this JVM or on another node.
 *
 * @param rule    the rule's name in the code, e.g. {@code oneTouchpointPerProcess}
 * @param refusal what kind of refusal it is
 * @param message what a civil servant reads, in Russian
 * @param errors  the offending fields, for input rules
 */
public record RuleViolation(String rule, Refusal refusal, String message, List<FieldError> errors) {
    public RuleViolation {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
