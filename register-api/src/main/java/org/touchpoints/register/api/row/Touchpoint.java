package org.touchpoints.register.api.row;

/**
 * A concrete touchpoint: its name, channel, optional address (URL, e-mail or phone numbers) and optional type (the
 * code of one of the register's procedure's touchpoint types; null where none was given, as in every row recorded
 * before types were kept).
 */
public record Touchpoint(String name, Channel channel, String address, String type) {

    /** A touchpoint without a type. */
    public Touchpoint(String name, Channel channel, String address) {
        this(name, channel, address, null);
    }
}
