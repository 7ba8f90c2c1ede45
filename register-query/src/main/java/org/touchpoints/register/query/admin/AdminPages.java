package org.touchpoints.register.query.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.platform.account.AccountCreation;
import org.touchpoints.register.platform.account.AccountLifecycle;
import org.touchpoints.register.platform.account.AccountStore;
import org.touchpoints.register.query.paging.Pager;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewers;

/** The administrator's hub and the accounts page. */
@UiController
public class AdminPages {
    private final RegisterReadModel registers;
    private final AccountStore accounts;
    private final AccountCreation creation;
    private final AccountLifecycle lifecycle;
    private final Viewers viewers;

    public AdminPages(
            RegisterReadModel registers,
            AccountStore accounts,
            AccountCreation creation,
            AccountLifecycle lifecycle,
            Viewers viewers) {
        this.registers = registers;
        this.accounts = accounts;
        this.creation = creation;
        this.lifecycle = lifecycle;
        this.viewers = viewers;
    }

    /** What was just done to an account row ({@code done}: disabled, enabled, password), or why it was refused. */
    public record RowOutcome(String username, String done, AdminOnly.Refusal refusal) {
        public String message() {
            if (refusal != null) {
                return refusal.message();
            }
            return switch (done) {
                case "disabled" -> "Учётная запись отключена: вход по паролю и по токену отклоняется.";
                case "enabled" -> "Учётная запись включена.";
                case "password" -> "Новый пароль задан; прежний больше не действует, сеансы учётной записи завершены.";
                default -> null;
            };
        }
    }

    /** The account form as typed (never the password). */
    public record AccountForm(String username, String displayName, String email, String globalRole) {}

    /**
     * The hub: the registers {@value Pager#PAGE_SIZE} a page by id, with a search by id or authority (ten thousand of
     * them were one table of megabytes), and the common settings.
     */
    @GetMapping("/admin")
    String hub(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        AdminOnly.require(model);
        String text = q == null ? "" : q.strip();
        Pager pager = Pager.of(
                page,
                registers.count(null, text),
                UriComponentsBuilder.fromPath("/admin")
                        .queryParamIfPresent("q", java.util.Optional.ofNullable(text.isEmpty() ? null : text)));
        model.addAttribute(
                "registers",
                registers.page(null, text, pager.offset(), pager.size()).stream()
                        .map(RegisterReadModel.ListedRegister::summary)
                        .toList());
        model.addAttribute("pager", pager);
        model.addAttribute("q", text);
        return "admin";
    }

    @GetMapping("/admin/accounts")
    String accounts(
            @RequestParam(required = false) String created,
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String done,
            Model model) {
        AdminOnly.require(model);
        model.addAttribute(
                "created", created == null ? null : accounts.find(created).orElse(null));
        if (account != null && done != null && new RowOutcome(account, done, null).message() != null) {
            model.addAttribute("row", new RowOutcome(account, done, null));
        }
        return renderAccounts(new AccountForm("", "", "", ""), null, model);
    }

    @PostMapping("/admin/accounts/{username}/disable")
    String disable(@PathVariable String username, Model model, HttpServletResponse response) {
        AdminOnly.require(model);
        return onRow(
                username,
                "disabled",
                () -> lifecycle.disable(username, viewers.current().username()),
                model,
                response);
    }

    @PostMapping("/admin/accounts/{username}/enable")
    String enable(@PathVariable String username, Model model, HttpServletResponse response) {
        AdminOnly.require(model);
        return onRow(
                username,
                "enabled",
                () -> lifecycle.enable(username, viewers.current().username()),
                model,
                response);
    }

    @PostMapping("/admin/accounts/{username}/password")
    String resetPassword(
            @PathVariable String username,
            @RequestParam(required = false) String password,
            Model model,
            HttpServletResponse response) {
        AdminOnly.require(model);
        return onRow(
                username,
                "password",
                () -> lifecycle.resetPassword(
                        username, password, viewers.current().username(), "password"),
                model,
                response);
    }

    private String onRow(String username, String done, Runnable action, Model model, HttpServletResponse response) {
        try {
            action.run();
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            model.addAttribute("row", new RowOutcome(username, done, refusal));
            return renderAccounts(new AccountForm("", "", "", ""), null, model);
        }
        return "redirect:/admin/accounts?account="
                + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "&done=" + done;
    }

    @PostMapping("/admin/accounts")
    String createAccount(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String globalRole,
            Model model,
            HttpServletResponse response) {
        AdminOnly.require(model);
        String name = username == null ? null : username.strip();
        try {
            creation.create(
                    new AccountCreation.NewAccount(
                            name,
                            password,
                            displayName,
                            Text.isBlank(email) ? null : email.strip(),
                            Text.isBlank(globalRole) ? null : globalRole),
                    viewers.current().username());
        } catch (RuntimeException e) {
            AdminOnly.Refusal refusal = AdminOnly.refusalOf(e).orElseThrow(() -> e);
            response.setStatus(refusal.status());
            if (refusal.errors().isEmpty()) {
                refusal = new AdminOnly.Refusal(
                        refusal.status(), refusal.message(), Map.of("username", refusal.message()));
            }
            return renderAccounts(new AccountForm(username, displayName, email, globalRole), refusal, model);
        }
        return "redirect:/admin/accounts?created=" + name;
    }

    private String renderAccounts(AccountForm form, AdminOnly.Refusal refusal, Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        model.addAttribute("me", viewers.current().username());
        return "admin-accounts";
    }
}
