package org.touchpoints.register.api.row;

import java.util.Locale;
import java.util.regex.Pattern;

/** Text normalisation shared by every comparison of names (process, touchpoint, direction), and what text may hold. */
public final class Text {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Text() {}

    /** Trimmed, inner white space collapsed, lower case, «ё» as «е»: two names with the same key are the same name. */
    public static String key(String s) {
        if (s == null) {
            return "";
        }
        return WHITE_SPACE
                .matcher(s.strip())
                .replaceAll(" ")
                .toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
    }

    /** Trimmed, inner runs of white space collapsed to one space; null stays null. */
    public static String clean(String s) {
        return s == null ? null : WHITE_SPACE.matcher(s.strip()).replaceAll(" ");
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Control characters other than tab and line breaks, a lone surrogate, or the replacement character left by
     * a broken encoding: never part of text a person typed (PostgreSQL cannot even store U+0000).
     */
    public static boolean hasControlCharacters(String value) {
        return value != null
                && value.codePoints()
                        .anyMatch(cp -> (Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t')
                                || cp == 0xFFFD
                                || Character.getType(cp) == Character.SURROGATE);
    }
}
