package org.touchpoints.register.command.register;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.touchpoints.register.api.change.StepRules;
import org.touchpoints.register.api.delegation.ApprovalRightDelegated;
import org.touchpoints.register.api.register.MemberRole;

/** The register's delegations of approval rights to acting officials (и.о., врио), in the order recorded. */
final class Delegations {
    static final class Delegation {
        final ApprovalRightDelegated granted;
        boolean revoked;

        Delegation(ApprovalRightDelegated granted) {
            this.granted = granted;
        }

        String holder() {
            return granted.holder();
        }

        /** The delegation as the step rules read it. */
        StepRules.Delegation asRule() {
            return new StepRules.Delegation(
                    granted.holder(),
                    granted.delegate(),
                    granted.role(),
                    granted.divisionId(),
                    granted.validFrom(),
                    granted.validTo(),
                    revoked);
        }

        /** Whether it names {@code actor} as the delegate of {@code role} (in {@code divisionId}), whatever its period. */
        boolean names(String actor, MemberRole role, String divisionId) {
            return asRule().names(actor, role, divisionId);
        }
    }

    private final Map<String, Delegation> byId = new LinkedHashMap<>();

    void grant(ApprovalRightDelegated e) {
        byId.put(e.delegationId(), new Delegation(e));
    }

    void revoke(String delegationId) {
        byId.get(delegationId).revoked = true;
    }

    Optional<Delegation> find(String delegationId) {
        return Optional.ofNullable(byId.get(delegationId));
    }

    /**
     * The holder whose right {@code role} (in {@code divisionId}) {@code actor} exercises on {@code date} as an acting
     * official, when a delegation in force gives it and its holder still holds the right.
     */
    Optional<String> holderActingFor(
            Membership members, String actor, MemberRole role, String divisionId, LocalDate date) {
        return StepRules.holderActingFor(members, all(), actor, role, divisionId, date);
    }

    /** Every delegation as the step rules read it. */
    List<StepRules.Delegation> all() {
        return byId.values().stream().map(Delegation::asRule).toList();
    }

    /** A delegation in force of the same holder's same right whose period overlaps the given one. */
    Optional<Delegation> overlapping(String holder, MemberRole role, String divisionId, LocalDate from, LocalDate to) {
        return byId.values().stream()
                .filter(d -> !d.revoked
                        && d.holder().equals(holder)
                        && d.granted.role() == role
                        && Objects.equals(d.granted.divisionId(), divisionId)
                        && !d.granted.validFrom().isAfter(to)
                        && !d.granted.validTo().isBefore(from))
                .findFirst();
    }

    /** Whether {@code actor} is named the acting official for {@code role} (in {@code divisionId}) by any delegation. */
    boolean namesDelegate(String actor, MemberRole role, String divisionId) {
        return byId.values().stream().anyMatch(d -> d.names(actor, role, divisionId));
    }
}
