package org.touchpoints.register.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Администрирование")
@PreAuthorize("hasRole('ADMIN')")
public class RebuildController {
    private final ObjectProvider<ProjectionRebuilder> rebuilder;
    private final ObjectProvider<ProjectionReset> reset;

    public RebuildController(ObjectProvider<ProjectionRebuilder> rebuilder, ObjectProvider<ProjectionReset> reset) {
        this.rebuilder = rebuilder;
        this.reset = reset;
    }

    /** Standalone: rebuilt when the response comes (200). Scale-out: the replay has started (202). */
    @PostMapping("/rebuild")
    @Operation(summary = "Перестроить все представления из журнала событий (администратор)")
    public ResponseEntity<?> rebuild() {
        ProjectionRebuilder standalone = rebuilder.getIfAvailable();
        if (standalone != null) {
            return ResponseEntity.ok(standalone.rebuild());
        }
        return ResponseEntity.accepted().body(reset.getObject().reset());
    }
}
