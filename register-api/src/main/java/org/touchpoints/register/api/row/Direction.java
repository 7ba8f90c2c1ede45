package org.touchpoints.register.api.row;

import java.util.List;

/**
 * The closed list of directions of activity (seed 001 §3.4, 000 §2.6, 003 §2.2), in the order registers
 * number their groups. A row stores the direction as the text the authority uses; this list only fixes
 * the order of groups and offers the choices.
 */
public final class Direction {
    public static final List<String> CANONICAL = List.of(
            "Предоставление государственных услуг",
            "Государственный контроль (надзор)",
            "Рассмотрение обращений и запросов",
            "Обеспечение доступа к информации о деятельности",
            "Взаимодействие с внутренним клиентом",
            "Организация взаимодействия с внутренним клиентом (сотрудником)",
            "Взаимодействие с внутренним клиентом по вопросам информационно-технического обеспечения",
            "Взаимодействие с внутренним клиентом по вопросам ведения бухгалтерского учета",
            "Взаимодействие с внутренним клиентом по вопросам административно-хозяйственной деятельности");

    private Direction() {}

    /** Position of a direction in the canonical order; unknown directions come after all known ones. */
    public static int rank(String direction) {
        String key = Text.key(direction);
        for (int i = 0; i < CANONICAL.size(); i++) {
            if (Text.key(CANONICAL.get(i)).equals(key)) {
                return i;
            }
        }
        return CANONICAL.size();
    }
}
