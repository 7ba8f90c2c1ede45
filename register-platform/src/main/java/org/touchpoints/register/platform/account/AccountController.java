package org.touchpoints.register.platform.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
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
    private final CurrentPassword currentPassword;
    private final AccountCreation creation;
    private final AccountLifecycle lifecycle;

    public AccountController(
            AccountStore accounts,
            AdminAudit audit,
            CurrentPassword currentPassword,
            AccountCreation creation,
            AccountLifecycle lifecycle) {
        this.accounts = accounts;
        this.audit = audit;
        this.currentPassword = currentPassword;
        this.creation = creation;
        this.lifecycle = lifecycle;
    }

    public record NewPassword(String password, String currentPassword) {}

    public record NewAccount(String username, String password, String displayName, String email, String globalRole) {}

    @GetMapping
    @Operation(summary = "Учётные записи (администратор)")
    public List<Account> list() {
        return accounts.all();
    }

    @PostMapping
    @Operation(
            summary = "Создать учётную запись (администратор)",
            description =
                    "Пример: {\"username\":\"ivanova\",\"password\":\"…\",\"displayName\":\"Иванова А. С.\",\"email\":\"ivanova@example.gov.ru\"}; "
                            + "globalRole: ADMIN, AUDITOR или не указывается.")
    public ResponseEntity<Map<String, String>> create(@RequestBody NewAccount body, Authentication who) {
        creation.create(
                new AccountCreation.NewAccount(
                        body.username(), body.password(), body.displayName(), body.email(), body.globalRole()),
                who.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("username", body.username()));
    }

    @PostMapping("/{username}/disable")
    @Operation(
            summary = "Отключить учётную запись (администратор)",
            description = "Сразу: сеансы этой учётной записи завершаются, вход по паролю и по токену отклоняется.")
    public Map<String, Object> disable(@PathVariable String username, Authentication who) {
        lifecycle.disable(username, who.getName());
        return Map.of("username", username, "enabled", false);
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Включить учётную запись (администратор)")
    public Map<String, Object> enable(@PathVariable String username, Authentication who) {
        lifecycle.enable(username, who.getName());
        return Map.of("username", username, "enabled", true);
    }

    /**
     * A new password: set by an administrator for another account (reset), or by the account itself, which proves
     * it with {@code currentPassword} (an administrator too, for their own account). Every session of the account
     * ends, and its old password is refused at once.
     */
    @PutMapping("/{username}/password")
    @PreAuthorize("hasRole('ADMIN') or #username == authentication.name")
    @Operation(
            summary = "Сменить пароль: свой (с текущим паролем) или чужой (администратор)",
            description =
                    "Пример: {\"password\":\"новый-длинный-пароль\",\"currentPassword\":\"…\"}. Не короче 12 символов, "
                            + "не более 72 байт, не распространённый и не совпадающий с именем пользователя.")
    public Map<String, Object> password(
            @PathVariable String username,
            @RequestBody NewPassword body,
            Authentication who,
            HttpServletRequest request) {
        if (!username.equals(who.getName())) {
            lifecycle.resetPassword(username, body.password(), who.getName(), "password");
            return Map.of("username", username, "changed", true);
        }
        lifecycle.requireKnown(username);
        List<FieldError> errors = new ArrayList<>();
        if (body.currentPassword() == null || body.currentPassword().isEmpty()) {
            errors.add(new FieldError("currentPassword", "Укажите текущий пароль"));
        }
        errors.addAll(PasswordPolicy.problems("password", username, body.password()));
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
        }
        CurrentPassword.Verdict verdict =
                currentPassword.check(username, body.currentPassword(), request.getRemoteAddr());
        if (verdict.throttled()) {
            throw ApiException.tooManyAttempts(
                    verdict.retryAfter().toSeconds(),
                    "Слишком много неудачных попыток входа; повторите через " + minutes(verdict.retryAfter())
                            + " мин.");
        }
        if (!verdict.matches()) {
            throw ApiException.badRequest("currentPassword", "Текущий пароль указан неверно");
        }
        accounts.setPassword(username, body.password());
        audit.record(who.getName(), AdminAudit.PASSWORD_CHANGED, username, null);
        return Map.of("username", username, "changed", true);
    }

    static long minutes(java.time.Duration d) {
        return Math.max(1, (d.toSeconds() + 59) / 60);
    }
}
