package org.touchpoints.register.platform.account;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.web.ApiException;

/**
 * What an administrator does to an existing account — disable, enable, set a new password — with its checks, the
 * store and the audit entry, in one place for the API ({@code /api/v1/accounts/{username}/…}) and the accounts page.
 * An account changing its own password (with its current one) is not here: that is {@code AccountController}.
 */
@Component
public class AccountLifecycle {
    private final AccountStore accounts;
    private final AdminAudit audit;

    public AccountLifecycle(AccountStore accounts, AdminAudit audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Disables {@code username} on behalf of {@code by}: 409 for one's own account, 404 for an unknown one. */
    public void disable(String username, String by) {
        if (username.equals(by)) {
            throw new ApiException(HttpStatus.CONFLICT, "Нельзя отключить собственную учётную запись");
        }
        requireKnown(username);
        if (accounts.setEnabled(username, false)) {
            audit.record(by, AdminAudit.ACCOUNT_DISABLED, username, null);
        }
    }

    /** Enables {@code username} on behalf of {@code by}: 404 for an unknown account. */
    public void enable(String username, String by) {
        requireKnown(username);
        if (accounts.setEnabled(username, true)) {
            audit.record(by, AdminAudit.ACCOUNT_ENABLED, username, null);
        }
    }

    /**
     * Sets a new password for another account (reset) on behalf of {@code by}: 404 for an unknown account, 400 with
     * the password policy's refusals on {@code field}, 409 for one's own account (which changes its password with the
     * current one). Every session of the account ends and its old password is refused at once.
     */
    public void resetPassword(String username, String password, String by, String field) {
        requireKnown(username);
        if (username.equals(by)) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "Собственный пароль меняется с указанием текущего пароля, на странице «Сменить пароль»");
        }
        List<FieldError> errors = PasswordPolicy.problems(field, username, password);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
        }
        accounts.setPassword(username, password);
        audit.record(by, AdminAudit.PASSWORD_RESET, username, null);
    }

    /** 404 unless {@code username} is an account. */
    public void requireKnown(String username) {
        if (accounts.find(username).isEmpty()) {
            throw ApiException.notFound("Учётная запись «" + AdminAudit.oneLine(username) + "» не найдена");
        }
    }
}
