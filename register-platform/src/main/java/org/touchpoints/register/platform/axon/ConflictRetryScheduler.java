package org.touchpoints.register.platform.axon;

import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.touchpoints.register.platform.web.MessagingUnavailable;

/**
 * Retries, a few times and briefly, the commands that failed for a reason the service itself can cure: a
 * concurrency conflict (after command routing moved a register between replicas, a cached aggregate can be stale —
 * the failed unit of work evicts it, so the retry reloads it) and a routing failure (Axon Server reconnecting, a
 * replica that died with the command). Everything else — a broken rule above all — is answered at once.
 * Commands are idempotent (change ids, publication ids, repeated approvals answer their first result), so a retry
 * of a command that did complete records nothing twice.
 */
public class ConflictRetryScheduler extends IntervalRetryScheduler {
    public static final int MAX_RETRIES = 3;
    public static final int RETRY_INTERVAL_MS = 50;

    public ConflictRetryScheduler(ScheduledExecutorService executor) {
        super(IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .maxRetryCount(MAX_RETRIES)
                .retryInterval(RETRY_INTERVAL_MS));
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !curable(failure);
    }

    /** Whether a retry of the same command may succeed. */
    public static boolean curable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return MessagingUnavailable.detailFor(failure) != null;
    }
}
