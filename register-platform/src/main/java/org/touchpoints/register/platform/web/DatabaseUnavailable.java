package org.touchpoints.register.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, no connection within the pool's
 * timeout) rather than a fault of the request or of our code: then the request is answered 503 with
 * {@code Retry-After}, and nothing of it was recorded (it never committed). Looks through every wrapper (Spring's
 * translation, Axon's {@code EventStoreException} and command failures, Spring Security's authentication errors).
 */
public final class DatabaseUnavailable {
    /** Seconds a client is asked to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static final String DETAIL = "База данных временно недоступна: запрос не выполнен, ничего не записано. "
            + "Повторите запрос через несколько секунд";

    private DatabaseUnavailable() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // PostgreSQL: 08xxx connection exception; 57P01-57P03 the server is shutting down or starting up
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
