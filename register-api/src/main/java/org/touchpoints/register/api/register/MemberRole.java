package org.touchpoints.register.api.register;

/** Roles inside one register; the division roles are held in a named division. */
public enum MemberRole {
    /** Division specialist: initiates and withdraws changes of the division's processes. */
    SPECIALIST(true),
    /** Head of a division: first approval of the division's changes. */
    HEAD(true),
    /** Deputy head responsible for client-centricity: final approval. */
    DEPUTY(false),
    /** Records publication of a version on the official site. */
    PUBLISHER(false),
    /** The register's responsible (authorised) person (уполномоченное, ответственное лицо): register-wide. */
    RESPONSIBLE(false),
    /** The head of the authority (руководитель органа: начальник, министр). */
    HEAD_OF_AUTHORITY(false);

    private final boolean divisional;

    MemberRole(boolean divisional) {
        this.divisional = divisional;
    }

    public boolean divisional() {
        return divisional;
    }
}
