package org.touchpoints.register.api.publication;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The publisher records that the current version was put on the official site at {@code url}. */
public record PublishCommand(@TargetAggregateIdentifier String registerId, String url, Instant publishedAt,
                             String by, Instant at) {
}
