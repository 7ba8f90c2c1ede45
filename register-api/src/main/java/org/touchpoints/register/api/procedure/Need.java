package org.touchpoints.register.api.procedure;

/** One client need of a register's closed list, with the number the register gives it. */
public record Need(Integer code, String title) {}
