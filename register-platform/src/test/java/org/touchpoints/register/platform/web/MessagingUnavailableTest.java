package org.touchpoints.register.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.touchpoints.register.api.rule.Refusal;
import org.touchpoints.register.api.rule.RuleViolation;

/** Infrastructure failures of the scale-out mode are 503 with Retry-After, never 500; a refused rule stays itself. */
class MessagingUnavailableTest {
    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void axonServerDownIsAnsweredServiceUnavailable() {
        var failure = new AxonServerException(
                ErrorCode.COMMAND_DISPATCH_ERROR.errorCode(), "Received exception while dispatching command");
        ResponseEntity<Object> response = advice.unexpected(failure);
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getBody().toString()).contains("временно недоступен");
    }

    @Test
    void noHandlerJustAfterAReconnectIsAnsweredServiceUnavailable() {
        ResponseEntity<Object> response = advice.commandFailed(new CommandExecutionException(
                "failed", new NoHandlerForCommandException("No Handler for command: CreateRegisterCommand")));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void noQueryReplicaNamesTheReadSide() {
        assertThat(MessagingUnavailable.detailFor(new NoHandlerForQueryException("FindDueDateQuery")))
                .isEqualTo(MessagingUnavailable.QUERIES);
    }

    @Test
    void aRuleRefusedByARemoteHandlerIsStillTheRule() {
        var refused = new CommandExecutionException(
                "Нельзя", null, new RuleViolation("nobodyApprovesTheirOwnChange", Refusal.FORBIDDEN, "Нельзя", null));
        assertThat(advice.commandFailed(refused).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void ourOwnFaultIsStillA500() {
        assertThat(MessagingUnavailable.detailFor(new IllegalStateException("bug")))
                .isNull();
        assertThat(advice.unexpected(new IllegalStateException("bug"))
                        .getStatusCode()
                        .value())
                .isEqualTo(500);
    }
}
