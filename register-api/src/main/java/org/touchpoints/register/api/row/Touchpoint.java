package org.touchpoints.register.api.row;

/** A concrete touchpoint: its name, channel and optional address (URL, e-mail or phone numbers). */
public record Touchpoint(String name, Channel channel, String address) {
}
