package org.touchpoints.register.command.register;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.touchpoints.register.api.change.StepRules;
import org.touchpoints.register.api.register.MemberRole;

/** Who holds which role in the register, and in which division. */
final class Membership implements StepRules.Roles {
    record Grant(MemberRole role, String divisionId) {}

    private final Map<String, Set<Grant>> grants = new HashMap<>();

    void grant(String username, MemberRole role, String divisionId) {
        grants.computeIfAbsent(username, u -> new HashSet<>())
                .add(new Grant(role, role.divisional() ? divisionId : null));
    }

    void revoke(String username, MemberRole role, String divisionId) {
        Set<Grant> held = grants.get(username);
        if (held != null) {
            held.remove(new Grant(role, role.divisional() ? divisionId : null));
        }
    }

    @Override
    public boolean holds(String username, MemberRole role, String divisionId) {
        return grants.getOrDefault(username, Set.of()).stream()
                .anyMatch(g -> g.role() == role && (!role.divisional() || Objects.equals(g.divisionId(), divisionId)));
    }

    /** Whether {@code username} holds any role in the register. */
    boolean holdsAnyRole(String username) {
        return !grants.getOrDefault(username, Set.of()).isEmpty();
    }

    Set<String> divisionsWhere(String username, MemberRole role) {
        Set<String> divisions = new HashSet<>();
        for (Grant g : grants.getOrDefault(username, Set.of())) {
            if (g.role() == role) {
                divisions.add(g.divisionId());
            }
        }
        return divisions;
    }
}
