package org.touchpoints.register.api.row;

import java.util.Arrays;
import java.util.Optional;

/** The closed list of client needs (seed 001 §3.6, 002 §3.7, 004 §2.6); code 10 carries free text. */
public enum ClientNeed {
    INFORMATION(1, "Получение информации"),
    CONSULTATION(2, "Получение консультации"),
    DOCUMENT_FORMS(3, "Получение форм документов"),
    SUBMISSION(4, "Представление заявления, обращения, запроса, документов"),
    PROGRESS(5, "Получение информации о ходе рассмотрения"),
    RESULT(6, "Получение результата, ответа, разъяснения"),
    INSPECTION(7, "Предоставление объектов для осмотра (проверки)"),
    FEEDBACK(8, "Предоставление обратной связи"),
    FEEDBACK_RESULT(9, "Получение результата рассмотрения обратной связи"),
    OTHER(10, "Другие потребности");

    public static final int MIN_CODE = 1;
    public static final int MAX_CODE = 10;

    private final int code;
    private final String title;

    ClientNeed(int code, String title) {
        this.code = code;
        this.title = title;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public static Optional<ClientNeed> ofCode(int code) {
        return Arrays.stream(values()).filter(n -> n.code == code).findFirst();
    }
}
