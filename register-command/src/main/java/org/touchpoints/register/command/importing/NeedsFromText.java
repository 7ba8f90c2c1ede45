package org.touchpoints.register.command.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.touchpoints.register.api.row.ClientNeed;

/**
 * Maps the free-text «Осуществляемое взаимодействие с клиентом» of an existing register onto the closed list of
 * client needs. Each comma-separated phrase is matched on its own; a phrase that matches nothing becomes
 * need 10 («другие потребности») and its text is kept. The original text stays the row's interaction text.
 */
final class NeedsFromText {
    record Mapped(List<Integer> needs, String otherNeed) {
    }

    private NeedsFromText() {
    }

    static Mapped map(String interaction) {
        Set<Integer> needs = new LinkedHashSet<>();
        List<String> other = new ArrayList<>();
        for (String raw : interaction.split("[,;](?![^()]*\\))")) {
            String phrase = raw.strip();
            if (phrase.isEmpty()) {
                continue;
            }
            int code = codeOf(phrase.toLowerCase(Locale.ROOT).replace('ё', 'е'));
            needs.add(code);
            if (code == ClientNeed.OTHER.code()) {
                other.add(phrase);
            }
        }
        List<Integer> sorted = new ArrayList<>(needs);
        sorted.sort(Integer::compareTo);
        return new Mapped(sorted, other.isEmpty() ? null : String.join(", ", other));
    }

    static int codeOf(String p) {
        if (p.contains("о ходе")) {
            return ClientNeed.PROGRESS.code();
        }
        if (p.contains("результат") && (p.contains("жалоб") || p.contains("обратн"))) {
            return ClientNeed.FEEDBACK_RESULT.code();
        }
        if (p.contains("жалоб") || p.contains("обратной связ")) {
            return ClientNeed.FEEDBACK.code();
        }
        if (p.contains("форм документов") || p.contains("бланк")) {
            return ClientNeed.DOCUMENT_FORMS.code();
        }
        if (p.contains("результат") || p.contains("ответ") || p.contains("выпис") || p.contains("расчетн")
                || p.contains("получение клиентом документов") || p.contains("предоставление документов клиенту")) {
            return ClientNeed.RESULT.code();
        }
        if (p.contains("информаци") || p.contains("ознакомлени")) {
            return ClientNeed.INFORMATION.code();
        }
        if (p.contains("кнм") || p.contains("пм") || p.contains("осмотр") || p.contains("проверк")) {
            return ClientNeed.INSPECTION.code();
        }
        if ((p.contains("подача") || p.contains("направлени") || p.contains("предоставлени") || p.contains("оформлени"))
                && (p.contains("обращени") || p.contains("заявлени") || p.contains("запрос") || p.contains("документ"))) {
            return ClientNeed.SUBMISSION.code();
        }
        if (p.contains("консульт")) {
            return ClientNeed.CONSULTATION.code();
        }
        return ClientNeed.OTHER.code();
    }
}
