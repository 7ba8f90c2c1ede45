package org.touchpoints.register.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.platform.web.ApiException;

@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Администрирование")
@PreAuthorize("hasRole('ADMIN')")
public class RebuildController {
    private final ProjectionRebuild rebuild;

    public RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /**
     * Starts a rebuild in the background (202, with its id and state; {@code Location} is where to follow it). The
     * live read models serve, and commands go on, until the rebuilt ones are switched in. Recorded in the admin audit.
     */
    @PostMapping("/rebuild")
    @Operation(
            summary = "Перестроить все представления из журнала событий (администратор)",
            description = "Перестроение идёт в фоне, в новые таблицы рядом с действующими; изменения и чтение "
                    + "продолжаются, по окончании новые таблицы заменяют действующие. Ход — GET этого же адреса. "
                    + "События, которые представление не может принять, откладываются (dead-letter queue) с причиной, "
                    + "вместе с последующими событиями того же перечня; перестроение завершается и сообщает их число "
                    + "(parked). События, исключённые администратором, пропускаются (setAsideSkipped).")
    public ResponseEntity<ProjectionRebuild.Status> rebuild(Principal who) {
        ProjectionRebuild.Status started = rebuild.start(who.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/projections/rebuild/" + started.id()))
                .body(started);
    }

    /** The latest rebuild: state ({@code REPLAYING, SWITCHING, DONE, FAILED}), events done of the total. */
    @GetMapping("/rebuild")
    @Operation(summary = "Ход последнего перестроения представлений (администратор)")
    public ProjectionRebuild.Status latest() {
        return rebuild.latest()
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND, "Перестроение представлений с запуска сервиса не выполнялось"));
    }

    /** The latest rebuild, for the pages. */
    public java.util.Optional<ProjectionRebuild.Status> status() {
        return rebuild.latest();
    }

    @GetMapping("/rebuild/{id}")
    @Operation(summary = "Ход перестроения представлений (администратор)")
    public ProjectionRebuild.Status one(@PathVariable String id) {
        return rebuild.latest()
                .filter(s -> s.id().equals(id))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Перестроение представлений не найдено"));
    }
}
