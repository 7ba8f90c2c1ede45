package org.touchpoints.register.api.rule;

/** What kind of refusal a broken rule is: it decides the HTTP status the caller sees. */
public enum Refusal {
    /** The input itself is wrong (400). */
    INVALID,
    /** The actor may not do this (403). */
    FORBIDDEN,
    /** The thing addressed does not exist (404). */
    NOT_FOUND,
    /** Valid input that conflicts with the current state (409). */
    CONFLICT
}
