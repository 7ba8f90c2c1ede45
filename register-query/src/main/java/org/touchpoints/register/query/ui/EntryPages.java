package org.touchpoints.register.query.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.touchpoints.register.platform.security.OidcProperties;
import org.touchpoints.register.platform.security.SessionEndedHandler;

/** Sign-in, the start page and the page shown when a role does not allow a page. */
@UiController
public class EntryPages {
    private final OidcProperties oidc;

    public EntryPages(OidcProperties oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(
            Model model,
            @RequestParam(name = "throttled", required = false) String throttled,
            @RequestParam(name = "next", required = false) String next) {
        // where to go back to after signing in (a form sent after the session ended); only a path of this site
        model.addAttribute("next", SessionEndedHandler.safeReturnPath(next));
        if (throttled != null) {
            // minutes to wait after too many failed sign-ins (the sign-in filter puts them here); nothing else is shown
            model.addAttribute("throttledMinutes", throttled.matches("\\d{1,4}") ? Integer.parseInt(throttled) : 15);
        }
        model.addAttribute("oidcLogin", oidc.loginEnabled());
        model.addAttribute("localLogin", oidc.localAccounts());
        return "login";
    }

    /** People land on their work: what waits for them (agreements, approvals, publications, returned changes). */
    @GetMapping("/")
    String home(Model model) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        return viewer != null && viewer.signedIn() ? "redirect:/tasks" : "redirect:/public";
    }

    @RequestMapping("/forbidden")
    String forbidden(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("status", 403);
        model.addAttribute("message", "Эта страница недоступна для вашей роли");
        return "error-page";
    }
}
