package org.touchpoints.register.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per account and per address over a sliding {@code window}: past
 * {@code accountFailures} for one account, or {@code addressFailures} from one address, every further attempt for
 * that account or from that address is refused for {@code penalty} without checking the password (so a correct
 * password is refused too, and a throttled client cannot make the service run BCrypt). A successful sign-in clears
 * the account's count, not the address's. Kept in memory, per replica; bounded in size.
 */
public class SignInThrottle {
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int accountFailures;
    private final int addressFailures;
    private final Duration window;
    private final Duration penalty;
    private final Map<String, Record> accounts = new ConcurrentHashMap<>();
    private final Map<String, Record> addresses = new ConcurrentHashMap<>();

    /** Failures in the window, and the penalty they earned, for one key. */
    private static final class Record {
        final Deque<Long> failures = new ArrayDeque<>();
        long blockedFrom = Long.MIN_VALUE;
        long blockedUntil = Long.MIN_VALUE;
    }

    public SignInThrottle(Clock clock, int accountFailures, int addressFailures, Duration window, Duration penalty) {
        this.clock = clock;
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.window = window;
        this.penalty = penalty;
    }

    /** How long {@code username} from {@code address} must still wait, or null when it may try now. */
    public Duration penalty(String username, String address) {
        long now = clock.millis();
        long wait = Math.max(remaining(accounts, accountKey(username), now), remaining(addresses, address, now));
        return wait > 0 ? Duration.ofMillis(wait) : null;
    }

    /** Records a failed attempt; returns the penalty it started, or null. */
    public Duration failed(String username, String address) {
        long now = clock.millis();
        long a = count(accounts, accountKey(username), now, accountFailures);
        long b = count(addresses, address, now, addressFailures);
        long wait = Math.max(a, b);
        return wait > 0 ? Duration.ofMillis(wait) : null;
    }

    /** Forgets every count and penalty (the integration tests start each test from none). */
    public void clear() {
        accounts.clear();
        addresses.clear();
    }

    public void succeeded(String username) {
        accounts.remove(accountKey(username));
    }

    private long remaining(Map<String, Record> records, String key, long now) {
        if (key == null) {
            return 0;
        }
        Record r = records.get(key);
        if (r == null) {
            return 0;
        }
        synchronized (r) {
            prune(r, now);
            if (r.blockedFrom <= now && now < r.blockedUntil) {
                return r.blockedUntil - now;
            }
            if (r.failures.isEmpty()) {
                records.remove(key, r);
            }
            return 0;
        }
    }

    private long count(Map<String, Record> records, String key, long now, int threshold) {
        if (key == null) {
            return 0;
        }
        if (records.size() >= MAX_KEYS) {
            records.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().failures.isEmpty() && !(now < e.getValue().blockedUntil);
                }
            });
        }
        Record r = records.computeIfAbsent(key, k -> new Record());
        synchronized (r) {
            prune(r, now);
            r.failures.addLast(now);
            if (r.failures.size() >= threshold) {
                r.blockedFrom = now;
                r.blockedUntil = now + penalty.toMillis();
                r.failures.clear();
                return penalty.toMillis();
            }
            return 0;
        }
    }

    /** Drops failures outside the window, and any from "the future" (a clock set back). */
    private void prune(Record r, long now) {
        r.failures.removeIf(t -> t <= now - window.toMillis() || t > now);
        if (r.blockedFrom > now) {
            r.blockedFrom = Long.MIN_VALUE;
            r.blockedUntil = Long.MIN_VALUE;
        }
    }

    private static String accountKey(String username) {
        if (username == null) {
            return null;
        }
        String key = username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }
}
