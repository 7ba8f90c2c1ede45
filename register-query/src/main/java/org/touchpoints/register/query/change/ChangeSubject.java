package org.touchpoints.register.query.change;

import org.touchpoints.register.api.row.RowContent;

/** What a change does, in a few words for lists and dashboards: «Добавление: Telegram-канал ГЖИ СО». */
public final class ChangeSubject {
    private ChangeSubject() {}

    public static String of(ChangeView change) {
        if (change == null) {
            return "";
        }
        if (change.severalRows()) {
            return kindTitle(change.kind()) + ": "
                    + ChangeCards.rowCount(change.operations().size());
        }
        RowContent row = change.after() != null ? change.after() : change.before();
        String kind = kindTitle(change.kind());
        return row == null || row.touchpoint() == null
                ? kind
                : kind + ": " + row.touchpoint().name();
    }

    public static String kindTitle(String kind) {
        return switch (kind) {
            case "ADD" -> "Добавление";
            case "EDIT" -> "Изменение";
            case "REMOVE" -> "Исключение";
            case "PACKAGE" -> "Пакет изменений";
            default -> kind;
        };
    }
}
