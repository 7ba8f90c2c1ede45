package org.touchpoints.register.api.publication;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The publisher records that the current version was put on the official site at {@code url}.
 * {@code publicationId} (nullable) is the client's idempotency key: repeating it repeats the answer and records
 * nothing. {@code expectedRegisterVersion} (nullable) is the register's version the publisher saw.
 */
public record PublishCommand(@TargetAggregateIdentifier String registerId, String publicationId, String url,
                             Instant publishedAt, Long expectedRegisterVersion, String by, Instant at) {
}
