package org.touchpoints.register.api.change;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A specialist (or responsible person) proposes a change package: 1 to 500 operations, one change through one
 * approval chain, entering the register at once when approved. Every rule is checked on the register as it would
 * stand after the whole package; a package that breaks one is refused whole, the refusal naming the operation
 * ({@code operations[i]…}). A package of one operation is recorded exactly as the single-row change
 * {@link InitiateChangeCommand} would record it. Repeating the command with the same {@code changeId} and the same
 * content records nothing new. The other fields mean what they mean in {@link InitiateChangeCommand}.
 */
public record InitiateChangePackageCommand(
        @TargetAggregateIdentifier String registerId,
        String changeId,
        List<PackageOperation> operations,
        ChangeReason reason,
        String comment,
        Long expectedRegisterVersion,
        String by,
        Instant at,
        boolean changeIdTakenElsewhere) {
    /** The most operations one package holds. */
    public static final int MAX_OPERATIONS = 500;

    public InitiateChangePackageCommand {
        operations = operations == null
                ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(operations));
    }

    public InitiateChangePackageCommand(
            String registerId,
            String changeId,
            List<PackageOperation> operations,
            ChangeReason reason,
            String comment,
            Long expectedRegisterVersion,
            String by,
            Instant at) {
        this(registerId, changeId, operations, reason, comment, expectedRegisterVersion, by, at, false);
    }
}
