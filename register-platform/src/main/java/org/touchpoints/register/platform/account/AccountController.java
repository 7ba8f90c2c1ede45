package org.touchpoints.register.platform.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.web.ApiException;

/** Accounts (administrator). Roles inside a register are assigned on the register, not here. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Учётные записи")
@PreAuthorize("hasRole('ADMIN')")
public class AccountController {
    private final AccountStore accounts;
    private final AdminAudit audit;

    public AccountController(AccountStore accounts, AdminAudit audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    public record NewAccount(String username, String password, String displayName, String email, String globalRole) {
    }

    @GetMapping
    @Operation(summary = "Учётные записи (администратор)")
    public List<Account> list() {
        return accounts.all();
    }

    @PostMapping
    @Operation(summary = "Создать учётную запись (администратор)",
            description = "Пример: {\"username\":\"ivanova\",\"password\":\"…\",\"displayName\":\"Иванова А. С.\",\"email\":\"ivanova@example.gov.ru\"}; "
                    + "globalRole: ADMIN, AUDITOR или не указывается.")
    public ResponseEntity<Map<String, String>> create(@RequestBody NewAccount body,
            org.springframework.security.core.Authentication who) {
        List<FieldError> errors = new ArrayList<>();
        if (body.username() == null || !body.username().matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            errors.add(new FieldError("username", "Имя пользователя: латинские строчные буквы, цифры, «.», «_», «-»"));
        }
        if (body.password() == null || body.password().length() < 8 || body.password().length() > 72) {
            errors.add(new FieldError("password", "Пароль: от 8 до 72 символов"));
        }
        if (body.displayName() == null || body.displayName().isBlank() || body.displayName().length() > 200
                || Text.hasControlCharacters(body.displayName())) {
            errors.add(new FieldError("displayName", "Укажите фамилию, имя, отчество и должность (до 200 символов)"));
        }
        if (body.email() != null && (!body.email().matches("[^@\\s]{1,64}@[^@\\s]{1,255}") || Text.hasControlCharacters(body.email()))) {
            errors.add(new FieldError("email", "Адрес электронной почты записан с ошибкой"));
        }
        if (body.globalRole() != null && !AccountStore.GLOBAL_ROLES.contains(body.globalRole())) {
            errors.add(new FieldError("globalRole", "Роль: ADMIN, AUDITOR или не указывается"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
        }
        if (!accounts.create(body.username(), body.password(), body.displayName().strip(), body.globalRole(), body.email())) {
            throw new ApiException(HttpStatus.CONFLICT, "Учётная запись «" + body.username() + "» уже существует");
        }
        audit.record(who.getName(), AdminAudit.ACCOUNT_CREATED, body.username(),
                body.globalRole() == null ? body.displayName().strip() : body.displayName().strip() + "; роль " + body.globalRole());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("username", body.username()));
    }
}
