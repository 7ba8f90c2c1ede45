package org.touchpoints.register.api.publication;

import java.time.Instant;
import java.util.List;
import org.touchpoints.register.api.RegisterEvent;

/**
 * A version of the register was published. {@code sha256} is the hash of the version's canonical CSV
 * ({@link org.touchpoints.register.api.row.RegisterCsv}); {@code previousSha256} chains it to the version before.
 * {@code publicationId} is the client's idempotency key, when it sent one (null in events recorded before it).
 */
public record Published(
        String registerId,
        int version,
        String url,
        Instant publishedAt,
        List<String> coveredChangeIds,
        String sha256,
        String previousSha256,
        String publicationId,
        String by,
        Instant at)
        implements RegisterEvent {
    public Published {
        coveredChangeIds = coveredChangeIds == null ? List.of() : List.copyOf(coveredChangeIds);
    }
}
