package org.touchpoints.register.api.change;

/**
 * A command about one change of a register, naming it by its id: the register routes it to that change (and refuses
 * it, by the rule that the change exists, when the register has no change of that id).
 */
public interface ChangeCommand {
    String changeId();
}
