package org.touchpoints.register.api.change;

/**
 * A change adds, edits or removes one row (000 §3.1, 003 §4.1); a {@link #PACKAGE} does several of these at once (its
 * {@link ChangeInitiated#operations()}), one change through one approval chain. An operation of a package is always
 * ADD, EDIT or REMOVE.
 */
public enum ChangeKind {
    ADD,
    EDIT,
    REMOVE,
    PACKAGE;

    /** Whether this is the kind of one row's operation (everything but {@link #PACKAGE}). */
    public boolean rowOperation() {
        return this != PACKAGE;
    }
}
