package org.touchpoints.register.command.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.touchpoints.register.api.row.ClientNeed;

/**
 * Maps the free-text «Осуществляемое взаимодействие с клиентом» of an existing register onto the closed list of
 * client needs. Each comma-separated phrase is matched on its own and may give several needs («направление обращения
 * для получения консультации» is both a submission, 4, and a consultation, 2); a phrase that matches nothing becomes
 * need 10 («другие потребности») and its text is kept. A complaint is a submission (4: «представление обращения,
 * заявления»), its outcome a result (6): feedback (8, 9) only where the text says «обратная связь». Need 7 only
 * where the text says «предоставление объектов для осмотра» (000's list has no need 7: «проведение КНМ» is not it).
 * The original text stays the row's interaction text; {@link Mapped#phrases} says which phrase gave which needs.
 */
final class NeedsFromText {
    /** A phrase of the interaction text and the needs read from it. */
    record Phrase(String text, List<Integer> codes) {}

    record Mapped(List<Integer> needs, String otherNeed, List<Phrase> phrases) {
        Mapped(List<Integer> needs, String otherNeed) {
            this(needs, otherNeed, List.of());
        }
    }

    private NeedsFromText() {}

    static Mapped map(String interaction) {
        Set<Integer> needs = new LinkedHashSet<>();
        List<String> other = new ArrayList<>();
        List<Phrase> phrases = new ArrayList<>();
        for (String raw : interaction.split("[,;](?![^()]*\\))")) {
            String phrase = raw.strip();
            if (phrase.isEmpty()) {
                continue;
            }
            List<Integer> codes = codesOf(phrase.toLowerCase(Locale.ROOT).replace('ё', 'е'));
            needs.addAll(codes);
            phrases.add(new Phrase(phrase, codes));
            if (codes.contains(ClientNeed.OTHER.code())) {
                other.add(phrase);
            }
        }
        List<Integer> sorted = new ArrayList<>(needs);
        sorted.sort(Integer::compareTo);
        return new Mapped(sorted, other.isEmpty() ? null : String.join(", ", other), phrases);
    }

    static List<Integer> codesOf(String p) {
        if (p.contains("о ходе")) {
            return List.of(ClientNeed.PROGRESS.code());
        }
        if (p.contains("обратн") && p.contains("связ")) {
            return List.of(p.contains("результат") ? ClientNeed.FEEDBACK_RESULT.code() : ClientNeed.FEEDBACK.code());
        }
        if (p.contains("форм документов") || p.contains("бланк")) {
            return List.of(ClientNeed.DOCUMENT_FORMS.code());
        }
        if (p.contains("объектов для осмотра") || p.contains("объекта для осмотра")) {
            return List.of(ClientNeed.INSPECTION.code());
        }
        if (p.contains("результат")
                || p.contains("ответ")
                || p.contains("выпис")
                || p.contains("расчетн")
                || p.contains("получение клиентом документов")
                || p.contains("предоставление документов клиенту")) {
            return List.of(ClientNeed.RESULT.code());
        }
        boolean submission = (p.contains("подача")
                        || p.contains("направлени")
                        || p.contains("предоставлени")
                        || p.contains("представлени")
                        || p.contains("оформлени"))
                && (p.contains("обращени")
                        || p.contains("заявлени")
                        || p.contains("запрос")
                        || p.contains("документ")
                        || p.contains("жалоб"));
        boolean consultation = p.contains("консульт");
        if (!submission && !consultation && (p.contains("информаци") || p.contains("ознакомлени"))) {
            return List.of(ClientNeed.INFORMATION.code());
        }
        List<Integer> codes = new ArrayList<>();
        if (consultation) {
            codes.add(ClientNeed.CONSULTATION.code());
        }
        if (submission) {
            codes.add(ClientNeed.SUBMISSION.code());
        }
        return codes.isEmpty() ? List.of(ClientNeed.OTHER.code()) : codes;
    }
}
