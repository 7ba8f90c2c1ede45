package org.touchpoints.register.api.procedure;

import static org.touchpoints.register.api.change.ChangeReason.CHANNEL_CHANGED;
import static org.touchpoints.register.api.change.ChangeReason.NEEDS_CHANGED;
import static org.touchpoints.register.api.change.ChangeReason.NEW_TOUCHPOINT;
import static org.touchpoints.register.api.change.ChangeReason.PROCESS_REGISTRY_CHANGED;
import static org.touchpoints.register.api.change.ChangeReason.TOUCHPOINT_EXCLUDED;
import static org.touchpoints.register.api.change.ChangeReason.TOUCHPOINT_TYPE_CHANGED;
import static org.touchpoints.register.api.procedure.ProcedureStep.DEPUTY;
import static org.touchpoints.register.api.procedure.ProcedureStep.DIVISION_HEAD;
import static org.touchpoints.register.api.procedure.ProcedureStep.HEAD_OF_AUTHORITY;
import static org.touchpoints.register.api.procedure.ProcedureStep.RESPONSIBLE;
import static org.touchpoints.register.api.row.Channel.DIGITAL;
import static org.touchpoints.register.api.row.Channel.OFFLINE;

import java.util.ArrayList;
import java.util.List;
import org.touchpoints.register.api.row.Template;

/**
 * The procedures of the five seed authorities (../shared/seeds/000…004), each field from the clause named beside
 * it. A preset also suggests the register's time zone, template and calendar region.
 */
public enum ProcedurePreset {
    /** 000: ГЖИ Смоленской области. */
    SMOLENSK_GZHI("Europe/Moscow", Template.SIX_COLUMN, null),
    /** 001: Минстрой Республики Дагестан. */
    DAGESTAN_MINSTROY("Europe/Moscow", Template.SIX_COLUMN, "RU-DA"),
    /** 002: Служба жилищного надзора Астраханской области. */
    ASTRAKHAN_GZHN("Europe/Astrakhan", Template.SIX_COLUMN, null),
    /** 003: Инспекция государственного строительного надзора Новосибирской области. */
    NOVOSIBIRSK_GSN("Asia/Novosibirsk", Template.SIX_COLUMN, null),
    /** 004: Министерство промышленности и торговли Смоленской области. */
    SMOLENSK_MINPROMTORG("Europe/Moscow", Template.FIVE_COLUMN, null);

    private final String timeZone;
    private final Template template;
    private final String region;

    ProcedurePreset(String timeZone, Template template, String region) {
        this.timeZone = timeZone;
        this.template = template;
        this.region = region;
    }

    public String timeZone() {
        return timeZone;
    }

    public Template template() {
        return template;
    }

    /** The calendar region (regional non-working days), or null for the federal calendar alone. */
    public String region() {
        return region;
    }

    /**
     * The column headers of 003 §1.3 (Новосибирск), one per column of the six-column template: «Номер группы
     * процессов» and «Наименование группы процессов» where the template has «№» and «Направление деятельности».
     */
    public static final List<String> NOVOSIBIRSK_COLUMN_HEADERS = List.of(
            "Номер группы процессов",
            "Наименование группы процессов",
            "Наименование конкретного процесса",
            "Точка взаимодействия",
            "Осуществляемое взаимодействие с клиентом",
            "Особенности взаимодействия с клиентом");

