package org.touchpoints.register.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.web.ApiException;

@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Администрирование")
@PreAuthorize("hasRole('ADMIN')")
public class RebuildController {
    private static final Logger log = LoggerFactory.getLogger(RebuildController.class);

    private final ObjectProvider<ProjectionRebuilder> rebuilder;
    private final ObjectProvider<ProjectionReset> reset;
    private final AdminAudit audit;

    public RebuildController(ObjectProvider<ProjectionRebuilder> rebuilder, ObjectProvider<ProjectionReset> reset,
                             AdminAudit audit) {
        this.rebuilder = rebuilder;
        this.reset = reset;
        this.audit = audit;
    }

    /**
     * Standalone: rebuilt when the response comes (200), with the number of events that a read model could not
     * take and that were parked. Scale-out: the replay has started (202). Either way recorded in the admin audit.
     */
    @PostMapping("/rebuild")
    @Operation(summary = "Перестроить все представления из журнала событий (администратор)",
            description = "События, которые представление не может принять, откладываются (dead-letter queue) с причиной, "
                    + "вместе с последующими событиями того же перечня; перестроение завершается и сообщает их число "
                    + "(parked). События, исключённые администратором, пропускаются (setAsideSkipped).")
    public ResponseEntity<?> rebuild(Principal who) {
        ProjectionRebuilder standalone = rebuilder.getIfAvailable();
        if (standalone != null) {
            ProjectionRebuilder.Result result;
            try {
                result = standalone.rebuild();
            } catch (ApiException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("Rebuild failed; the read models are as they were", e);
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Перестроение представлений не выполнено ("
                        + AdminAudit.oneLine(e.getMessage()) + "); представления остались прежними, повторите позже");
            }
            audit.record(who.getName(), AdminAudit.REBUILD, "все представления",
                    "событий: " + result.events() + ", отложено: " + result.parked() + ", пропущено исключённых: "
                            + result.setAsideSkipped() + ", " + result.millis() + " мс");
            return ResponseEntity.ok(result);
        }
        ProjectionReset.Started started = reset.getObject().reset();
        audit.record(who.getName(), AdminAudit.REBUILD, "все представления",
                "запущено повторное чтение журнала событий обработчиками " + started.processor());
        return ResponseEntity.accepted().body(started);
    }
}
