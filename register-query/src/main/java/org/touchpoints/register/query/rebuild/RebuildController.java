package org.touchpoints.register.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Администрирование")
@PreAuthorize("hasRole('ADMIN')")
public class RebuildController {
    private final ProjectionRebuilder rebuilder;

    public RebuildController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Перестроить все представления из журнала событий (администратор)")
    public ProjectionRebuilder.Result rebuild() {
        return rebuilder.rebuild();
    }
}
