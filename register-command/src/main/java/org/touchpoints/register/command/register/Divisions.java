package org.touchpoints.register.command.register;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.touchpoints.register.api.row.Identity;

/**
 * The register's structural divisions and the processes each owns (a process named as a person reads it: {@link Identity}).
 * A process has one owner, or several where the procedure lets divisions share it (000 §2.6, 003 §2.3).
 */
final class Divisions {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Set<String>> ownersByProcessKey = new HashMap<>();

    void define(String divisionId, String name, List<String> processes) {
        names.put(divisionId, name);
        for (String p : processes) {
            ownersByProcessKey
                    .computeIfAbsent(Identity.name(p), k -> new LinkedHashSet<>())
                    .add(divisionId);
        }
    }

    /** A process new to the register is owned, from now on, by the division that added it (an owned one keeps its owners). */
    void own(String process, String divisionId) {
        if (divisionId == null) {
            return;
        }
        ownersByProcessKey.computeIfAbsent(Identity.name(process), k -> new LinkedHashSet<>(Set.of(divisionId)));
    }

    /** The ids of the divisions defined. */
    java.util.Set<String> ids() {
        return names.keySet();
    }

    /** The division's name (its id when unknown). */
    String nameOf(String divisionId) {
        return names.getOrDefault(divisionId, divisionId);
    }

    boolean exists(String divisionId) {
        return names.containsKey(divisionId);
    }

    /** The process's only owner: empty when nobody owns it, or when divisions share it. */
    Optional<String> ownerOf(String process) {
        Set<String> owners = ownersOf(process);
        return owners.size() == 1 ? Optional.of(owners.iterator().next()) : Optional.empty();
    }

    /** Every division that owns the process, in the order they came to own it (empty: nobody). */
    Set<String> ownersOf(String process) {
        return java.util.Collections.unmodifiableSet(ownersByProcessKey.getOrDefault(Identity.name(process), Set.of()));
    }

    /** An owner of the process when {@code division} is not one of them (empty: nobody owns it, or the division does). */
    Optional<String> ownerOtherThan(String process, String division) {
        Set<String> owners = ownersOf(process);
        return owners.contains(division) ? Optional.empty() : owners.stream().findFirst();
    }

    /** Whether more than one division runs the process. */
    boolean shared(String process) {
        return ownersOf(process).size() > 1;
    }
}
