package org.touchpoints.register.platform.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.delegation.DelegateApprovalRightCommand;
import org.touchpoints.register.api.delegation.RevokeDelegationCommand;
import org.touchpoints.register.api.register.MemberRole;

/**
 * Naming an acting official (и.о., врио) and cancelling it, for the API ({@code …/delegations}) and the
 * administration page alike: the register's command, whose rules decide.
 */
@Component
public class ActingOfficials {
    private final CommandGateway commands;

    public ActingOfficials(CommandGateway commands) {
        this.commands = commands;
    }

    /** Returns the delegation's id ({@code delegationId}, or a new one when it is null). */
    public String delegate(
            String registerId,
            String delegationId,
            String holder,
            String delegate,
            MemberRole role,
            String division,
            LocalDate validFrom,
            LocalDate validTo,
            String comment,
            boolean byAdministrator,
            String by,
            Instant at) {
        // no look-up of accounts here: the register checks the caller's right first, then that the delegate is a member
        String id = delegationId == null ? UUID.randomUUID().toString() : delegationId;
        commands.sendAndWait(new DelegateApprovalRightCommand(
                registerId,
                id,
                holder,
                delegate,
                role,
                division,
                validFrom,
                validTo,
                comment,
                byAdministrator,
                by,
                at));
        return id;
    }

    public void revoke(String registerId, String delegationId, boolean byAdministrator, String by, Instant at) {
        commands.sendAndWait(new RevokeDelegationCommand(registerId, delegationId, byAdministrator, by, at));
    }
}
