package org.touchpoints.register.api.change;

/** A change adds, edits or removes one row (000 §3.1, 003 §4.1). */
public enum ChangeKind {
    ADD, EDIT, REMOVE
}
