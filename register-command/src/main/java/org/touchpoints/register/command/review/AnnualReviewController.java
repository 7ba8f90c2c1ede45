package org.touchpoints.register.command.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.register.ConfirmAnnualReviewCommand;
import org.touchpoints.register.command.config.Actor;
import org.touchpoints.register.command.config.CommandClock;
import org.touchpoints.register.platform.web.ApiException;

/** Annual monitoring (seed 001 §5.5): each division confirms by 31 December that it reviewed its rows. */
@RestController
@RequestMapping("/api/v1/registers/{registerId}/annual-reviews")
@Tag(name = "Ежегодный мониторинг")
public class AnnualReviewController {
    private final CommandGateway commands;
    private final CommandClock clock;

    public AnnualReviewController(CommandGateway commands, CommandClock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public record ReviewRequest(String division, Integer year, String comment) {}

    @PostMapping
    @Operation(
            summary = "Подтвердить ежегодную проверку своей части перечня (руководитель или специалист подразделения)",
            description = "Пример: {\"division\":\"licensing\",\"year\":2026}")
    public ResponseEntity<Map<String, Object>> confirm(
            @PathVariable String registerId, @RequestBody ReviewRequest body) {
        if (body.division() == null || body.division().isBlank()) {
            throw ApiException.badRequest("division", "Укажите подразделение");
        }
        if (body.year() == null) {
            throw ApiException.badRequest("year", "Укажите год проверки");
        }
        boolean recorded = commands.sendAndWait(new ConfirmAnnualReviewCommand(
                registerId, body.division(), body.year(), body.comment(), Actor.current(), clock.now()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("registerId", registerId);
        response.put("division", body.division());
        response.put("year", body.year());
        response.put("status", "CONFIRMED");
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK)
                .body(response);
    }
}
