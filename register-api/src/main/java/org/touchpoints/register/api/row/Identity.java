package org.touchpoints.register.api.row;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When two processes or touchpoints are the same: two names or addresses that a person reads as the same are the
 * same. The one comparison behind the one-touchpoint-per-process rule, process ownership, the duplicate check of
 * the proposal form and the import's duplicate report. Text is stored as written; only the comparison keys are
 * normalised.
 * <p>Names ({@link #name}): Unicode NFKC; invisible format characters (zero-width, bidi controls, soft hyphen)
 * removed; Latin letters that look Cyrillic read as Cyrillic inside a word that has Cyrillic letters («Oфициальный»
 * with a Latin «O»); case folded; «ё» as «е»; white space of any kind (no-break spaces too) collapsed and trimmed.
 * <p>Addresses ({@link #address}): as names, and besides URLs without scheme, «www.», default port, trailing slash
 * and fragment; e-mail addresses case-insensitive (by the case folding); phone numbers by their digits, with a
 * leading 8 read as +7 and a ten-digit number given its +7.
 */
public final class Identity {
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}]+");
    private static final Map<Character, Character> CYRILLIC_LOOK_ALIKES = Map.ofEntries(
            Map.entry('A', 'А'),
            Map.entry('B', 'В'),
            Map.entry('C', 'С'),
            Map.entry('E', 'Е'),
            Map.entry('H', 'Н'),
            Map.entry('K', 'К'),
            Map.entry('M', 'М'),
            Map.entry('O', 'О'),
            Map.entry('P', 'Р'),
            Map.entry('T', 'Т'),
            Map.entry('X', 'Х'),
            Map.entry('Y', 'У'),
            Map.entry('a', 'а'),
            Map.entry('c', 'с'),
            Map.entry('e', 'е'),
            Map.entry('o', 'о'),
            Map.entry('p', 'р'),
            Map.entry('x', 'х'),
            Map.entry('y', 'у'));
    /** A URL with or without its scheme: scheme, «www.», host, port, path, query, fragment. */
    private static final Pattern URL = Pattern.compile(
            "(?<![\\p{L}\\d@._-])(?:(?:https?|ftp)://)?(?:www\\.)?((?:[\\p{L}\\d-]+\\.)+\\p{L}{2,})(?::(\\d{1,5}))?"
                    + "(/[^\\s,;#)]*)?(?:#[^\\s,;)]*)?(?![\\p{L}\\d@-])");

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\d._%+-]+@(?:[\\p{L}\\d-]+\\.)+\\p{L}{2,}");
    /** A phone number: digits with the separators people write between them, at least five digits. */
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\p{L}\\d])\\+?\\(?\\d(?:[\\s()\\-‐‑–]*\\d){4,}(?![\\p{L}\\d])");

    /**
     * Keys already computed, by name: a rule compares the proposed name with every row of a register, i.e. the same
     * few hundred names on every command (the key is a pure function of the text). Bounded; emptied when full.
     */
    private static final Map<String, String> NAME_KEYS = new ConcurrentHashMap<>();

    private static final int NAME_KEYS_MAX = 4_096;
    /** Longer texts are computed every time: the cache holds at most ~4,096 × 2 × 1,000 characters (16 MiB). */
    private static final int NAME_KEYS_MAX_LENGTH = 1_000;

    private Identity() {}

    /** The comparison key of a process or touchpoint name. */
    public static String name(String s) {
        if (s == null) {
            return "";
        }
        if (s.length() > NAME_KEYS_MAX_LENGTH) {
            return nameKey(s);
        }
        String key = NAME_KEYS.get(s);
        if (key == null) {
            key = nameKey(s);
            if (NAME_KEYS.size() >= NAME_KEYS_MAX) {
                NAME_KEYS.clear();
            }
            NAME_KEYS.put(s, key);
        }
        return key;
    }

    private static String nameKey(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC);
        t = withoutInvisibleCharacters(t);
        t = cyrillicInCyrillicWords(t);
        t = t.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).replace('ё', 'е');
        return WHITE_SPACE.matcher(t).replaceAll(" ").strip();
    }

    /** The comparison key of a touchpoint's address (URLs, e-mail addresses, phone numbers, a postal address). */
    public static String address(String s) {
        String t = name(s);
        if (t.isEmpty()) {
            return t;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        Matcher email = EMAIL.matcher(t);
        while (email.find()) {
            out.append(urlsAndPhones(t.substring(at, email.start()))).append(email.group());
            at = email.end();
        }
        out.append(urlsAndPhones(t.substring(at)));
        return WHITE_SPACE.matcher(out).replaceAll(" ").strip();
    }

    /** The key of a touchpoint in a process: the process, the touchpoint's name and its address. */
    public static String touchpoint(String process, String name, String address) {
        return name(process) + "\u0000" + name(name) + "\u0000" + address(address);
    }

    public static boolean sameName(String a, String b) {
        return name(a).equals(name(b));
    }

    public static boolean sameAddress(String a, String b) {
        return address(a).equals(address(b));
    }

    /**
     * An invisible format character (Unicode category Cf: zero-width spaces and joiners, bidi controls U+200E–U+200F
     * and U+202A–U+202E, U+2060–U+2064, the byte order mark U+FEFF, the soft hyphen…): text a person cannot see,
     * refused at input.
     */
    public static boolean hasInvisibleCharacters(String s) {
        return s != null && s.codePoints().anyMatch(Identity::invisible);
    }

    private static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT;
    }

    private static String withoutInvisibleCharacters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !invisible(cp)).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** In each word (a run of letters) with at least one Cyrillic letter, Latin look-alikes become Cyrillic. */
    private static String cyrillicInCyrillicWords(String s) {
        StringBuilder b = new StringBuilder(s);
        int i = 0;
        while (i < b.length()) {
            if (!Character.isLetter(b.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            boolean cyrillic = false;
            while (end < b.length() && Character.isLetter(b.charAt(end))) {
                cyrillic |= Character.UnicodeBlock.of(b.charAt(end)) == Character.UnicodeBlock.CYRILLIC;
                end++;
            }
            if (cyrillic) {
                for (int j = i; j < end; j++) {
                    Character c = CYRILLIC_LOOK_ALIKES.get(b.charAt(j));
                    if (c != null) {
                        b.setCharAt(j, c);
                    }
                }
            }
            i = end;
        }
        return b.toString();
    }

    private static String urlsAndPhones(String s) {
        Matcher m = URL.matcher(s);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (m.find()) {
            out.append(phones(s.substring(at, m.start())));
            String port = m.group(2);
            String path = m.group(3) == null ? "" : m.group(3);
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            out.append(m.group(1));
            if (port != null && !port.equals("80") && !port.equals("443")) {
                out.append(':').append(port);
            }
            out.append(path);
            at = m.end();
        }
        out.append(phones(s.substring(at)));
        return out.toString();
    }

    private static String phones(String s) {
        Matcher m = PHONE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() == 11 && digits.charAt(0) == '8') {
                digits = "7" + digits.substring(1);
            } else if (digits.length() == 10 && !m.group().startsWith("+")) {
                digits = "7" + digits;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(digits.length() >= 10 ? "+" + digits : digits));
        }
        m.appendTail(out);
        return out.toString();
    }
}
