package org.touchpoints.register.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each processing group owns its tables and reads only them, and each projection reads only the tables it writes: read
 * from the SQL of every class with a {@code @ProcessingGroup} and of the collaborators its constructor takes (one level:
 * the helpers its handlers call). A group of its own names its tables with a prefix of its own, so a rebuild of the read
 * models ({@code q_…}) never touches them.
 */
class GroupTablesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** The table prefix of each group, by the constant its classes name in {@code @ProcessingGroup}. */
    private static final Map<String, String> PREFIX = Map.of(
            "Projections.GROUP", "q_",
            "Projections.HISTORY", "q_",
            "ReminderPolicy.GROUP", "reminder_",
            "ApprovalLeadTimes.GROUP", "metrics_");
    /**
     * Reads of another projection's table left on purpose, by the helper that makes them: a register's time zone,
     * region and deadline ({@link org.touchpoints.register.query.register.RegisterSettings}), which only
     * {@code RegisterCreated} sets, in the same group and so in the same order of events.
     */
    private static final Map<String, Set<String>> SHARED = Map.of("RegisterSettings", Set.of("q_register"));

    private static final Pattern GROUP = Pattern.compile("@ProcessingGroup\\((\\w+\\.\\w+)\\)");
    private static final Pattern TABLE = Pattern.compile(
            "\\b(from|join|into|update|truncate)\\s+((?:q|reminder|metrics)_\\w+(?:\\s*,\\s*(?:q|reminder|metrics)_\\w+)*)",
            Pattern.CASE_INSENSITIVE);

    private record Tables(Set<String> read, Set<String> written) {}

    @Test
    void everyGroupReadsOnlyTablesOfItsOwnPrefix() {
        Map<Path, String> groups = handlerClasses();
        assertThat(groups).hasSizeGreaterThanOrEqualTo(9);
        groups.forEach((file, group) -> {
            assertThat(PREFIX)
                    .as("the table prefix of group %s (%s)", group, file)
                    .containsKey(group);
            Set<String> tables = new TreeSet<>();
            for (Path f : withCollaborators(file)) {
                Tables t = tables(f);
                tables.addAll(t.read());
                tables.addAll(t.written());
            }
            assertThat(tables)
                    .as("the tables %s and its collaborators use", file.getFileName())
                    .allMatch(table -> table.startsWith(PREFIX.get(group)));
        });
    }

    @Test
    void everyProjectionReadsOnlyTheTablesItWrites() {
        handlerClasses().keySet().forEach(file -> {
            Set<String> read = new TreeSet<>();
            Set<String> written = new TreeSet<>();
            for (Path f : withCollaborators(file)) {
                Tables t = tables(f);
                String name = f.getFileName().toString().replace(".java", "");
                t.read().stream()
                        .filter(table -> !SHARED.getOrDefault(name, Set.of()).contains(table))
                        .forEach(read::add);
                written.addAll(t.written());
            }
            assertThat(written)
                    .as("the tables %s writes, and so reads", file.getFileName())
                    .containsAll(read);
        });
    }

    /** Every class of the module that handles events for a group, with the group's constant. */
    private static Map<Path, String> handlerClasses() {
        Map<Path, String> groups = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> {
                Matcher m = GROUP.matcher(read(f));
                if (m.find()) {
                    groups.put(f, m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    /** The class and the classes of this module its public constructor takes. */
    private static List<Path> withCollaborators(Path file) {
        String source = read(file);
        String name = file.getFileName().toString().replace(".java", "");
        Matcher constructor =
                Pattern.compile("\\b" + name + "\\(([^)]*)\\)\\s*\\{").matcher(source);
        List<Path> files = new java.util.ArrayList<>(List.of(file));
        if (constructor.find() && !constructor.group(1).isBlank()) {
            for (String parameter : constructor.group(1).split(",")) {
                String[] words = parameter.trim().split("\\s+");
                String type = words[words.length - 2].replaceAll("<.*", "").replaceAll(".*\\.", "");
                try (Stream<Path> found = Files.walk(SOURCES)) {
                    found.filter(f -> f.getFileName().toString().equals(type + ".java"))
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    private static Tables tables(Path file) {
        Set<String> read = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        Matcher m = TABLE.matcher(read(file));
        while (m.find()) {
            boolean reads = m.group(1).equalsIgnoreCase("from") || m.group(1).equalsIgnoreCase("join");
            for (String table : m.group(2).split("\\s*,\\s*")) {
                (reads ? read : written).add(table.trim().toLowerCase());
            }
        }
        // "delete from T" writes T
        Matcher delete = Pattern.compile("delete\\s+from\\s+((?:q|reminder|metrics)_\\w+)", Pattern.CASE_INSENSITIVE)
                .matcher(read(file));
        while (delete.find()) {
            written.add(delete.group(1).toLowerCase());
        }
        return new Tables(read, written);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
