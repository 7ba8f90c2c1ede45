package org.touchpoints.register.api.row;

import java.util.Locale;

/** Text normalisation shared by every comparison of names (process, touchpoint, direction), and what text may hold. */
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

    /**
     * Control characters other than tab and line breaks, a lone surrogate, or the replacement character left by
     * a broken encoding: never part of text a person typed (PostgreSQL cannot even store U+0000).
     */
    public static boolean hasControlCharacters(String value) {
        return value != null && value.codePoints().anyMatch(cp -> (Character.isISOControl(cp) && cp != '\n' && cp != '\r'
                && cp != '\t') || cp == 0xFFFD || Character.getType(cp) == Character.SURROGATE);
    }
}
