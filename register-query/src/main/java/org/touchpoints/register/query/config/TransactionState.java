package org.touchpoints.register.query.config;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State kept for the length of the current Spring transaction under a key: made at the first use in the transaction,
 * put aside while the transaction is suspended, optionally given to {@code beforeCommit}, and forgotten when the
 * transaction ends (committed or rolled back). For handlers that gather what a transaction's events did
 * ({@code RegisterVersionProjection}) or track its savepoints ({@code EventSavepoints}).
 */
public final class TransactionState {
    private TransactionState() {}

    /** Whether a transaction with synchronization is active (else there is nothing to bind state to). */
    public static boolean active() {
        return TransactionSynchronizationManager.isSynchronizationActive();
    }

    /** The state bound to the current transaction under {@code key}, or null (none yet, or no transaction). */
    @SuppressWarnings("unchecked")
    public static <T> T bound(Object key) {
        return active() ? (T) TransactionSynchronizationManager.getResource(key) : null;
    }

    /** The current transaction's state under {@code key}, made by {@code create} at its first use. */
    public static <T> T of(Object key, Supplier<T> create) {
        return of(key, create, null);
    }

    /**
     * The current transaction's state under {@code key}, made by {@code create} at its first use; {@code beforeCommit}
     * (if not null) is given it just before the transaction commits.
     */
    public static <T> T of(Object key, Supplier<T> create, Consumer<T> beforeCommit) {
        T state = bound(key);
        if (state != null) {
            return state;
        }
        T made = create.get();
        TransactionSynchronizationManager.bindResource(key, made);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(key);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(key, made);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                if (beforeCommit != null) {
                    beforeCommit.accept(made);
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return made;
    }
}
