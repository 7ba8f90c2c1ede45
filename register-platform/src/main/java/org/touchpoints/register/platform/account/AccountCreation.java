package org.touchpoints.register.platform.account;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.web.ApiException;

/**
 * Creating an account (administrator): the checks, the store and the audit entry, in one place for the API
 * ({@code POST /api/v1/accounts}) and the administration page.
 */
@Component
public class AccountCreation {
    private final AccountStore accounts;
    private final AdminAudit audit;

    public AccountCreation(AccountStore accounts, AdminAudit audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /** What a new account is made of; {@code globalRole} ADMIN, AUDITOR or null. */
    public record NewAccount(String username, String password, String displayName, String email, String globalRole) {}

    /** The field errors of {@code account}, empty when it may be created. */
    public static List<FieldError> check(NewAccount account) {
        List<FieldError> errors = new ArrayList<>();
        if (account.username() == null || !account.username().matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            errors.add(new FieldError("username", "Имя пользователя: латинские строчные буквы, цифры, «.», «_», «-»"));
        }
        errors.addAll(PasswordPolicy.problems("password", account.username(), account.password()));
        if (account.displayName() == null
                || account.displayName().isBlank()
                || account.displayName().length() > 200
                || Text.hasControlCharacters(account.displayName())) {
            errors.add(new FieldError("displayName", "Укажите фамилию, имя, отчество и должность (до 200 символов)"));
        }
        if (account.email() != null
                && (!account.email().matches("[^@\\s]{1,64}@[^@\\s]{1,255}")
                        || Text.hasControlCharacters(account.email()))) {
            errors.add(new FieldError("email", "Адрес электронной почты записан с ошибкой"));
        }
        if (account.globalRole() != null && !AccountStore.GLOBAL_ROLES.contains(account.globalRole())) {
            errors.add(new FieldError("globalRole", "Роль: ADMIN, AUDITOR или не указывается"));
        }
        return errors;
    }

    /** Creates the account on behalf of {@code by}: 400 with the field errors, 409 when the name is taken. */
    public void create(NewAccount account, String by) {
        List<FieldError> errors = check(account);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
        }
        String displayName = account.displayName().strip();
        if (!accounts.create(
                account.username(), account.password(), displayName, account.globalRole(), account.email())) {
            throw new ApiException(HttpStatus.CONFLICT, "Учётная запись «" + account.username() + "» уже существует");
        }
        audit.record(
                by,
                AdminAudit.ACCOUNT_CREATED,
                account.username(),
                account.globalRole() == null ? displayName : displayName + "; роль " + account.globalRole());
    }
}
