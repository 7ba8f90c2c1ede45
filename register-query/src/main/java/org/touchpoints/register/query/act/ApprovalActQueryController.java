package org.touchpoints.register.query.act;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.query.config.Json;
import org.touchpoints.register.query.register.RegisterReadModel;

/** The approving acts (приказы) recorded in a register, oldest first. */
@RestController
@RequestMapping("/api/v1/registers")
@Tag(name = "Изменения")
public class ApprovalActQueryController {
    public record ActView(
            String actId, String number, LocalDate date, List<String> changeIds, String by, Instant recordedAt) {}

    private final JdbcClient jdbc;
    private final Json json;
    private final RegisterReadModel registers;
    private final org.touchpoints.register.query.register.RegisterReadAccess access;

    public ApprovalActQueryController(
            JdbcClient jdbc,
            Json json,
            RegisterReadModel registers,
            org.touchpoints.register.query.register.RegisterReadAccess access) {
        this.access = access;
        this.jdbc = jdbc;
        this.json = json;
        this.registers = registers;
    }

    @GetMapping("/{registerId}/approval-acts")
    @Operation(summary = "Приказы, утвердившие изменения перечня: номер, дата, утверждённые изменения")
    public List<ActView> acts(@PathVariable String registerId) {
        registers.require(registerId);
        access.requireReadable(registerId);
        return acts(jdbc, json, registerId);
    }

    /** The acts of a register (exports and pages name them too). */
    @SuppressWarnings("unchecked")
    public static List<ActView> acts(JdbcClient jdbc, Json json, String registerId) {
        return jdbc.sql("""
                        select act_id, number, act_date, change_ids, by_user, recorded_at from q_approval_act
                        where register_id = ? order by act_date, recorded_at, act_id""")
                .param(registerId)
                .query((rs, i) -> new ActView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate(),
                        List.copyOf((List<String>) json.read(rs.getString(4), List.class)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