    /**
     * Every field of the procedure, as the seed states it. Column headers: 003's own (§1.3, §1.4–1.6); the other
     * seeds' tables use their template's headers as they are (null: the headers of whichever template the register
     * has, so such a preset fits a register of either template).
     */
    public Procedure procedure() {
        Procedure procedure = switch (this) {
            case SMOLENSK_GZHI ->
                new Procedure(
                        this,
                        List.of(Initiator.DIVISION), // §3.2
                        List.of(DEPUTY), // §3.4
                        ApprovalActMode.OPTIONAL,
                        10,
                        DeadlineFrom.FINAL_APPROVAL, // §3.1
                        null,
                        // §2.7: nine, without «предоставление объектов для осмотра» (the methodology's 7)
                        needs(
                                new int[] {1, 2, 3, 4, 5, 6, 8, 9, 10},
                                "Получение информации",
                                "Получение консультации",
                                "Получение форм документов",
                                "Представление заявления, обращения, запроса, документов",
                                "Получение информации о ходе рассмотрения заявления, обращения, запроса, документов",
                                "Получение результата, ответа, разъяснения",
                                "Предоставление обратной связи",
                                "Получение результата рассмотрения обратной связи",
                                "Другие потребности клиента"),
                        List.of(
                                "Предоставление государственных услуг",
                                "Государственный контроль (надзор)",
                                "Рассмотрение обращений и запросов",
                                "Обеспечение доступа к информации о деятельности",
                                "Взаимодействие с внутренним клиентом",
                                "Организация взаимодействия с внутренним клиентом (сотрудником)",
                                "Взаимодействие с внутренним клиентом по вопросам информационно-технического обеспечения",
                                "Взаимодействие с внутренним клиентом по вопросам ведения бухгалтерского учета",
                                "Взаимодействие с внутренним клиентом по вопросам административно-хозяйственной деятельности"), // §2.6
                        List.of(PROCESS_REGISTRY_CHANGED, TOUCHPOINT_TYPE_CHANGED, NEEDS_CHANGED), // §3.3
                        List.of());
            case DAGESTAN_MINSTROY ->
                new Procedure(
                        this,
                        List.of(Initiator.DIVISION), // §3.2–3.3, §5.4
                        List.of(HEAD_OF_AUTHORITY), // §5.1: the minister
                        ApprovalActMode.OPTIONAL,
                        10,
                        DeadlineFrom.FINAL_APPROVAL, // §5.5 (second)
                        "12-31", // §5.5 (first)
                        needs(TEN_NEEDS), // §3.6
                        List.of(
                                "Предоставление государственных услуг",
                                "Осуществление государственного контроля (надзора)",
                                "Рассмотрение обращений и запросов",
                                "Обеспечение доступа к информации о деятельности Министерства",
                                "Организация отношений с внутренним клиентом (сотрудником)",
                                "Взаимодействие с клиентом по вопросам информационно-технического обеспечения",
                                "Взаимодействие с клиентом по вопросам ведения бухгалтерского учета",
                                "Взаимодействие с клиентом по вопросам осуществления административно-хозяйственной деятельности"), // §3.4
                        // §5.3: 1) processes; 2) «изменения точек взаимодействия» — a new, changed or excluded one;
                        // 3) needs; 4) channel
                        List.of(
                                PROCESS_REGISTRY_CHANGED,
                                NEW_TOUCHPOINT,
                                TOUCHPOINT_TYPE_CHANGED,
                                TOUCHPOINT_EXCLUDED,
                                NEEDS_CHANGED,
                                CHANNEL_CHANGED),
                        List.of(
                                type("internet", "Сеть Интернет", DIGITAL), // §4.1.1
                                type("site", "Официальный сайт Министерства, ЕПГУ", DIGITAL),
                                type("social", "Сообщества Министерства в социальных сетях", DIGITAL),
                                type("messenger", "Каналы и публичные чаты Министерства в мессенджерах", DIGITAL),
                                type("sed", "Система электронного документооборота (СЭД)", DIGITAL),
                                type("email", "Электронная почта Министерства", DIGITAL),
                                type("phone", "Телефонная связь", OFFLINE), // §4.1.2
                                type("office", "Кабинеты внутренних клиентов", OFFLINE),
                                type("workplace", "Рабочее место клиентов", OFFLINE),
                                type("journal", "Журнал заявок", OFFLINE),
                                type("personal", "Личное взаимодействие", OFFLINE)));
            case ASTRAKHAN_GZHN ->
                new Procedure(
                        this,
                        List.of(Initiator.RESPONSIBLE), // §3.2–3.3 (division heads inform, §5.4)
                        List.of(HEAD_OF_AUTHORITY), // §3.2, §5.1: the head of the service
                        ApprovalActMode.OPTIONAL,
                        null,
                        DeadlineFrom.FINAL_APPROVAL, // §5.1 document of its choosing; no deadline
                        null,
                        needs(TEN_NEEDS), // §3.7
                        List.of("Рассмотрение обращений и запросов"), // §1.1, the appendix: appeals only
                        List.of(TOUCHPOINT_TYPE_CHANGED, NEEDS_CHANGED), // §5.3
                        List.of());
            case NOVOSIBIRSK_GSN ->
                new Procedure(
                        this,
                        List.of(Initiator.DIVISION), // §4.2
                        List.of(DIVISION_HEAD, DEPUTY), // §4.3
                        ApprovalActMode.REQUIRED,
                        5,
                        DeadlineFrom.APPROVAL_ACT, // §4.4, §2.5; §3.1
                        null,
                        needs(TEN_NEEDS), // not stated: the methodology's ten (§1.2)
                        List.of(
                                "Государственный контроль (надзор)",
                                "Рассмотрение обращений и запросов",
                                "Обеспечение доступа к информации о деятельности инспекции",
                                "Взаимодействие с внутренним клиентом",
                                "Взаимодействие с внутренним клиентом по вопросам информационно-технического обеспечения",
                                "Взаимодействие с внутренним клиентом по вопросам ведения бухгалтерского учета",
                                "Взаимодействие с внутренним клиентом по вопросам осуществления административно-хозяйственной деятельности"), // §2.2
                        List.of(
                                PROCESS_REGISTRY_CHANGED,
                                TOUCHPOINT_TYPE_CHANGED,
                                NEEDS_CHANGED,
                                CHANNEL_CHANGED,
                                NEW_TOUCHPOINT,
                                TOUCHPOINT_EXCLUDED), // §4.1: exclusion, addition, edit of rows
                        List.of());
            case SMOLENSK_MINPROMTORG ->
                new Procedure(
                        this,
                        List.of(
                                Initiator.DIVISION,
                                Initiator.RESPONSIBLE), // §2.2 (divisions change, authorised persons include)
                        List.of(RESPONSIBLE), // §2.2.2: authorised persons verify
                        ApprovalActMode.REQUIRED,
                        10,
                        DeadlineFrom.APPROVAL_ACT, // §5.1 order of the ministry; §5.4
                        null,
                        // §2.6: nine; its first («в том числе о ходе рассмотрения») takes in the methodology's 5
                        needs(
                                new int[] {1, 2, 3, 4, 6, 7, 8, 9, 10},
                                "Получение информации, в том числе о ходе рассмотрения заявления, обращения, запроса, документов",
                                "Получение консультации",
                                "Получение форм документов",
                                "Представление заявления, обращения, запроса, документов",
                                "Получение результата, ответа, разъяснения",
                                "Предоставление объектов для осмотра (проверки)",
                                "Предоставление обратной связи",
                                "Получение результата рассмотрения обратной связи",
                                "Другие удовлетворяемые потребности клиента в рамках осуществляемого взаимодействия"),
                        List.of(), // five columns: no direction (§2.1, appendix 1)
                        List.of(NEW_TOUCHPOINT, TOUCHPOINT_TYPE_CHANGED, NEEDS_CHANGED, TOUCHPOINT_EXCLUDED), // §5.3
                        List.of(
                                type("site", "Официальный сайт Министерства", DIGITAL), // §4.1
                                type("email", "Электронная почта Министерства", DIGITAL),
                                type("social", "Сообщества Министерства в социальных сетях", DIGITAL),
                                type("vks", "Видеоконференцсвязь", DIGITAL),
                                type("ervk", "Единый реестр видов контроля", DIGITAL),
                                type("erknm", "ФГИС «Единый реестр контрольных (надзорных) мероприятий»", DIGITAL),
                                type("epgu", "Единый портал государственных услуг", DIGITAL),
                                type("phone", "Телефонная связь", OFFLINE), // §4.2
                                type("post", "Почта России", OFFLINE),
                                type("personal", "Личное взаимодействие", OFFLINE)));
        };
        // 000 §2.6 and 003 §2.3: «осуществление процесса несколькими структурными подразделениями предполагает
        // указание точек взаимодействия, исходя из выполняемых действий каждым подразделением в отдельности»;
        // 001, 002 and 004 say nothing of it: one division per process
        procedure = procedure.withSharedProcesses(this == SMOLENSK_GZHI || this == NOVOSIBIRSK_GSN);
        return this == NOVOSIBIRSK_GSN ? procedure.withColumnHeaders(NOVOSIBIRSK_COLUMN_HEADERS) : procedure;
    }

    private static final String[] TEN_NEEDS = {
        "Получение информации",
        "Получение консультации",
        "Получение форм документов",
        "Представление заявления, обращения, запроса, документов",
        "Получение информации о ходе рассмотрения заявления, обращения, запроса, документов",
        "Получение результата, ответа, разъяснения",
        "Предоставление объектов для осмотра (проверки)",
        "Предоставление обратной связи",
        "Получение результата рассмотрения обратной связи",
        "Другие удовлетворяемые потребности клиента"
    };

    private static List<Need> needs(String... titles) {
        return needs(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, titles);
    }

    /**
     * A register's needs. A code names the need as the methodology numbers its ten (so rows, imports and the free text
     * of «другие потребности», code 10, mean the same in every register); the list gives the needs the procedure has,
     * in its wording and its order (the numbers a person sees are the positions in it).
     */
    private static List<Need> needs(int[] codes, String... titles) {
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            needs.add(new Need(codes[i], titles[i]));
        }
        return List.copyOf(needs);
    }

    private static TouchpointType type(String code, String title, org.touchpoints.register.api.row.Channel channel) {
        return new TouchpointType(code, title, channel);
    }
}
