package org.touchpoints.register.api.row;

import java.util.List;

/**
 * One row of the register without its identity: direction, process, touchpoint, the client needs met there
 * (codes of {@link ClientNeed}; {@code otherNeed} is the free text of code 10), the interaction and
 * features texts, and the division that runs the process.
 */
public record RowContent(
        String direction,
        String process,
        Touchpoint touchpoint,
        List<Integer> needs,
        String otherNeed,
        String interaction,
        String features,
        String division) {

    public RowContent {
        needs = needs == null ? null : List.copyOf(needs);
    }

    public RowContent withDivision(String newDivision) {
        return new RowContent(direction, process, touchpoint, needs, otherNeed, interaction, features, newDivision);
    }

    /**
     * The same touchpoint in the same process: the identity the one-touchpoint-per-process rule compares.
     * A touchpoint is its name and address (two phone lines with different numbers are two touchpoints), compared
     * as a person reads them ({@link Identity}). Computed, never stored: events keep the text as written.
     */
    public String touchpointKey() {
        return Identity.touchpoint(
                process,
                touchpoint == null ? null : touchpoint.name(),
                touchpoint == null ? null : touchpoint.address());
    }
}
