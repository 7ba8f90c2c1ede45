package org.touchpoints.register.query.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.platform.account.AccountStore;
import org.touchpoints.register.platform.account.CurrentPassword;
import org.touchpoints.register.platform.account.PasswordPolicy;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.security.AccountSessions;

/**
 * A signed-in person changes their own password (with the current one), as {@code PUT /api/v1/accounts/{username}/password}
 * does: the same policy, the same throttling of wrong current passwords, recorded in the administration audit. Every other
 * session of the account ends; this one goes on.
 */
@UiController
public class PasswordPage {
    private final AccountStore accounts;
    private final CurrentPassword currentPassword;
    private final AdminAudit audit;

    public PasswordPage(AccountStore accounts, CurrentPassword currentPassword, AdminAudit audit) {
        this.accounts = accounts;
        this.currentPassword = currentPassword;
        this.audit = audit;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        return "password";
    }

    @PostMapping("/account/password")
    String change(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordRepeat,
            Authentication who,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String username = who.getName();
        Map<String, String> errors = new LinkedHashMap<>();
        if (currentPassword.isEmpty()) {
            errors.put("currentPassword", "Укажите текущий пароль");
        }
        for (FieldError e : PasswordPolicy.problems("password", username, password)) {
            errors.putIfAbsent(e.field(), e.message());
        }
        if (!errors.containsKey("password") && !password.equals(passwordRepeat)) {
            errors.put("passwordRepeat", "Пароли не совпадают");
        }
        if (errors.isEmpty()) {
            CurrentPassword.Verdict verdict =
                    this.currentPassword.check(username, currentPassword, request.getRemoteAddr());
            if (verdict.throttled()) {
                long minutes = Math.max(1, (verdict.retryAfter().toSeconds() + 59) / 60);
                response.setStatus(429);
                response.setHeader(
                        "Retry-After",
                        Long.toString(Math.max(1, verdict.retryAfter().toSeconds())));
                model.addAttribute("message", "Слишком много неудачных попыток: повторите через " + minutes + " мин.");
            } else if (!verdict.matches()) {
                errors.put("currentPassword", "Текущий пароль указан неверно");
            } else {
                accounts.setPassword(username, password);
                audit.record(username, AdminAudit.PASSWORD_CHANGED, username, null);
                AccountSessions.remember(request, accounts, username);
                model.addAttribute("changed", true);
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("message", "Пароль не изменён: исправьте отмеченные поля");
        }
        model.addAttribute("errors", errors);
        return "password";
    }
}
