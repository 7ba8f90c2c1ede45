package org.touchpoints.register.platform.web;

import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.queryhandling.NoHandlerForQueryException;

/**
 * Whether a failure means the messaging infrastructure (Axon Server, command routing, a remote handler's replica)
 * is unavailable rather than a fault of the request: Axon Server down or reconnecting, no handler registered yet,
 * a command lost with the replica that was handling it. Such a request is answered 503 with {@code Retry-After};
 * commands are idempotent, so the client's retry is safe. A rule a remote handler refused is not this: it arrives
 * as a command failure carrying its {@link org.touchpoints.register.api.rule.RuleViolation} and is answered first.
 */
public final class MessagingUnavailable {
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String COMMANDS =
            "Сервис обработки изменений временно недоступен: запрос не выполнен, данные не изменены. "
                    + "Повторите запрос через несколько секунд";
    public static final String QUERIES =
            "Сервис чтения данных временно недоступен. Повторите запрос через несколько секунд";

    private MessagingUnavailable() {}

    /** The Russian detail naming what is unavailable, or null when the failure is not an infrastructure one. */
    public static String detailFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoHandlerForQueryException) {
                return QUERIES;
            }
            if (t instanceof NoHandlerForCommandException
                    || t instanceof CommandDispatchException
                    || t instanceof AxonServerException
                    || t instanceof RemoteHandlingException
                    || t.getClass().getName().equals("io.grpc.StatusRuntimeException")) {
                return COMMANDS;
            }
        }
        return null;
    }
}
