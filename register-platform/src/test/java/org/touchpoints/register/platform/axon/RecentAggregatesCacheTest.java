package org.touchpoints.register.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/**
 * The aggregate cache keeps the most recently used entries through garbage collections (a weak reference alone is
 * cleared by the next one) and lets the others go.
 */
class RecentAggregatesCacheTest {

    @Test
    void aRecentlyUsedEntrySurvivesGarbageCollections() {
        RecentAggregatesCache cache = new RecentAggregatesCache(2);
        cache.put("r1", new byte[1024]);
        collectGarbage();
        assertThat((Object) cache.get("r1")).isNotNull();
        assertThat(cache.containsKey("r1")).isTrue();
    }

    @Test
    void anEntryBeyondTheCapacityIsHeldOnlyWeakly() {
        RecentAggregatesCache cache = new RecentAggregatesCache(2);
        Object first = new byte[1024];
        WeakReference<Object> watch = new WeakReference<>(first);
        cache.put("r1", first);
        first = null;
        cache.put("r2", new byte[1024]);
        cache.put("r3", new byte[1024]); // r1 is the least recently used of three
        for (int i = 0; i < 20 && watch.get() != null; i++) {
            collectGarbage();
        }
        assertThat(watch.get()).isNull();
        assertThat((Object) cache.get("r1")).isNull();
        assertThat((Object) cache.get("r3")).isNotNull();
    }

    @Test
    void aReadMakesAnEntryRecentAgain() {
        RecentAggregatesCache cache = new RecentAggregatesCache(2);
        cache.put("r1", new byte[1024]);
        cache.put("r2", new byte[1024]);
        cache.get("r1");
        cache.put("r3", new byte[1024]); // now r2 is the least recently used
        collectGarbage();
        assertThat((Object) cache.get("r1")).isNotNull();
        assertThat((Object) cache.get("r3")).isNotNull();
    }

    @Test
    void aRemovedEntryIsGone() {
        RecentAggregatesCache cache = new RecentAggregatesCache(2);
        cache.put("r1", new byte[1024]);
        assertThat(cache.remove("r1")).isTrue();
        assertThat((Object) cache.get("r1")).isNull();
        cache.put("r2", new byte[1024]);
        cache.removeAll();
        assertThat(cache.containsKey("r2")).isFalse();
    }

    private static void collectGarbage() {
        System.gc();
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
