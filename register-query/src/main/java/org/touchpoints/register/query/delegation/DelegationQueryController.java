package org.touchpoints.register.query.delegation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.register.RegisterReadModel;

@RestController
@RequestMapping("/api/v1/registers/{registerId}/delegations")
@Tag(name = "Исполняющие обязанности")
public class DelegationQueryController {
    /** Where a delegation stands today, in the register's time zone. */
    public enum Status {
        SCHEDULED,
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DelegationView(
            String delegationId,
            String holder,
            String delegate,
            String role,
            String division,
            LocalDate validFrom,
            LocalDate validTo,
            String comment,
            Status status,
            String delegatedBy,
            Instant delegatedAt,
            String revokedBy,
            Instant revokedAt) {}

    private final JdbcClient jdbc;
    private final RegisterReadModel registers;
    private final Clock clock;
    private final RegisterReadAccess access;

    public DelegationQueryController(
            JdbcClient jdbc, RegisterReadModel registers, Clock clock, RegisterReadAccess access) {
        this.jdbc = jdbc;
        this.registers = registers;
        this.clock = clock;
        this.access = access;
    }

    @GetMapping
    @Operation(
            summary = "Назначения исполняющих обязанности в перечне: кто, за кого, какое право, период и состояние",
            description = "status: SCHEDULED (период не начался), ACTIVE, EXPIRED (период закончился), REVOKED; "
                    + "по дате в часовом поясе перечня. Отбор: ?status=ACTIVE")
    public List<DelegationView> list(@PathVariable String registerId, @RequestParam(required = false) Status status) {
        ZoneId zone = ZoneId.of(registers.require(registerId).timeZone());
        access.requireReadable(registerId);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        return jdbc
                .sql("""
                        select delegation_id, holder, delegate, role, division_id, valid_from, valid_to, comment,
                               delegated_by, delegated_at, revoked_by, revoked_at
                        from q_delegation where register_id = ? order by valid_from, delegated_at, delegation_id""")
                .param(registerId)
                .query((rs, i) -> {
                    LocalDate from = rs.getDate(6).toLocalDate();
                    LocalDate to = rs.getDate(7).toLocalDate();
                    Instant revokedAt = rs.getTimestamp(12) == null
                            ? null
                            : rs.getTimestamp(12).toInstant();
                    Status s = revokedAt != null
                            ? Status.REVOKED
                            : today.isBefore(from)
                                    ? Status.SCHEDULED
                                    : today.isAfter(to) ? Status.EXPIRED : Status.ACTIVE;
                    return new DelegationView(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            from,
                            to,
                            rs.getString(8),
                            s,
                            rs.getString(9),
                            rs.getTimestamp(10).toInstant(),
                            rs.getString(11),
                            revokedAt);
                })
                .list()
                .stream()
                .filter(d -> status == null || d.status() == status)
                .toList();
    }
}
