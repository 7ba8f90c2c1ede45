package org.touchpoints.register.api.procedure;

import org.touchpoints.register.api.row.Channel;

/** A kind of touchpoint the procedure names (001 §4.1, 004 §4), with the channel it always has. */
public record TouchpointType(String code, String title, Channel channel) {}
