package org.touchpoints.register.api;

import java.util.regex.Pattern;

/**
 * The shapes of the ids clients name things by, written once: every check of an id (the aggregate's rules, the
 * controllers, the pages) uses these.
 */
public final class Ids {
    private Ids() {}

    /**
     * The id of a change, a row, an approving act, a delegation or a publication: 1 to 64 Latin letters, digits,
     * «-» and «_» (a client's own, e.g. a UUID, or one the service generates).
     */
    public static final String ID = "[A-Za-z0-9_-]{1,64}";
    /** The id of a register or a division: lower-case Latin letters, digits and «-», starting with a letter or digit. */
    public static final String REGISTER_ID = "[a-z0-9][a-z0-9-]{0,63}";

    private static final Pattern ID_PATTERN = Pattern.compile(ID);
    private static final Pattern REGISTER_ID_PATTERN = Pattern.compile(REGISTER_ID);

    /** Whether {@code id} has the shape of {@link #ID} (null has not). */
    public static boolean isId(String id) {
        return id != null && ID_PATTERN.matcher(id).matches();
    }

    /** Whether {@code id} has the shape of {@link #REGISTER_ID} (null has not). */
    public static boolean isRegisterId(String id) {
        return id != null && REGISTER_ID_PATTERN.matcher(id).matches();
    }
}
