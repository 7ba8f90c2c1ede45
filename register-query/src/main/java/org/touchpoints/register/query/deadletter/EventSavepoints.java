package org.touchpoints.register.query.deadletter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.touchpoints.register.query.config.TransactionState;

/**
 * Each event's handling by a dead-lettered processing group runs inside a savepoint of the surrounding transaction
 * (the command's, for subscribing processors; the batch's, for streaming ones). In PostgreSQL a failed statement spoils
 * the whole transaction, so without it one projection's failure would undo the command or the batch whatever the
 * dead-letter queue decides. When the event is to be parked, {@link #undoCurrentEvent()} rolls the event's writes
 * back first; the transaction goes on and the letter is written in it. When a parked event is retried and fails again,
 * the interceptor rolls back before the failure travels on, so the letter can be requeued.
 *
 * <p>One round trip per event: a savepoint is not released when its event is done (successfully or rolled back to);
 * the next event's savepoint in the same transaction is set in the same round trip that releases it
 * ({@code RELEASE SAVEPOINT a; SAVEPOINT b}, one simple statement), and the end of the transaction releases the last
 * (a commit or rollback ends every savepoint). Releasing {@code a} releases whatever was set after it, so an event
 * handled inside another's handling (nested savepoints) needs nothing more. What is known per transaction (the
 * savepoints open, the one left to release) is bound to the transaction and dropped when it completes.
 */
public class EventSavepoints implements MessageHandlerInterceptor<EventMessage<?>> {
    /** The transaction's savepoints are the connection's: one state per transaction, whichever interceptor sets them. */
    private static final Object KEY = new Object();

    private final DataSource dataSource;
    private final BooleanSupplier active;

    public EventSavepoints(DataSource dataSource) {
        this(dataSource, () -> true);
    }

    /**
     * Savepoints only while {@code active} says so: a rebuild replays without them (a round trip less per event) until
     * an event fails, and then again, careful, from the last batch it committed.
     */
    public EventSavepoints(DataSource dataSource, BooleanSupplier active) {
        this.dataSource = dataSource;
        this.active = active;
    }

    /** The savepoints of one transaction. */
    private static final class Savepoints {
        /** Of the events being handled, innermost first. */
        final Deque<String> open = new ArrayDeque<>();
        /** What to undo in memory with each open event's writes ({@link #onUndo}), innermost first. */
        final Deque<List<Runnable>> undo = new ArrayDeque<>();
        /** Set for an event already done and not released yet (released with the next one's setting). */
        String unreleased;

        int next;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!active.getAsBoolean() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return interceptorChain.proceed();
        }
        Savepoints savepoints = savepoints();
        String name = "event_" + ++savepoints.next;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            execute(
                    connection,
                    savepoints.unreleased == null
                            ? "SAVEPOINT " + name
                            : "RELEASE SAVEPOINT " + savepoints.unreleased + "; SAVEPOINT " + name);
            savepoints.unreleased = null;
            savepoints.open.push(name);
            savepoints.undo.push(new ArrayList<>());
            try {
                return interceptorChain.proceed();
            } catch (Exception failure) {
                try {
                    savepoints.unreleased = null;
                    execute(connection, "ROLLBACK TO SAVEPOINT " + name);
                    undoInMemory(savepoints);
                } catch (SQLException rollbackFailed) {
                    failure.addSuppressed(rollbackFailed);
                }
                throw failure;
            } finally {
                savepoints.open.pop();
                List<Runnable> done = savepoints.undo.pop();
                if (!savepoints.undo.isEmpty()) {
                    savepoints.undo.peek().addAll(done); // undone with the event it was handled in
                }
                // still there after a success or a rollback to it; whatever was set after it goes with it
                savepoints.unreleased = name;
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Rolls back what the handlers wrote for the event being handled, leaving the transaction usable. */
    public void undoCurrentEvent() {
        Savepoints savepoints = bound();
        String name = savepoints == null ? null : savepoints.open.peek();
        if (name == null) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            execute(connection, "ROLLBACK TO SAVEPOINT " + name);
            savepoints.unreleased = null; // one set after this one (a nested event's) is gone with the rollback
            undoInMemory(savepoints);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not roll back the failed event's writes", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Registers what to undo in memory if the writes of the event being handled are rolled back (the event parked):
     * for a handler that keeps per-transaction state of its own and writes it later (at the commit). Runs at once
     * with the rollback; forgotten when the transaction ends. Without an event savepoint (no transaction, or a
     * rebuild's batch, which is undone as a whole), nothing is registered.
     */
    public static void onUndo(Runnable undo) {
        Savepoints savepoints = bound();
        if (savepoints != null && !savepoints.undo.isEmpty()) {
            savepoints.undo.peek().add(undo);
        }
    }

    private static void undoInMemory(Savepoints savepoints) {
        List<Runnable> undo = savepoints.undo.peek();
        if (undo != null) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            undo.clear();
        }
    }

    private static Savepoints bound() {
        return TransactionState.bound(KEY);
    }

    /** This transaction's savepoints, bound to it until it completes (and put aside while it is suspended). */
    private static Savepoints savepoints() {
        return TransactionState.of(KEY, Savepoints::new);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
