package org.touchpoints.register.query.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The row count of each register, remembered with the state of the register's version row it was counted at, so a
 * list of registers counts only the rows of registers that moved since (the whole list of ten thousand registers
 * counted two million rows per request). The stamp is the version row's {@code xmin}, the transaction that last
 * wrote it: every transaction with events of a register rewrites that row ({@link RegisterVersionProjection}: once,
 * before it commits), the transaction that changes the register's rows (same processing group), and a rebuild writes every row anew, so a register whose
 * stamp is unchanged has the rows it had when counted. A count read after a later transaction than its stamp
 * is corrected at the next read, which sees a new stamp. Each replica keeps its own (one entry per register).
 */
final class RowCounts {
    private record Counted(String stamp, int rows) {}

    private final Map<String, Counted> counted = new ConcurrentHashMap<>();

    /**
     * The row counts of the registers (id → stamp), counting with {@code count} only those not counted at their
     * current stamp.
     */
    Map<String, Integer> of(Map<String, String> stamps, Function<List<String>, Map<String, Integer>> count) {
        Map<String, Integer> rows = new HashMap<>();
        List<String> moved = new ArrayList<>();
        stamps.forEach((registerId, stamp) -> {
            Counted known = counted.get(registerId);
            if (known != null && known.stamp().equals(stamp)) {
                rows.put(registerId, known.rows());
            } else {
                moved.add(registerId);
            }
        });
        if (!moved.isEmpty()) {
            Map<String, Integer> fresh = count.apply(moved);
            for (String registerId : moved) {
                int n = fresh.getOrDefault(registerId, 0);
                rows.put(registerId, n);
                counted.put(registerId, new Counted(stamps.get(registerId), n));
            }
        }
        return rows;
    }
}
