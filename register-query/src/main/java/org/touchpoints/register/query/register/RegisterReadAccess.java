package org.touchpoints.register.query.register;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.rule.Refusal;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.platform.account.AccountStore;

/**
 * The one place that decides who may read a register's unpublished content — its current and past rows, changes,
 * deadlines, delegations, members, reviews, exports of the current state and the pages showing them: the accounts
 * holding a role in that register (the membership read model, so a revoked role stops giving access with its
 * {@code MemberRevoked}), and the holders of a global AUDITOR or ADMIN role. Published versions are not decided
 * here: they are public.
 *
 * <p>Every controller and page asks this component; none keeps its own copy of the rule.
 */
@Component
public class RegisterReadAccess {
    /** The rule's name, as problem details and pages report it. */
    public static final String RULE = "unpublishedContentIsReadByMembers";

    /** What the caller may read: every register, or those named. */
    public record Scope(boolean everything, Set<String> registers) {
        static final Scope NOTHING = new Scope(false, Set.of());
        static final Scope EVERYTHING = new Scope(true, Set.of());

        public boolean includes(String registerId) {
            return everything || registers.contains(registerId);
        }

        /** The registers named, or null when every register is readable (no filter needed). */
        public List<String> filter() {
            return everything ? null : List.copyOf(registers);
        }
    }

    /**
     * The registers an account holds a role in (the membership read model): the rule's one statement, run by
     * {@link #scope} and given to the queries that filter by it themselves ({@link #reader}).
     */
    static final String REGISTERS_OF_MEMBER = "select register_id from q_member where username = ?";

    /**
     * What the caller may read, for a query to filter by itself: every register, or those {@code member} holds a role
     * in ({@link #REGISTERS_OF_MEMBER}), or none (anonymous: {@code member} null). At ten thousand registers a member
     * of all of them otherwise sent the ids of all of them with each query.
     */
    public record Reader(boolean everything, String member) {}

    private final JdbcClient jdbc;
    private final AccountStore accounts;

    public RegisterReadAccess(JdbcClient jdbc, AccountStore accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** The registers the signed-in caller may read (nothing for an anonymous caller). */
    public Scope scope() {
        String username = caller();
        if (username == null) {
            return Scope.NOTHING;
        }
        if (readsEverything(username)) {
            return Scope.EVERYTHING;
        }
        return new Scope(
                false,
                new TreeSet<>(jdbc.sql(REGISTERS_OF_MEMBER)
                        .param(username)
                        .query(String.class)
                        .list()));
    }

    /** What the signed-in caller may read, as {@link Reader}: the same rule as {@link #scope}, not yet applied. */
    public Reader reader() {
        String username = caller();
        if (username == null) {
            return new Reader(false, null);
        }
        return readsEverything(username) ? new Reader(true, null) : new Reader(false, username);
    }

    /** Whether the signed-in caller holds a global AUDITOR or ADMIN role (reads every register). */
    public boolean readsEverything() {
        String username = caller();
        return username != null && readsEverything(username);
    }

    /** Whether the signed-in caller may read the unpublished content of {@code registerId}. */
    public boolean mayRead(String registerId) {
        String username = caller();
        if (username == null || registerId == null) {
            return false;
        }
        return readsEverything(username)
                || jdbc.sql("select exists(select 1 from q_member where register_id = ? and username = ?)")
                        .params(registerId, username)
                        .query(Boolean.class)
                        .single();
    }

    /** Refuses (403, for the API as problem details, for pages as the error page) a caller who may not read it. */
    public void requireReadable(String registerId) {
        if (!mayRead(registerId)) {
            throw new RuleViolatedException(
                    RULE,
                    Refusal.FORBIDDEN,
                    "Содержание перечня «" + registerId
                            + "», не опубликованное на официальном сайте, доступно только участникам этого перечня, аудитору и "
                            + "администратору; опубликованные редакции открыты всем");
        }
    }

    private boolean readsEverything(String username) {
        return accounts.find(username)
                .map(a -> a.globalRole() != null && AccountStore.GLOBAL_ROLES.contains(a.globalRole()))
                .orElse(false);
    }

    private static String caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getName();
    }
}
