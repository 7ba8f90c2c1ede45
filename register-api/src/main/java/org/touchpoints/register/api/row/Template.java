package org.touchpoints.register.api.row;

import java.util.List;

/** The layout an authority chose for its register: six columns (seed 000) or five (seed 004). */
public enum Template {
    SIX_COLUMN(List.of(
            "№",
            "Направление деятельности органа власти",
            "Наименование конкретного процесса",
            "Точка взаимодействия",
            "Осуществляемое взаимодействие с клиентом",
            "Особенности взаимодействия с клиентом")),
    FIVE_COLUMN(List.of(
            "№",
            "Процесс взаимодействия с клиентом",
            "Точка взаимодействия",
            "Удовлетворяемые потребности клиента",
            "Особенности взаимодействия с клиентом"));

    private final List<String> headers;

    Template(List<String> headers) {
        this.headers = headers;
    }

    /** Column headers in Russian, as the procedures' tables show them. */
    public List<String> headers() {
        return headers;
    }
}
