package org.touchpoints.register.command.register;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touchpoints.register.api.row.Identity;

/** The register's structural divisions and the processes each owns (a process named as a person reads it: {@link Identity}). */
final class Divisions {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> ownerByProcessKey = new HashMap<>();

    void define(String divisionId, String name, List<String> processes) {
        names.put(divisionId, name);
        for (String p : processes) {
            ownerByProcessKey.put(Identity.name(p), divisionId);
        }
    }

    void own(String process, String divisionId) {
        if (divisionId == null) {
            return;
        }
        ownerByProcessKey.putIfAbsent(Identity.name(process), divisionId);
    }

    /** The ids of the divisions defined. */
    java.util.Set<String> ids() {
        return names.keySet();
    }

    boolean exists(String divisionId) {
        return names.containsKey(divisionId);
    }

    Optional<String> ownerOf(String process) {
        return Optional.ofNullable(ownerByProcessKey.get(Identity.name(process)));
    }
}
