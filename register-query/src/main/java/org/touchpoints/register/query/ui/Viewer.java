package org.touchpoints.register.query.ui;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The person looking at a page: account, global role (ADMIN, AUDITOR or none) and memberships in registers
 * (SPECIALIST and HEAD in a division, DEPUTY and PUBLISHER for the whole register); {@code actingOfficial}: named the
 * acting official of an approval right by a delegation not revoked nor long over. Pages use it only to show
 * what a person may do; the register itself decides whether a command is allowed.
 */
public record Viewer(
        String username, String displayName, String globalRole, List<Membership> memberships, boolean actingOfficial) {

    public record Membership(String registerId, String role, String division) {}

    public static final Viewer ANONYMOUS = new Viewer(null, null, null, List.of(), false);

    public boolean signedIn() {
        return username != null;
    }

    public boolean admin() {
        return "ADMIN".equals(globalRole);
    }

    /** Auditors and admins read everything, including the history. */
    public boolean auditor() {
        return "AUDITOR".equals(globalRole) || admin();
    }

    public boolean has(String registerId, String role) {
        return memberships.stream()
                .anyMatch(m -> m.registerId().equals(registerId) && m.role().equals(role));
    }

    /** Whether this person holds any role in {@code registerId}. */
    public boolean memberOf(String registerId) {
        return memberships.stream().anyMatch(m -> m.registerId().equals(registerId));
    }

    public boolean hasAnywhere(String role) {
        return memberships.stream().anyMatch(m -> m.role().equals(role));
    }

    /** Divisions of {@code registerId} in which this person holds {@code role}. */
    public Set<String> divisions(String registerId, String role) {
        return memberships.stream()
                .filter(m -> m.registerId().equals(registerId) && m.role().equals(role))
                .map(Membership::division)
                .collect(Collectors.toSet());
    }

    public boolean specialistIn(String registerId, String division) {
        return division != null && divisions(registerId, "SPECIALIST").contains(division);
    }

    public boolean headOf(String registerId, String division) {
        return division != null && divisions(registerId, "HEAD").contains(division);
    }

    /** Whether an inbox is of use: a role that holds an approval step, or named an acting official (и.о.) for one. */
    public boolean approver() {
        return hasAnywhere("HEAD")
                || hasAnywhere("DEPUTY")
                || hasAnywhere("RESPONSIBLE")
                || hasAnywhere("HEAD_OF_AUTHORITY")
                || actingOfficial;
    }

    public boolean publisher() {
        return hasAnywhere("PUBLISHER");
    }

    public boolean specialist() {
        return hasAnywhere("SPECIALIST");
    }

    public String name() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
