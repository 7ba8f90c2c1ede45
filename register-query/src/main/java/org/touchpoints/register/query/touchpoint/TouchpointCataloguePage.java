package org.touchpoints.register.query.touchpoint;

import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.ui.UiController;

/** «Точки взаимодействия»: each distinct touchpoint of a register with its rows and processes, duplicates marked. */
@UiController
public class TouchpointCataloguePage {
    private final RegisterReadModel registers;
    private final RegisterReadAccess access;
    private final TouchpointCatalogue catalogue;

    public TouchpointCataloguePage(RegisterReadModel registers, RegisterReadAccess access, TouchpointCatalogue catalogue) {
        this.registers = registers;
        this.access = access;
        this.catalogue = catalogue;
    }

    @GetMapping("/registers/{registerId}/touchpoints")
    String catalogue(@PathVariable String registerId, @RequestParam(required = false) String q,
                     @RequestParam(required = false) Boolean duplicates, Model model) {
        var register = registers.require(registerId);
        access.requireReadable(registerId);
        List<TouchpointCatalogue.Entry> all = catalogue.of(registerId);
        String query = Text.isBlank(q) ? null : Identity.name(q);
        List<TouchpointCatalogue.Entry> shown = all.stream()
                .filter(e -> !Boolean.TRUE.equals(duplicates) || e.hasDuplicates())
                .filter(e -> query == null || Identity.name(e.name()).contains(query)
                        || Identity.address(e.address()).contains(Identity.address(q)) || Identity.name(e.address()).contains(query))
                .toList();
        Map<String, String> divisions = registers.divisions(registerId);
        model.addAttribute("register", register);
        model.addAttribute("entries", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("withDuplicates", all.stream().filter(TouchpointCatalogue.Entry::hasDuplicates).count());
        model.addAttribute("divisionNames", divisions);
        model.addAttribute("q", q);
        model.addAttribute("onlyDuplicates", Boolean.TRUE.equals(duplicates));
        return "touchpoints";
    }
}
