package org.touchpoints.register.query.register;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.touchpoints.register.query.config.CommittedState;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole list of registers ({@code GET /api/v1/registers} without {@code page} or {@code size}, the contract's
 * default) as its JSON text, assembled from each register's entry as written when the register was last read, so a
 * request reads only what each listed register is as of ({@link RegisterReadModel#listStamps}) and reads, counts
 * and writes again only the registers that moved since (at ten thousand registers the list was 2.2 MiB of JSON,
 * written anew from a join of every register on every request).
 *
 * <p>Fresh: a register's entry is written again as soon as its stamp differs from the one it was written at, and the
 * stamps are read on every request, in the request's own statement, so a change the caller was told about is in the
 * next list. Scoped: the list holds only the registers the caller may read (the stamps are read through the same
 * filter as a page of the list). Each replica keeps its own entries, one per register.
 *
 * <p>And the whole body of each recent caller's scope (every register, or a member's), given again as long as nothing
 * was committed since it was assembled ({@link CommittedState}): at ten thousand registers, reading the stamps of all
 * of them was most of what was left of a request (10,005 rows of two tables). A commit anywhere sends the next request
 * to the stamps again.
 */
@Component
public class WholeRegisterList {
    private record Entry(String stamp, byte[] json) {}

    /** The list's JSON array and how many registers it holds. */
    public record Body(byte[] json, int count) {}

    /** Bodies kept: every register's, and those of the members who asked last. */
    private static final int BODIES = 8;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final RegisterReadModel registers;
    private final JsonMapper mapper;
    private final CommittedState.Memo<RegisterReadAccess.Reader, Body> bodies;

    public WholeRegisterList(RegisterReadModel registers, JsonMapper mapper, CommittedState committed) {
        this.registers = registers;
        this.mapper = mapper;
        this.bodies = committed.memo(BODIES);
    }

    /** Every register the caller may read ({@code reader}), by id, as {@link RegisterQueryController} lists it. */
    public Body of(RegisterReadAccess.Reader reader) {
        return bodies.get(reader, () -> assembled(reader));
    }

    private Body assembled(RegisterReadAccess.Reader reader) {
        Map<String, String> stamps = registers.listStamps(reader);
        List<String> moved = new ArrayList<>();
        stamps.forEach((id, stamp) -> {
            Entry known = entries.get(id);
            if (known == null || !known.stamp().equals(stamp)) {
                moved.add(id);
            }
        });
        Map<String, byte[]> fresh = new HashMap<>();
        if (!moved.isEmpty()) {
            for (RegisterReadModel.StampedRegister s : registers.listed(moved)) {
                byte[] json = mapper.writeValueAsBytes(RegisterQueryController.summary(
                        s.register().summary(), s.register().version()));
                fresh.put(s.register().summary().id(), json);
                entries.put(s.register().summary().id(), new Entry(s.stamp(), json));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stamps.size() * 256 + 2);
        out.write('[');
        int count = 0;
        Set<String> movedIds = new HashSet<>(moved);
        for (String id : stamps.keySet()) {
            // as read now when it moved (even if it moved again since the stamps were read: then newer, and written
            // again at the next request); else as written at the stamp read now
            Entry known = movedIds.contains(id) ? null : entries.get(id);
            byte[] json = known != null ? known.json() : fresh.get(id);
            if (json == null) { // gone between the two statements (a rebuild's swap of the tables): not listed
                continue;
            }
            if (count > 0) {
                out.write(',');
            }
            out.writeBytes(json);
            count++;
        }
        out.write(']');
        return new Body(out.toByteArray(), count);
    }
}
