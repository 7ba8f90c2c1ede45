package org.touchpoints.register.query.ui;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.touchpoints.register.platform.account.AccountStore;

/** Who is signed in, with their memberships from the register projection. */
@Component
public class Viewers {
    private final AccountStore accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    public Viewers(AccountStore accounts, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Viewer.ANONYMOUS;
        }
        String username = auth.getName();
        var account = accounts.find(username);
        List<Viewer.Membership> memberships = jdbc.sql(
                        "select register_id, role, division_id from q_member where username = ? order by register_id, role")
                .param(username)
                .query((rs, i) -> new Viewer.Membership(
                        rs.getString(1), rs.getString(2), rs.getString(3).isEmpty() ? null : rs.getString(3)))
                .list();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean acting = !memberships.isEmpty()
                && jdbc.sql("""
                        select exists(select 1 from q_delegation where delegate = ? and revoked_at is null
                                      and valid_from <= ? and valid_to >= ?)""") // a day either side: any zone
                        .param(username)
                        .param(Date.valueOf(today.plusDays(1)))
                        .param(Date.valueOf(today.minusDays(1)))
                        .query(Boolean.class)
                        .single();
        return new Viewer(
                username,
                account.map(a -> a.displayName()).orElse(username),
                account.map(a -> a.globalRole()).orElse(null),
                memberships,
                acting);
    }
}
