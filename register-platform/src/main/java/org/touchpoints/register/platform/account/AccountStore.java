package org.touchpoints.register.platform.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.touchpoints.register.api.row.Text;

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
                .query((rs, i) -> new Account(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)))
                .optional();
    }

    public Optional<String> passwordHash(String username) {
        if (username == null || Text.hasControlCharacters(username)) {
            return Optional.empty();
        }
        return jdbc.sql("select password_hash from account where username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("select username, display_name, global_role, enabled, email from account order by username")
                .query((rs, i) -> new Account(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)))
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
                        .update()
                == 1;
    }

    /**
     * What a sign-in was made under: a digest of the stored hash, the global role and the credential version, for
     * an enabled account only (empty when the account is unknown or disabled). Any password change, disabling,
     * enabling or role change gives a new stamp, so a session or a cached verification made under the old one ends.
     */
    public Optional<String> stamp(String username) {
        if (username == null || Text.hasControlCharacters(username)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select password_hash, global_role, credential_version from account
                        where username = ? and enabled""")
                .param(username)
                .query((rs, i) -> digest(
                        username + '\u0000' + rs.getString(1) + '\u0000' + rs.getString(2) + '\u0000' + rs.getLong(3)))
                .optional();
    }

    /** Whether {@code rawPassword} is the account's password (a BCrypt check: tens of milliseconds). */
    public boolean passwordMatches(String username, String rawPassword) {
        return rawPassword != null
                && passwordHash(username)
                        .map(hash -> passwordEncoder.matches(rawPassword, hash))
                        .orElse(false);
    }

    /** Switches the account on or off; returns whether its state changed. Its sessions end at their next request. */
    @Transactional
    public boolean setEnabled(String username, boolean enabled) {
        return jdbc.sql("""
                        update account set enabled = ?, credential_version = credential_version + 1
                        where username = ? and enabled <> ?""").params(enabled, username, enabled).update() == 1;
    }

    /** Stores a new password (as a BCrypt hash); returns whether the account exists. Its sessions end. */
    @Transactional
    public boolean setPassword(String username, String rawPassword) {
        return jdbc.sql("""
                        update account set password_hash = ?, credential_version = credential_version + 1
                        where username = ?""")
                        .params(passwordEncoder.encode(rawPassword), username)
                        .update()
                == 1;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets or clears the e-mail address reminders go to. */
    @Transactional
    public void setEmail(String username, String email) {
        jdbc.sql("update account set email = ? where username = ?")
                .params(email, username)
                .update();
    }
}
