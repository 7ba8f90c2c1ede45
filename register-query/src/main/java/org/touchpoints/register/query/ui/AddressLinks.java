package org.touchpoints.register.query.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A touchpoint's address as a person uses it on a page: web addresses as https links, e-mail as {@code mailto:},
 * Russian phone numbers as {@code tel:+7…}; the rest of the text as it is. Only these three schemes are ever made
 * (no {@code javascript:} or other URL can come out of a register's text). Templates reach it as {@code @addressLinks}.
 */
@Component("addressLinks")
public class AddressLinks {
    /** A piece of the address: {@code href} null for plain text. */
    public record Part(String text, String href) {
        public boolean link() {
            return href != null;
        }
    }

    private static final Pattern LINKABLE = Pattern.compile(
            "(?<email>[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,})"
                    + "|(?<url>(?:https?://|www\\.)[^\\s,;«»<>\"]+)"
                    + "|(?<phone>(?:\\+7|8)[\\s-]*\\(?\\d{3,5}\\)?[\\s-]*\\d{1,3}(?:[\\s-]*\\d{2}){2})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    public List<Part> parts(String address) {
        return split(address);
    }

    public static List<Part> split(String address) {
        List<Part> parts = new ArrayList<>();
        if (address == null || address.isEmpty()) {
            return parts;
        }
        Matcher m = LINKABLE.matcher(address);
        int at = 0;
        while (m.find()) {
            String href = href(m);
            if (href == null) {
                continue;
            }
            if (m.start() > at) {
                parts.add(new Part(address.substring(at, m.start()), null));
            }
            String text = m.group();
            if (m.group("url") != null) {
                // a sentence's full stop or a closing bracket is not part of the address
                while (text.endsWith(".") || text.endsWith(")")) {
                    text = text.substring(0, text.length() - 1);
                }
                href = href(text);
            }
            parts.add(new Part(text, href));
            at = m.start() + text.length();
        }
        if (at < address.length()) {
            parts.add(new Part(address.substring(at), null));
        }
        return parts;
    }

    private static String href(Matcher m) {
        if (m.group("email") != null) {
            return "mailto:" + m.group("email");
        }
        if (m.group("url") != null) {
            return href(m.group("url"));
        }
        String digits = m.group("phone").replaceAll("\\D", "");
        if (digits.length() != 11) {
            return null;
        }
        return "tel:+7" + digits.substring(1);
    }

    private static String href(String url) {
        return url.regionMatches(true, 0, "http", 0, 4) ? url : "https://" + url;
    }
}
