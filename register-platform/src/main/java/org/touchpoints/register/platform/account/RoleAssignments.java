package org.touchpoints.register.platform.account;

import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.register.AssignMemberCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.register.RevokeMemberCommand;
import org.touchpoints.register.platform.audit.AdminAudit;
import org.touchpoints.register.platform.web.ApiException;

/**
 * Giving and taking away a role in a register (administrator), for the API ({@code POST/DELETE
 * /api/v1/registers/{id}/members}) and the administration page alike: the request's checks, the register's
 * command (whose rules decide) and the audit entry.
 */
@Component
public class RoleAssignments {
    private final CommandGateway commands;
    private final AccountStore accounts;
    private final AdminAudit audit;

    public RoleAssignments(CommandGateway commands, AccountStore accounts, AdminAudit audit) {
        this.commands = commands;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Returns whether the role was given now (false: the account held it already). */
    public boolean give(String registerId, String username, MemberRole role, String division, String by, Instant at) {
        if (username == null || accounts.find(username).isEmpty()) {
            throw ApiException.badRequest("username", "Учётная запись «" + username + "» не найдена");
        }
        if (role == null) {
            throw ApiException.badRequest(
                    "role", "Укажите роль: SPECIALIST, HEAD, DEPUTY, PUBLISHER, RESPONSIBLE или HEAD_OF_AUTHORITY");
        }
        Boolean given = commands.sendAndWait(new AssignMemberCommand(registerId, username, role, division, by, at));
        if (Boolean.TRUE.equals(given)) {
            audit.record(
                    by,
                    AdminAudit.ROLE_GIVEN,
                    registerId + "/" + username,
                    roleText(role, role.divisional() ? division : null));
        }
        return Boolean.TRUE.equals(given);
    }

    /** Takes the role away; returns the division it was held in (null for a register-wide role). */
    public String revoke(String registerId, String username, MemberRole role, String division, String by, Instant at) {
        if (role == null) {
            throw ApiException.badRequest("role", "Укажите снимаемую роль: SPECIALIST, HEAD, DEPUTY или PUBLISHER");
        }
        if (role.divisional() && (division == null || division.isBlank())) {
            throw ApiException.badRequest("division", "Для роли " + role + " укажите подразделение (division)");
        }
        String divisionId = role.divisional() ? division.strip() : null;
        commands.sendAndWait(new RevokeMemberCommand(registerId, username, role, divisionId, by, at));
        audit.record(by, AdminAudit.ROLE_REVOKED, registerId + "/" + username, roleText(role, divisionId));
        return divisionId;
    }

    private static String roleText(MemberRole role, String divisionId) {
        return divisionId == null ? "роль " + role : "роль " + role + " в подразделении " + divisionId;
    }
}
