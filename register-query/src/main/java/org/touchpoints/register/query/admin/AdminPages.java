package org.touchpoints.register.query.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.platform.account.AccountCreation;
import org.touchpoints.register.platform.account.AccountStore;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewers;

/** The administrator's hub and the accounts page. */
@UiController
public class AdminPages {
    private final RegisterReadModel registers;
    private final AccountStore accounts;
    private final AccountCreation creation;
    private final Viewers viewers;

    public AdminPages(RegisterReadModel registers, AccountStore accounts, AccountCreation creation, Viewers viewers) {
        this.registers = registers;
        this.accounts = accounts;
        this.creation = creation;
        this.viewers = viewers;
    }

    /** The account form as typed (never the password). */
    public record AccountForm(String username, String displayName, String email, String globalRole) {
    }

    @GetMapping("/admin")
    String hub(Model model) {
        AdminOnly.require(model);
        model.addAttribute("registers", registers.all());
        return "admin";
    }

    @GetMapping("/admin/accounts")
    String accounts(@RequestParam(required = false) String created, Model model) {
        AdminOnly.require(model);
        model.addAttribute("created", created == null ? null : accounts.find(created).orElse(null));
        return renderAccounts(new AccountForm("", "", "", ""), null, model);
    }

    @PostMapping("/admin/accounts")
    String createAccount(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                         @RequestParam(required = false) String displayName, @RequestParam(required = false) String email,
                         @RequestParam(required = false) String globalRole, Model model, HttpServletResponse response) {
        AdminOnly.require(model);
        String name = username == null ? null : username.strip();
        try {
            creation.create(new AccountCreation.NewAccount(name, password, displayName,
                    Text.isBlank(email) ? null : email.strip(), Text.isBlank(globalRole) ? null : globalRole),
                    viewers.current().username());
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            if (refusal.errors().isEmpty()) {
                refusal = new AdminOnly.Refusal(refusal.status(), refusal.message(), Map.of("username", refusal.message()));
            }
            return renderAccounts(new AccountForm(username, displayName, email, globalRole), refusal, model);
        }
        return "redirect:/admin/accounts?created=" + name;
    }

    private String renderAccounts(AccountForm form, AdminOnly.Refusal refusal, Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        model.addAttribute("lifecycle", AccountLifecycle.available());
        return "admin-accounts";
    }
}
