package org.touchpoints.register.platform.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.delegation.DelegateApprovalRightCommand;
import org.touchpoints.register.api.delegation.RevokeDelegationCommand;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.platform.web.ApiException;

/**
 * Naming an acting official (и.о., врио) and cancelling it, for the API ({@code …/delegations}) and the
 * administration page alike: the request's checks and the register's command, whose rules decide.
 */
@Component
public class ActingOfficials {
    private final CommandGateway commands;
    private final AccountStore accounts;

    public ActingOfficials(CommandGateway commands, AccountStore accounts) {
        this.commands = commands;
        this.accounts = accounts;
    }

    /** Returns the delegation's id ({@code delegationId}, or a new one when it is null). */
    public String delegate(String registerId, String delegationId, String holder, String delegate, MemberRole role,
                           String division, LocalDate validFrom, LocalDate validTo, String comment,
                           boolean byAdministrator, String by, Instant at) {
        if (Text.isBlank(delegate) || accounts.find(delegate.strip()).isEmpty()) {
            throw ApiException.badRequest("delegate", "Учётная запись «" + delegate + "» не найдена");
        }
        if (!Text.isBlank(holder) && accounts.find(holder.strip()).isEmpty()) {
            throw ApiException.badRequest("holder", "Учётная запись «" + holder + "» не найдена");
        }
        String id = delegationId == null ? UUID.randomUUID().toString() : delegationId;
        commands.sendAndWait(new DelegateApprovalRightCommand(registerId, id, holder, delegate, role, division,
                validFrom, validTo, comment, byAdministrator, by, at));
        return id;
    }

    public void revoke(String registerId, String delegationId, boolean byAdministrator, String by, Instant at) {
        commands.sendAndWait(new RevokeDelegationCommand(registerId, delegationId, byAdministrator, by, at));
    }
}
