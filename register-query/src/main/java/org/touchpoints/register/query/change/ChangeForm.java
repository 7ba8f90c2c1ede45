package org.touchpoints.register.query.change;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.ClientNeed;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.row.Touchpoint;

/**
 * The proposal form as typed: every field a string, so no input can fail to bind; the register judges the content
 * and names the fields it refuses ({@code row.touchpoint.name}…), which {@link #FIELDS} maps back onto the form.
 *
 * @param process the chosen process, or {@link #NEW_PROCESS} with the name in {@code newProcess}
 */
public record ChangeForm(
        String changeId,
        String kind,
        String rowId,
        String direction,
        String process,
        String newProcess,
        String touchpointName,
        String touchpointAddress,
        String channel,
        List<String> needs,
        String otherNeed,
        String interaction,
        String features,
        String division,
        String reason,
        String comment) {

    public static final String NEW_PROCESS = "__new";

    /** The register's field names (as its rules report them) → the form's. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("row.direction", "direction"),
            Map.entry("row.process", "process"),
            Map.entry("row.touchpoint", "touchpointName"),
            Map.entry("row.touchpoint.name", "touchpointName"),
            Map.entry("row.touchpoint.address", "touchpointAddress"),
            Map.entry("row.touchpoint.channel", "channel"),
            Map.entry("row.needs", "needs"),
            Map.entry("row.otherNeed", "otherNeed"),
            Map.entry("row.interaction", "interaction"),
            Map.entry("row.features", "features"),
            Map.entry("row.division", "division"),
            Map.entry("reason", "reason"),
            Map.entry("comment", "comment"));

    static ChangeForm blank(ChangeKind kind, String changeId, String division) {
        return new ChangeForm(
                changeId,
                kind.name(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                division,
                kind == ChangeKind.ADD
                        ? ChangeReason.NEW_TOUCHPOINT.name()
                        : kind == ChangeKind.REMOVE ? ChangeReason.TOUCHPOINT_EXCLUDED.name() : null,
                null);
    }

    /**
     * The form for an edit or removal, filled from the row. Texts the register derived (the needs' titles as the
     * interaction, the channel's phrase as the features, the interaction as the free text of need 10) are left
     * blank, so they follow the edited needs and channel instead of going stale.
     */
    static ChangeForm of(ChangeKind kind, String changeId, RegisterRow row) {
        RowContent c = row.content();
        Touchpoint t = c.touchpoint();
        List<Integer> codes = c.needs() == null ? List.of() : c.needs();
        String derivedInteraction = String.join(
                ", ",
                codes.stream()
                        .map(code ->
                                ClientNeed.ofCode(code).map(ClientNeed::title).orElse(""))
                        .toList());
        String interaction = derivedInteraction.equals(c.interaction()) ? null : c.interaction();
        String features = t != null
                        && t.channel() != null
                        && t.channel().defaultFeatures().equals(c.features())
                ? null
                : c.features();
        String otherNeed = c.otherNeed() != null && c.otherNeed().equals(c.interaction()) ? null : c.otherNeed();
        return new ChangeForm(
                changeId,
                kind.name(),
                row.rowId(),
                c.direction(),
                c.process(),
                null,
                t == null ? null : t.name(),
                t == null ? null : t.address(),
                t == null || t.channel() == null ? null : t.channel().name(),
                codes.stream().map(String::valueOf).toList(),
                otherNeed,
                interaction,
                features,
                c.division(),
                kind == ChangeKind.REMOVE ? ChangeReason.TOUCHPOINT_EXCLUDED.name() : null,
                null);
    }

    ChangeForm withChangeId(String newChangeId) {
        return new ChangeForm(
                newChangeId,
                kind,
                rowId,
                direction,
                process,
                newProcess,
                touchpointName,
                touchpointAddress,
                channel,
                needs,
                otherNeed,
                interaction,
                features,
                division,
                reason,
                comment);
    }

    ChangeForm withDirection(String newDirection) {
        return new ChangeForm(
                changeId,
                kind,
                rowId,
                newDirection,
                process,
                newProcess,
                touchpointName,
                touchpointAddress,
                channel,
                needs,
                otherNeed,
                interaction,
                features,
                division,
                reason,
                comment);
    }

    ChangeKind kindValue() {
        return parse(ChangeKind.class, kind);
    }

    ChangeReason reasonValue() {
        return parse(ChangeReason.class, reason);
    }

    /** The process the row names: the chosen one, or the new one typed in. */
    String processName() {
        return NEW_PROCESS.equals(process) ? newProcess : process;
    }

    public boolean newProcessChosen() {
        return NEW_PROCESS.equals(process);
    }

    /** Codes of the ticked needs; free text of «другие потребности» ticks need 10 by itself. */
    public Set<Integer> needCodes() {
        Set<Integer> codes = new LinkedHashSet<>();
        if (needs != null) {
            for (String n : needs) {
                try {
                    codes.add(Integer.parseInt(n.strip()));
                } catch (NumberFormatException e) {
                    codes.add(-1); // not a code: the register names the field
                }
            }
        }
        if (!Text.isBlank(otherNeed)) {
            codes.add(ClientNeed.OTHER.code());
        }
        return codes;
    }

    /** The proposed row (ADD, EDIT). */
    RowContent row() {
        List<Integer> codes = new ArrayList<>(needCodes());
        codes.sort(Integer::compare);
        return new RowContent(
                direction,
                processName(),
                new Touchpoint(touchpointName, parse(Channel.class, channel), blankToNull(touchpointAddress)),
                codes,
                blankToNull(otherNeed),
                blankToNull(interaction),
                blankToNull(features),
                blankToNull(division));
    }

    private static String blankToNull(String s) {
        return Text.isBlank(s) ? null : s;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (Text.isBlank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
