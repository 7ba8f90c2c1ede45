package org.touchpoints.register.api.publication;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The publisher records that the current version was put on the official site at {@code url}.
 * {@code publicationId} (nullable) is the client's idempotency key: repeating it repeats the answer and records
 * nothing. {@code expectedSha256} (nullable) is the hash of the content the publisher downloaded and put on the site:
 * the register refuses the publication if its current content hashes otherwise (a change was approved meanwhile).
 * {@code expectedRegisterVersion} (nullable) is the register's version the publisher saw.
 */
public record PublishCommand(
        @TargetAggregateIdentifier String registerId,
        String publicationId,
        String url,
        Instant publishedAt,
        String expectedSha256,
        Long expectedRegisterVersion,
        String by,
        Instant at) {

    public PublishCommand(String registerId, String url, Instant publishedAt, String by, Instant at) {
        this(registerId, null, url, publishedAt, null, null, by, at);
    }

    public PublishCommand(
            String registerId, String url, Instant publishedAt, String expectedSha256, String by, Instant at) {
        this(registerId, null, url, publishedAt, expectedSha256, null, by, at);
    }

    public PublishCommand(
            String registerId,
            String publicationId,
            String url,
            Instant publishedAt,
            Long expectedRegisterVersion,
            String by,
            Instant at) {
        this(registerId, publicationId, url, publishedAt, null, expectedRegisterVersion, by, at);
    }
}
