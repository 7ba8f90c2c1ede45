package org.touchpoints.register.platform.account;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.touchpoints.register.api.row.Text;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Accounts in PostgreSQL; passwords only as BCrypt hashes. */
@Repository
public class AccountStore {
    public static final List<String> GLOBAL_ROLES = List.of("ADMIN", "AUDITOR");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    public AccountStore(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public Optional<Account> find(String username) {
        if (username == null || Text.hasControlCharacters(username)) {
            return Optional.empty(); // no account has such a name, and PostgreSQL cannot compare a NUL
        }
        return jdbc.sql("select username, display_name, global_role, enabled, email from account where username = ?")
                .param(username)
                .query((rs, i) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)))
                .optional();
    }

    public Optional<String> passwordHash(String username) {
        if (username == null || Text.hasControlCharacters(username)) {
            return Optional.empty();
        }
        return jdbc.sql("select password_hash from account where username = ?")
                .param(username).query(String.class).optional();
    }

    public List<Account> all() {
        return jdbc.sql("select username, display_name, global_role, enabled, email from account order by username")
                .query((rs, i) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)))
                .list();
    }

    /** Creates the account, or does nothing when it exists; returns whether it was created. */
    @Transactional
    public boolean create(String username, String rawPassword, String displayName, String globalRole) {
        return create(username, rawPassword, displayName, globalRole, null);
    }

    /** Creates the account, or does nothing when it exists; returns whether it was created. */
    @Transactional
    public boolean create(String username, String rawPassword, String displayName, String globalRole, String email) {
        if (find(username).isPresent()) {
            return false; // spares the BCrypt hash of a password that would not be stored
        }
        return jdbc.sql("""
                        insert into account(username, password_hash, display_name, global_role, enabled, email)
                        values (?, ?, ?, ?, true, ?) on conflict (username) do nothing""")
                .params(username, passwordEncoder.encode(rawPassword), displayName, globalRole, email)
                .update() == 1;
    }

    /** Sets or clears the e-mail address reminders go to. */
    @Transactional
    public void setEmail(String username, String email) {
        jdbc.sql("update account set email = ? where username = ?").params(email, username).update();
    }
}
