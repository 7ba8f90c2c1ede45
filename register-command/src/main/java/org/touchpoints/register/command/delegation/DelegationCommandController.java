package org.touchpoints.register.command.delegation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.command.config.Actor;
import org.touchpoints.register.command.config.CommandClock;
import org.touchpoints.register.platform.account.ActingOfficials;

/** Acting officials (и.о., врио): the holder of an approval right hands it to a named person for a period. */
@RestController
@RequestMapping("/api/v1/registers/{registerId}/delegations")
@Tag(name = "Исполняющие обязанности", description = "Передача права согласования на период (и.о., врио)")
public class DelegationCommandController {
    private final ActingOfficials actingOfficials;
    private final CommandClock clock;

    public DelegationCommandController(ActingOfficials actingOfficials, CommandClock clock) {
        this.actingOfficials = actingOfficials;
        this.clock = clock;
    }

    /**
     * {@code holder} is the caller unless an administrator records it for someone; {@code division} is needed for
     * HEAD; the dates are inclusive, in the register's time zone.
     */
    public record DelegationRequest(
            String delegationId,
            String holder,
            String delegate,
            MemberRole role,
            String division,
            LocalDate validFrom,
            LocalDate validTo,
            String comment) {}

    @PostMapping
    @Operation(
            summary = "Назначить исполняющего обязанности (сам руководитель или администратор)",
            description =
                    "Пример: {\"delegate\":\"ivanov\",\"role\":\"HEAD\",\"division\":\"licensing\","
                            + "\"validFrom\":\"2025-01-13\",\"validTo\":\"2025-01-24\",\"comment\":\"Отпуск, приказ № 5-к\"}. "
                            + "Право: HEAD (руководитель подразделения, с division) или DEPUTY. Даты включительно, по часовому поясу "
                            + "перечня. Исполняющий обязанности согласует и отклоняет от имени руководителя (onBehalfOf в хронологии), "
                            + "но не свои собственные изменения и не передаёт право дальше. Повтор с тем же delegationId ничего не записывает.")
    public ResponseEntity<Map<String, Object>> delegate(
            @PathVariable String registerId, @RequestBody DelegationRequest body) {
        String delegationId = actingOfficials.delegate(
                registerId,
                body.delegationId(),
                body.holder(),
                body.delegate(),
                body.role(),
                body.division(),
                body.validFrom(),
                body.validTo(),
                body.comment(),
                Actor.isAdministrator(),
                Actor.current(),
                clock.now());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("delegationId", delegationId);
        response.put("registerId", registerId);
        return ResponseEntity.created(URI.create("/api/v1/registers/" + registerId + "/delegations/" + delegationId))
                .body(response);
    }

    @DeleteMapping("/{delegationId}")
    @Operation(
            summary = "Отменить назначение исполняющего обязанности (сам руководитель или администратор)",
            description =
                    "С момента отмены исполняющий обязанности больше не согласует; уже сделанное остаётся. Повтор безвреден.")
    public Map<String, Object> revoke(@PathVariable String registerId, @PathVariable String delegationId) {
        actingOfficials.revoke(registerId, delegationId, Actor.isAdministrator(), Actor.current(), clock.now());
        return Map.of("delegationId", delegationId, "status", "REVOKED");
    }
}
