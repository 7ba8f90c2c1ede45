package org.touchpoints.register.platform.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The way into a fresh installation outside demo mode: with {@code REGISTER_ADMIN_PASSWORD} set, a database
 * without any administrator gets one ({@code REGISTER_ADMIN_USERNAME}, default {@code admin}), who then creates
 * the registers and accounts. Nothing happens when the variable is unset or an administrator exists; several
 * replicas starting at once create the account once.
 */
@Component
class FirstAdministrator {
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountStore accounts;
    private final String username;
    private final String password;

    FirstAdministrator(
            AccountStore accounts,
            @Value("${REGISTER_ADMIN_USERNAME:admin}") String username,
            @Value("${REGISTER_ADMIN_PASSWORD:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIfNone() {
        if (password.isBlank() || accounts.all().stream().anyMatch(a -> "ADMIN".equals(a.globalRole()))) {
            return;
        }
        if (accounts.create(username, password, "Администратор", "ADMIN")) {
            log.info("Created the first administrator account {}", username);
            if (!PasswordPolicy.problems("password", username, password).isEmpty()) {
                // the operator's setting is taken as given (a fresh installation must be reachable); say so loudly
                log.warn(
                        "REGISTER_ADMIN_PASSWORD does not meet the password policy (at least {} characters, not common, "
                                + "not the username): change it after the first sign-in",
                        PasswordPolicy.MIN_LENGTH);
            }
        }
    }
}
