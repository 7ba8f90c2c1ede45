package org.touchpoints.register.platform.axon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;

/**
 * The aggregate cache: the {@code capacity} most recently used aggregates held strongly, the others weakly (Axon's
 * {@link WeakReferenceCache}) until the garbage collector takes them. A weak reference alone is cleared by the next
 * young collection, every few hundred commands under load, and the next command on that register then read and
 * applied every event of the register again (JFR: 6 % of the request threads' samples at K = 8). Bounded memory:
 * {@code capacity} registers, a few hundred KiB each at 200 rows.
 * <p>Correctness does not depend on the cache: Axon checks the cached version against the event store's sequence
 * on append, and a stale entry (another replica's command) is a conflict the command gateway retries
 * ({@link ConflictRetryScheduler}) after Axon evicted it.
 */
public class RecentAggregatesCache implements Cache {
    private final WeakReferenceCache all = new WeakReferenceCache();
    private final Map<Object, Object> recent;

    public RecentAggregatesCache(int capacity) {
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    private synchronized void hold(Object key, Object value) {
        recent.put(key, value);
    }

    private synchronized void release(Object key) {
        recent.remove(key);
    }

    @Override
    public <K, V> V get(K key) {
        V value = all.get(key);
        if (value != null) {
            hold(key, value);
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        all.put(key, value); // refuses null
        hold(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean put = all.putIfAbsent(key, value);
        if (put) {
            hold(key, value);
        }
        return put;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = all.computeIfAbsent(key, valueSupplier);
        if (value != null) {
            hold(key, value);
        }
        return value;
    }

    @Override
    public boolean remove(Object key) {
        release(key);
        return all.remove(key);
    }

    @Override
    public void removeAll() {
        synchronized (this) {
            recent.clear();
        }
        all.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return all.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        all.computeIfPresent(key, update);
        Object value = all.get(key);
        if (value == null) {
            release(key);
        } else {
            hold(key, value);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        return all.registerCacheEntryListener(entryListener);
    }
}
