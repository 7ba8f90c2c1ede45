package org.touchpoints.register.query.touchpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.query.register.RegisterReadModel;

/**
 * The register's touchpoint catalogue: one entry per distinct touchpoint — its name and address compared as a
 * person reads them ({@link Identity}, the comparison of the rule {@code oneTouchpointPerProcess}) — with every row
 * that names it and the processes it serves. Rows of one process that name the same touchpoint are that process's
 * duplicates (000 §2.8: one touchpoint appears once per process).
 */
@Component
public class TouchpointCatalogue {

    /** One row naming the touchpoint, as the register lays it out. */
    public record Use(
            String rowId,
            int groupNo,
            String process,
            String division,
            List<Integer> needs,
            Touchpoint touchpoint,
            boolean duplicate) {}

    /** Rows of one process that name the same touchpoint: the copies a merge removes. */
    public record Duplicate(String process, List<String> rows) {}

    /**
     * A distinct touchpoint: {@code key} identifies it (a digest of its identity, stable while its name and address
     * read the same); name, channel, type and address as its first row (in the register's order) writes them.
     */
    public record Entry(
            String key,
            String name,
            Channel channel,
            String type,
            String address,
            List<Use> uses,
            List<String> processes,
            List<Duplicate> duplicates,
            List<String> divisions) {

        public List<String> rows() {
            return uses.stream().map(Use::rowId).toList();
        }

        public boolean hasDuplicates() {
            return !duplicates.isEmpty();
        }
    }

    private final RegisterReadModel registers;

    public TouchpointCatalogue(RegisterReadModel registers) {
        this.registers = registers;
    }

    /** The catalogue of the register's current rows, in the order their touchpoints first appear in it. */
    public List<Entry> of(String registerId) {
        return of(registers.require(registerId).template(), registers.rows(registerId));
    }

    /** The entry of {@code key} in the register now, if a row still names it. */
    public Optional<Entry> find(String registerId, String key) {
        return of(registerId).stream().filter(e -> e.key().equals(key)).findFirst();
    }

    static List<Entry> of(Template template, List<RegisterRow> rowsInEntryOrder) {
        Map<String, List<RegisterLayout.Line>> byTouchpoint = new LinkedHashMap<>();
        for (RegisterLayout.Line line : RegisterLayout.layOut(template, rowsInEntryOrder)) {
            byTouchpoint
                    .computeIfAbsent(identity(line.row().content().touchpoint()), k -> new ArrayList<>())
                    .add(line);
        }
        List<Entry> entries = new ArrayList<>();
        byTouchpoint.forEach((identity, lines) -> entries.add(entry(identity, lines)));
        return entries;
    }

    /** The key of a touchpoint in the catalogue: the digest of its name and address as {@link Identity} compares them. */
    public static String key(Touchpoint touchpoint) {
        return digest(identity(touchpoint));
    }

    private static Entry entry(String identity, List<RegisterLayout.Line> lines) {
        Map<String, List<String>> rowsByProcess = new LinkedHashMap<>();
        Map<String, String> processNames = new LinkedHashMap<>();
        Set<String> divisions = new LinkedHashSet<>();
        for (RegisterLayout.Line line : lines) {
            RowContent c = line.row().content();
            String process = Identity.name(c.process());
            rowsByProcess
                    .computeIfAbsent(process, k -> new ArrayList<>())
                    .add(line.row().rowId());
            processNames.putIfAbsent(process, c.process());
            if (c.division() != null) {
                divisions.add(c.division());
            }
        }
        List<Duplicate> duplicates = new ArrayList<>();
        Set<String> duplicated = new LinkedHashSet<>();
        rowsByProcess.forEach((process, rows) -> {
            if (rows.size() > 1) {
                duplicates.add(new Duplicate(processNames.get(process), List.copyOf(rows)));
                duplicated.addAll(rows);
            }
        });
        List<Use> uses = lines.stream()
                .map(line -> {
                    RowContent c = line.row().content();
                    return new Use(
                            line.row().rowId(),
                            line.groupNo(),
                            c.process(),
                            c.division(),
                            c.needs(),
                            c.touchpoint(),
                            duplicated.contains(line.row().rowId()));
                })
                .toList();
        Touchpoint first = lines.get(0).row().content().touchpoint();
        return new Entry(
                digest(identity),
                first.name(),
                first.channel(),
                first.type(),
                first.address(),
                uses,
                List.copyOf(processNames.values()),
                List.copyOf(duplicates),
                List.copyOf(divisions));
    }

    private static String identity(Touchpoint t) {
        return t == null ? "" : Identity.name(t.name()) + "\u0000" + Identity.address(t.address());
    }

    private static String digest(String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
