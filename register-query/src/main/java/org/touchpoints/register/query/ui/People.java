package org.touchpoints.register.query.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.touchpoints.register.platform.account.AccountStore;

/**
 * People as pages show them: their display name (name and position, {@code account.display_name}), never the login;
 * the service's own actions («system») as «Система». A login without an account is shown as it is.
 * Templates reach it as {@code @people}.
 */
@Component("people")
public class People {
    public static final String SYSTEM = "system";
    public static final String SYSTEM_NAME = "Система";

    private final AccountStore accounts;

    public People(AccountStore accounts) {
        this.accounts = accounts;
    }

    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if (SYSTEM.equals(username)) {
            return SYSTEM_NAME;
        }
        return accounts.find(username)
                .map(a -> a.displayName() == null || a.displayName().isBlank() ? username : a.displayName())
                .orElse(username);
    }

    /** «Имя» or «Имя (и.о. за Имя)» when an acting official used another's right. */
    public String name(String username, String onBehalfOf) {
        return onBehalfOf == null || onBehalfOf.isBlank()
                ? name(username)
                : name(username) + " (и.о. за " + name(onBehalfOf) + ")";
    }

    /** Names looked up once each, for a page or file that shows many. */
    public Function<String, String> cached() {
        Map<String, String> seen = new HashMap<>();
        return u -> u == null ? "" : seen.computeIfAbsent(u, this::name);
    }
}
