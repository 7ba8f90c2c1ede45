package org.touchpoints.register.api.rule;

/** One field of the input that breaks a rule, with a message in Russian for the person who typed it. */
public record FieldError(String field, String message) {}
