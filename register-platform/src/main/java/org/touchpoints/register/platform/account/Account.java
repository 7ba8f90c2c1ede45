package org.touchpoints.register.platform.account;

/**
 * A person who signs in. {@code globalRole} is ADMIN, AUDITOR or null; roles inside a register (specialist,
 * head, deputy, publisher) are membership events of that register.
 */
public record Account(String username, String displayName, String globalRole, boolean enabled, String email) {}
