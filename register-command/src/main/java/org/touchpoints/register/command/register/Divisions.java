package org.touchpoints.register.command.register;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touchpoints.register.api.row.Text;

/** The register's structural divisions and the processes each owns. */
final class Divisions {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> ownerByProcessKey = new HashMap<>();

    void define(String divisionId, String name, List<String> processes) {
        names.put(divisionId, name);
        for (String p : processes) {
            ownerByProcessKey.put(Text.key(p), divisionId);
        }
    }

    void own(String process, String divisionId) {
        if (divisionId == null) {
            return;
        }
        ownerByProcessKey.putIfAbsent(Text.key(process), divisionId);
    }

    /** The ids of the divisions defined. */
    java.util.Set<String> ids() {
        return names.keySet();
    }

    boolean exists(String divisionId) {
        return names.containsKey(divisionId);
    }

    Optional<String> ownerOf(String process) {
        return Optional.ofNullable(ownerByProcessKey.get(Text.key(process)));
    }
}
