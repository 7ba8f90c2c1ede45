package org.touchpoints.register.api.change;

/** Why the register changes (000 §3.3, 001 §5.3, 002 §5.3, 004 §5.3). */
public enum ChangeReason {
    PROCESS_REGISTRY_CHANGED("Включение (исключение) услуги, функции, процесса в реестр процессов"),
    TOUCHPOINT_TYPE_CHANGED("Изменение типа точки взаимодействия"),
    NEEDS_CHANGED("Изменение удовлетворяемых потребностей клиента в точке взаимодействия"),
    CHANNEL_CHANGED("Изменение канала взаимодействия"),
    NEW_TOUCHPOINT("Появление новой точки взаимодействия"),
    TOUCHPOINT_EXCLUDED("Исключение точки взаимодействия"),
    OTHER("Иное основание");

    private final String title;

    ChangeReason(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
