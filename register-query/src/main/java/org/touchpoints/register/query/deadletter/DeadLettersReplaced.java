package org.touchpoints.register.query.deadletter;

/**
 * Published (as a Spring application event, in the publisher's transaction) by a writer that changed the letters of
 * the live processing groups other than through their queues — the rebuild's switch: every {@link KnownSequencesQueue}
 * reads its group's sequences again before that transaction commits.
 */
public record DeadLettersReplaced() {}
