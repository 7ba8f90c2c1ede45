package org.touchpoints.register.platform.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/audit}: administrators' actions, newest first. */
@RestController
@RequestMapping("/api/v1/admin/audit")
@Tag(name = "Журнал администрирования")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
public class AdminAuditController {
    private final AdminAudit audit;

    public AdminAuditController(AdminAudit audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Действия администраторов: кто, когда, что (аудитор, администратор)")
    public List<AdminAudit.Entry> list(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "200") int limit) {
        return audit.list(from, to, Math.max(0, offset), Math.max(1, Math.min(limit, 1000)));
    }
}
