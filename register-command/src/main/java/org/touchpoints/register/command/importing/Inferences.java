package org.touchpoints.register.command.importing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.ClientNeed;
import org.touchpoints.register.api.row.TouchpointNames;

/**
 * What the importer reads into a row that the file does not say in so many words, each said to the administrator as
 * a {@link Warning} of its line before the import is confirmed: the channel (from the touchpoint's type, else the
 * features text), the need codes (from the interaction text), the split of the touchpoint cell into name and address,
 * and a blank cell read as the one above.
 */
public final class Inferences {
    /** One inference on one line of the file: {@code field} names the row's field it filled. */
    public record Warning(int line, String field, String message) {}

    private Inferences() {}

    /** The channel the touchpoint's type gives (a phone is offline, a site digital), or null when the name says neither. */
    static Channel channelOfType(String name, String address) {
        return TouchpointNames.channelOf(name, address);
    }

    /** The channel the features text states («…в цифровой точке», «…в офлайн-точке»), or null. */
    static Channel channelOfFeatures(String features) {
        String f = features == null ? "" : features.toLowerCase(Locale.ROOT);
        if (f.contains("цифров")) {
            return Channel.DIGITAL;
        }
        if (f.contains("офлайн") || f.contains("оффлайн")) {
            return Channel.OFFLINE;
        }
        return null;
    }

    /**
     * The touchpoint's channel: its type decides (the bookkeeping phone whose features say «цифровой» stays offline);
     * the features text when the type says nothing; offline when neither does. Always a warning: the file has no
     * channel column.
     */
    static Channel channel(int line, String name, String address, String features, List<Warning> warnings) {
        Channel ofType = channelOfType(name, address);
        Channel ofFeatures = channelOfFeatures(features);
        Channel channel;
        String message;
        if (ofType != null && ofFeatures != null && ofType != ofFeatures) {
            channel = ofType;
            message = "Канал — «" + title(ofType) + "» по виду точки «" + name + "», хотя в особенностях сказано «"
                    + features.strip() + "»: проверьте текст особенностей";
        } else if (ofType != null) {
            channel = ofType;
            message = "Канал — «" + title(ofType) + "» по виду точки «" + name + "»"
                    + (ofFeatures != null ? " (и по особенностям взаимодействия)" : "");
        } else if (ofFeatures != null) {
            channel = ofFeatures;
            message = "Канал — «" + title(ofFeatures) + "» по тексту особенностей «" + features.strip() + "»";
        } else {
            channel = Channel.OFFLINE;
            message = "Канал не указан ни видом точки, ни особенностями: принята «" + title(Channel.OFFLINE) + "»";
        }
        warnings.add(new Warning(line, "touchpoint.channel", message));
        return channel;
    }

    /** The needs read from the interaction text, phrase by phrase. */
    static NeedsFromText.Mapped needs(int line, String interaction, List<Warning> warnings) {
        NeedsFromText.Mapped mapped = NeedsFromText.map(interaction);
        String phrases = mapped.phrases().stream()
                .map(p -> "«" + p.text() + "» → "
                        + p.codes().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        String needs = mapped.needs().stream()
                .map(c -> c + " «" + ClientNeed.ofCode(c).orElseThrow().title() + "»")
                .collect(Collectors.joining(", "));
        warnings.add(new Warning(
                line,
                "needs",
                "Потребности определены по тексту взаимодействия: " + needs + " ("
                        + phrases + ")"
                        + (mapped.otherNeed() == null
                                ? ""
                                : ". Не сопоставлено с перечнем, записано как «другие потребности»: «"
                                        + mapped.otherNeed() + "»")));
        return mapped;
    }

    /** A blank cell of a table laid out by groups, read as the cell above. */
    static String continued(int line, String field, String label, String cell, String above, List<Warning> warnings) {
        if (cell != null && !cell.isBlank() || above == null) {
            return cell;
        }
        warnings.add(
                new Warning(line, field, "Ячейка «" + label + "» пуста: принято значение строки выше «" + above + "»"));
        return above;
    }

    /**
     * The touchpoint cell holds the name and, after it, the address (URL, e-mail, phones, postal address). An address
     * inside brackets that close after it stays with the name («… (ГИС ТОР КНД, https://tor.knd.gov.ru/)»).
     */
    static String[] split(int line, String cell, Pattern address, List<Warning> warnings) {
        Matcher m = address.matcher(cell);
        boolean bracketed = false;
        while (m.find()) {
            if (m.start() == 0) {
                break;
            }
            if (openBrackets(cell.substring(0, m.start())) > 0) {
                bracketed = true;
                continue;
            }
            String name = cell.substring(0, m.start()).strip();
            String addr = cell.substring(m.start()).strip();
            if (!name.isEmpty()) {
                warnings.add(new Warning(
                        line,
                        "touchpoint.address",
                        "Ячейка точки разделена: наименование «" + name + "», адрес «" + addr + "»"));
                return new String[] {name, addr};
            }
        }
        if (bracketed) {
            warnings.add(new Warning(
                    line,
                    "touchpoint.name",
                    "Адрес в скобках оставлен в наименовании точки: «" + cell + "»; отдельный адрес не указан"));
        }
        return new String[] {cell, null};
    }

    private static int openBrackets(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '(' || c == '[' || c == '«') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '»') && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    private static String title(Channel c) {
        return c == Channel.DIGITAL ? "цифровая точка" : "офлайн-точка";
    }
}
