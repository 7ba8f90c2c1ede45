package org.touchpoints.register.api.row;

import java.util.Locale;

/** Text normalisation shared by every comparison of names (process, touchpoint, direction). */
public final class Text {
    private Text() {
    }

    /** Trimmed, inner white space collapsed, lower case, «ё» as «е»: two names with the same key are the same name. */
    public static String key(String s) {
        if (s == null) {
            return "";
        }
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** Trimmed, inner runs of white space collapsed to one space; null stays null. */
    public static String clean(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
