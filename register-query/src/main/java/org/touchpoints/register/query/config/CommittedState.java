package org.touchpoints.register.query.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the database has committed, as a stamp: PostgreSQL's {@code pg_current_snapshot()} (the oldest transaction
 * still running, the next transaction id, the ones running between). Two equal stamps mean that no transaction
 * committed in between (one that commits leaves the list of running ones; one that starts after moves the next id),
 * so every table — the read models, the memberships, the accounts — is as it was. One statement of one row, however
 * many registers there are.
 *
 * <p>{@link Memo} keeps an answer computed from the database with the stamp read just before it was computed, and gives
 * it again while the stamp has not moved: an answer computed after the stamp was read may include later commits, but
 * then the stamp has moved, and the next request computes it again. So a cached answer is never older than the last
 * commit a caller could have been told about. Any commit anywhere (a command, a role given, an account changed) moves
 * the stamp: the memos help where reads outnumber writes (lists at ten thousand registers), and cost one short
 * statement where they do not.
 */
@Component
public class CommittedState {
    private final JdbcClient jdbc;

    public CommittedState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stamp of what the database has committed as of now, or null inside a transaction that has written: its own
     * writes are visible to it and not yet committed, and would be gone with a rollback under the same stamp.
     */
    public String stamp() {
        return jdbc.sql(
                        "select case when pg_current_xact_id_if_assigned() is null then pg_current_snapshot()::text end")
                .query((rs, i) -> rs.getString(1))
                .list()
                .get(0);
    }

    /** A memo of answers under keys ({@code limit}: at most that many kept, e.g. one per caller's scope). */
    public <K, V> Memo<K, V> memo(int limit) {
        return new Memo<>(this, limit);
    }

    /** Answers by key, each with the stamp it was computed at ({@link CommittedState}). */
    public static final class Memo<K, V> {
        private record Kept<V>(String stamp, V value) {}

        private final CommittedState state;
        private final int limit;
        private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

        private Memo(CommittedState state, int limit) {
            this.state = state;
            this.limit = limit;
        }

        /** The answer under {@code key}: as kept when nothing committed since, else from {@code compute} (and kept). */
        public V get(K key, Supplier<V> compute) {
            String stamp = state.stamp();
            if (stamp == null) { // a writing transaction's own view: neither kept nor given
                return compute.get();
            }
            Kept<V> known = kept.get(key);
            if (known != null && known.stamp().equals(stamp)) {
                return known.value();
            }
            V value = compute.get();
            if (kept.size() >= limit && !kept.containsKey(key)) {
                kept.clear(); // a bound, not a policy: the scopes asked for again are kept again at their next request
            }
            kept.put(key, new Kept<>(stamp, value));
            return value;
        }
    }
}
