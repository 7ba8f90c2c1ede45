package org.touchpoints.register.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The trail of administrators' actions: accounts created, disabled, enabled, re-passworded; roles given and
 * revoked; calendars uploaded; procedures changed; rebuilds; dead letters retried or set aside. Register events
 * already carry their own history; this is for what lives outside the event store (or spans it).
 * Written in the caller's transaction when there is one, so an action and its trace stand or fall together.
 */
@Repository
public class AdminAudit {

    /** Action names (stable, stored): pages translate them into Russian through {@link #title(String)}. */
    public static final String ACCOUNT_CREATED = "ACCOUNT_CREATED";

    public static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";
    public static final String ACCOUNT_ENABLED = "ACCOUNT_ENABLED";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String ROLE_GIVEN = "ROLE_GIVEN";
    public static final String ROLE_REVOKED = "ROLE_REVOKED";
    public static final String CALENDAR_UPLOADED = "CALENDAR_UPLOADED";
    public static final String CALENDAR_FEDERAL_ONLY = "CALENDAR_FEDERAL_ONLY";
    public static final String PROCEDURE_CHANGED = "PROCEDURE_CHANGED";
    public static final String REBUILD = "REBUILD";
    public static final String DEAD_LETTERS_RETRIED = "DEAD_LETTERS_RETRIED";
    public static final String DEAD_LETTER_SET_ASIDE = "DEAD_LETTER_SET_ASIDE";

    /** One action; {@code actorName} is the account's display name (null when the account is unknown, e.g. "system"). */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String title,
            String target,
            String details,
            String actorName) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public AdminAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a procedure change records as its details, the same from the API and the settings page. */
    public static String procedureDetails(org.touchpoints.register.api.procedure.Procedure procedure) {
        return (procedure.preset() == null ? "" : "по образцу " + procedure.preset() + "; ") + "шаги "
                + procedure.approvalSteps() + "; приказ " + procedure.approvalAct() + "; срок "
                + (procedure.deadlineWorkingDays() == null
                        ? "не установлен"
                        : procedure.deadlineWorkingDays() + " раб. дн.")
                + (procedure.processesMayBeShared() ? "; процесс может вестись несколькими подразделениями" : "");
    }

    /** Records one action; text is kept to its column sizes and stripped of line breaks (no forged lines). */
    public void record(String actor, String action, String target, String details) {
        jdbc.sql("insert into admin_audit(at, actor, action, target, details) values (?, ?, ?, ?, ?)")
                .params(
                        Timestamp.from(clock.instant()),
                        clip(oneLine(actor == null ? "system" : actor), 64),
                        clip(action, 64),
                        clip(oneLine(target), 300),
                        clip(oneLine(details), 4000))
                .update();
    }

    /** Entries newest first; {@code from}/{@code to} bound the time when given. */
    public List<Entry> list(Instant from, Instant to, int offset, int limit) {
        return jdbc.sql("""
                        select e.id, e.at, e.actor, e.action, e.target, e.details, a.display_name
                        from admin_audit e left join account a on a.username = e.actor
                        where (cast(? as timestamptz) is null or e.at >= ?) and (cast(? as timestamptz) is null or e.at < ?)
                        order by e.id desc offset ? limit ?""")
                .params(ts(from), ts(from), ts(to), ts(to), offset, limit)
                .query((rs, i) -> new Entry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        title(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    /** How many entries {@link #list} selects with these bounds. */
    public long count(Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) from admin_audit
                        where (cast(? as timestamptz) is null or at >= ?) and (cast(? as timestamptz) is null or at < ?)""")
                .params(ts(from), ts(from), ts(to), ts(to))
                .query(Long.class)
                .single();
    }

    /** The action in Russian, for people. */
    public static String title(String action) {
        return switch (action) {
            case ACCOUNT_CREATED -> "Создана учётная запись";
            case ACCOUNT_DISABLED -> "Учётная запись отключена";
            case ACCOUNT_ENABLED -> "Учётная запись включена";
            case PASSWORD_CHANGED -> "Пароль изменён владельцем";
            case PASSWORD_RESET -> "Пароль задан администратором";
            case ROLE_GIVEN -> "Назначена роль";
            case ROLE_REVOKED -> "Роль снята";
            case CALENDAR_UPLOADED -> "Загружен производственный календарь";
            case CALENDAR_FEDERAL_ONLY -> "Регион отмечен: только федеральный календарь";
            case PROCEDURE_CHANGED -> "Изменён порядок ведения перечня";
            case REBUILD -> "Перестроены представления";
            case DEAD_LETTERS_RETRIED -> "Повторена обработка отложенных событий";
            case DEAD_LETTER_SET_ASIDE -> "Отложенное событие исключено из обработки";
            default -> action;
        };
    }

    /** Line breaks and other control characters become spaces: what is logged or audited stays one line. */
    public static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
