package org.touchpoints.register.api.procedure;

/** Who may propose a change of the register. */
public enum Initiator {
    /** Specialists of the division that owns the process (000 §3.2, 003 §4.2). */
    DIVISION,
    /** The register's responsible (authorised) persons, for any process (002 §3.2–3.3, 004 §2.2). */
    RESPONSIBLE
}
