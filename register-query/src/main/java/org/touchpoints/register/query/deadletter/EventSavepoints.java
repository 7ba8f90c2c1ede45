package org.touchpoints.register.query.deadletter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each event's handling by a dead-lettered processing group runs inside a savepoint of the surrounding transaction
 * (the command's, for subscribing processors; the batch's, for streaming ones). In PostgreSQL a failed statement spoils
 * the whole transaction, so without it one projection's failure would undo the command or the batch whatever the
 * dead-letter queue decides. When the event is to be parked, {@link #undoCurrentEvent()} rolls the event's writes
 * back first; the transaction goes on and the letter is written in it. When a parked event is retried and fails again,
 * the interceptor rolls back before the failure travels on, so the letter can be requeued.
 */
public class EventSavepoints implements MessageHandlerInterceptor<EventMessage<?>> {
    private final DataSource dataSource;
    private final ThreadLocal<Deque<Savepoint>> open = ThreadLocal.withInitial(ArrayDeque::new);
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

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!active.getAsBoolean() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return interceptorChain.proceed();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint = connection.setSavepoint();
        open.get().push(savepoint);
        try {
            Object result = interceptorChain.proceed();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (Exception failure) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailed) {
                failure.addSuppressed(rollbackFailed);
            }
            throw failure;
        } finally {
            open.get().pop();
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Rolls back what the handlers wrote for the event being handled, leaving the transaction usable. */
    public void undoCurrentEvent() {
        Savepoint savepoint = open.get().peek();
        if (savepoint == null) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not roll back the failed event's writes", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
