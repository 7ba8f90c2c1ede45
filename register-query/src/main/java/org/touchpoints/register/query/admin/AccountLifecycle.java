package org.touchpoints.register.query.admin;

/**
 * Disabling, enabling and resetting the password of an account come with the account lifecycle (its own branch of
 * work); until the account store offers them, the accounts page shows the buttons switched off with a note.
 */
final class AccountLifecycle {
    private AccountLifecycle() {
    }

    static boolean available() {
        return false;
    }
}
