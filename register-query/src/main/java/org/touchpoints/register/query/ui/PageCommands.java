package org.touchpoints.register.query.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.api.rule.RuleViolation;
import org.touchpoints.register.platform.web.RuleViolations;

/**
 * Pages send the same commands as the API, on behalf of the signed-in person. A refusal by a rule comes back as
 * an {@link Outcome} so the page can show it next to the form; anything else propagates to {@link PageAdvice}.
 */
@Component
public class PageCommands {
    private final CommandGateway gateway;
    private final Viewers viewers;
    private final Clock clock;

    public PageCommands(CommandGateway gateway, Viewers viewers, Clock clock) {
        this.gateway = gateway;
        this.viewers = viewers;
        this.clock = clock;
    }

    public record Outcome<R>(R result, RuleViolation refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /** Builds the command from (signed-in username, now) and sends it. */
    public <R> Outcome<R> send(Function<Actor, Object> command) {
        Actor actor = new Actor(viewers.current().username(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            R result = gateway.sendAndWait(command.apply(actor));
            return new Outcome<>(result, null);
        } catch (CommandExecutionException | RuleViolatedException e) {
            RuleViolation violation = RuleViolations.of(e).orElseThrow(() -> e);
            return new Outcome<>(null, violation);
        }
    }

    /** Who sends a command from a page, and when. */
    public record Actor(String username, Instant at) {}
}
