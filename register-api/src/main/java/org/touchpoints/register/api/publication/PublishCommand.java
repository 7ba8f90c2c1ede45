package org.touchpoints.register.api.publication;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The publisher records that the current version was put on the official site at {@code url}.
 * {@code expectedSha256}, when given, is the hash of the content the publisher downloaded and put on the site: the
 * register refuses the publication if its current content hashes otherwise (a change was approved meanwhile).
 */
public record PublishCommand(@TargetAggregateIdentifier String registerId, String url, Instant publishedAt,
                             String expectedSha256, String by, Instant at) {

    public PublishCommand(String registerId, String url, Instant publishedAt, String by, Instant at) {
        this(registerId, url, publishedAt, null, by, at);
    }
}
