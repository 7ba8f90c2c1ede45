package org.touchpoints.register.query.delegation;

import java.sql.Date;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.delegation.ApprovalRightDelegated;
import org.touchpoints.register.api.delegation.DelegationRevoked;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;

/** Every delegation of an approval right to an acting official, with its revocation. */
@Component
@ProcessingGroup(Projections.GROUP)
public class DelegationProjection {
    private final ReadModelJdbc jdbc;

    public DelegationProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApprovalRightDelegated e) {
        jdbc.update(
                """
                        insert into q_delegation(register_id, delegation_id, holder, delegate, role, division_id, valid_from,
                                                 valid_to, comment, delegated_by, delegated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.registerId(),
                e.delegationId(),
                e.holder(),
                e.delegate(),
                e.role().name(),
                e.divisionId(),
                Date.valueOf(e.validFrom()),
                Date.valueOf(e.validTo()),
                e.comment(),
                e.by(),
                Timestamp.from(e.at()));
    }

    @EventHandler
    void on(DelegationRevoked e) {
        jdbc.update(
                "update q_delegation set revoked_by = ?, revoked_at = ? where register_id = ? and delegation_id = ?",
                e.by(),
                Timestamp.from(e.at()),
                e.registerId(),
                e.delegationId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate q_delegation");
    }
}
