package org.touchpoints.register.api.row;

/** Whether a touchpoint is digital (site, ЕПГУ, e-mail…) or offline (phone, office, post…). */
public enum Channel {
    DIGITAL("Цифровая точка", "Взаимодействие в цифровой точке"),
    OFFLINE("Офлайн-точка", "Взаимодействие в офлайн-точке");

    private final String title;
    private final String defaultFeatures;

    Channel(String title, String defaultFeatures) {
        this.title = title;
        this.defaultFeatures = defaultFeatures;
    }

    public String title() {
        return title;
    }

    /** The features text a register shows when a touchpoint has no specifics. */
    public String defaultFeatures() {
        return defaultFeatures;
    }
}
