package org.touchpoints.register.query.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.touchpoints.register.platform.account.Account;
import org.touchpoints.register.platform.account.AccountStore;

/** Who holds which role in a register, as its membership events left it (a revoked role is no longer listed). */
@RestController
@RequestMapping("/api/v1/registers/{registerId}/members")
@Tag(name = "Перечни")
public class MemberQueryController {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberView(String username, String displayName, String role, String division, String divisionName) {}

    private final JdbcClient jdbc;
    private final RegisterReadModel registers;
    private final RegisterReadAccess access;
    private final AccountStore accounts;

    public MemberQueryController(
            JdbcClient jdbc, RegisterReadModel registers, RegisterReadAccess access, AccountStore accounts) {
        this.jdbc = jdbc;
        this.registers = registers;
        this.access = access;
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(
            summary = "Участники перечня: кто какую роль занимает (с подразделением для ролей подразделения)",
            description =
                    "Для участников перечня, аудитора и администратора. Роли: SPECIALIST и HEAD (с подразделением), "
                            + "DEPUTY, PUBLISHER. Роль снимает администратор: DELETE …/members/{username}?role=R[&division=D].")
    public List<MemberView> members(@PathVariable String registerId) {
        registers.require(registerId);
        access.requireReadable(registerId);
        return jdbc
                .sql("""
                        select m.username, m.role, m.division_id, d.name
                        from q_member m left join q_division d on d.register_id = m.register_id and d.division_id = m.division_id
                        where m.register_id = ?
                        order by m.username, m.role, m.division_id""")
                .param(registerId)
                .query((rs, i) -> new MemberView(
                        rs.getString(1),
                        null,
                        rs.getString(2),
                        rs.getString(3).isEmpty() ? null : rs.getString(3),
                        rs.getString(4)))
                .list()
                .stream()
                .map(m -> new MemberView(
                        m.username(),
                        accounts.find(m.username()).map(Account::displayName).orElse(m.username()),
                        m.role(),
                        m.division(),
                        m.divisionName()))
                .toList();
    }
}
