package org.touchpoints.register.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.touchpoints.register.platform.account.Account;

/**
 * What an account may do globally, however its holder signed in (password or OpenID Connect): every account is a
 * USER; ADMIN and AUDITOR come from the account record. Roles inside a register are decided by the register.
 */
final class AccountAuthorities {
    private AccountAuthorities() {}

    static List<GrantedAuthority> of(Account account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (account.globalRole() != null) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + account.globalRole()));
        }
        return authorities;
    }
}
