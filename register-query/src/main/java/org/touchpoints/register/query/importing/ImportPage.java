package org.touchpoints.register.query.importing;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * The administrator's page for the initial formation of a register from a file. The page only carries the form: the
 * file goes (with the session's CSRF token) to the import endpoint of the API, which lives on the command side, and
 * a small script shows its report. Without the script the form still posts there and the browser shows the JSON.
 */
@UiController
public class ImportPage {
    private final RegisterReadModel registers;

    public ImportPage(RegisterReadModel registers) {
        this.registers = registers;
    }

    @GetMapping("/registers/{registerId}/import")
    String page(@PathVariable String registerId, Model model) {
        var register = registers.require(registerId);
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        if (viewer == null || !viewer.admin()) {
            throw new AccessDeniedException("Первоначальную загрузку перечня выполняет администратор");
        }
        model.addAttribute("register", register);
        return "import";
    }
}
