package org.touchpoints.register.command.register;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.procedure.ApprovalActMode;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.procedure.DeadlineFrom;
import org.touchpoints.register.api.procedure.Need;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.procedure.TouchpointType;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.row.TouchpointNames;
import org.touchpoints.register.api.rule.FieldError;

/**
 * The rules of a register's own procedure: what makes a procedure complete and coherent, and what it binds (the
 * reasons, needs and directions a change may use, the order an approval may name, the annual monitoring).
 */
public final class ProcedureRules {
    public static final String PROCEDURE_IS_VALID = "procedureIsValid";
    public static final String ROW_FITS_THE_PROCEDURE = "rowFitsTheProcedure";
    public static final String TOUCHPOINT_TYPE_FITS_ITS_CHANNEL = "touchpointTypeFitsItsChannel";
    /** Publication deadlines a procedure may set, in working days. */
    public static final int MIN_DEADLINE = 1;

    public static final int MAX_DEADLINE = 30;
    /** The longest column header a procedure may give. */
    public static final int MAX_COLUMN_HEADER = 200;

    private static final Pattern ANNUAL_DATE = Pattern.compile("\\d{2}-\\d{2}");
    private static final Pattern TYPE_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private ProcedureRules() {}

    /**
     * procedureIsValid: every field given; initiators named, each once (initiatorsEachOnce); approval steps each at
     * most once (stepsEachAtMostOnce); a deadline of 1–30 working days or none (deadlineIsOneToThirtyWorkingDays);
     * counting from an act only where an act is required (deadlineFromAnActOnlyWhereOneIsRequired); the annual
     * monitoring date a real MM-DD (annualReviewDateIsValid); needs 1..n with distinct codes and titles
     * (needsAreAClosedList); directions distinct; reasons named, each once; touchpoint types with distinct codes
     * and a channel each; column headers, when given, one per column of the template, each 1–200 characters without
     * control characters (columnHeadersFitTheTemplate).
     */
    public static List<FieldError> procedureIsValid(Procedure p, String prefix) {
        return procedureIsValid(p, null, prefix);
    }

    /** {@link #procedureIsValid(Procedure, String)} for a register in {@code template} (null: headers' count unchecked). */
    public static List<FieldError> procedureIsValid(Procedure p, Template template, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (p == null) {
            errors.add(new FieldError(prefix, "Укажите порядок ведения перечня"));
            return errors;
        }
        if (p.initiators() == null || p.initiators().isEmpty() || p.initiators().contains(null)) {
            errors.add(new FieldError(
                    prefix + ".initiators", "Укажите, кто инициирует изменения: DIVISION и (или) RESPONSIBLE"));
        } else if (new HashSet<>(p.initiators()).size() != p.initiators().size()) {
            errors.add(new FieldError(prefix + ".initiators", "Инициаторы не должны повторяться"));
        }
        if (p.approvalSteps() == null || p.approvalSteps().contains(null)) {
            errors.add(
                    new FieldError(
                            prefix + ".approvalSteps",
                            "Укажите шаги согласования: DIVISION_HEAD, RESPONSIBLE, DEPUTY, HEAD_OF_AUTHORITY (список может быть пустым)"));
        } else if (new HashSet<>(p.approvalSteps()).size() != p.approvalSteps().size()) {
            errors.add(new FieldError(
                    prefix + ".approvalSteps", "Каждый шаг согласования указывается не более одного раза"));
        }
        if (p.approvalAct() == null) {
            errors.add(new FieldError(
                    prefix + ".approvalAct",
                    "Укажите, утверждаются ли изменения приказом: NONE, OPTIONAL или REQUIRED"));
        }
        if (p.deadlineWorkingDays() != null
                && (p.deadlineWorkingDays() < MIN_DEADLINE || p.deadlineWorkingDays() > MAX_DEADLINE)) {
            errors.add(new FieldError(
                    prefix + ".deadlineWorkingDays", "Срок публикации: от 1 до 30 рабочих дней либо не задан"));
        }
        if (p.deadlineFrom() == null) {
            errors.add(new FieldError(
                    prefix + ".deadlineFrom", "Укажите, от чего считается срок: FINAL_APPROVAL или APPROVAL_ACT"));
        } else if (p.deadlineFrom() == DeadlineFrom.APPROVAL_ACT
                && p.approvalAct() != null
                && p.approvalAct() != ApprovalActMode.REQUIRED) {
            errors.add(new FieldError(
                    prefix + ".deadlineFrom",
                    "Срок от даты приказа считается, только если приказ обязателен (approvalAct: REQUIRED)"));
        }
        if (p.annualReviewBy() != null && !annualDate(p.annualReviewBy())) {
            errors.add(new FieldError(
                    prefix + ".annualReviewBy", "Срок ежегодного мониторинга: дата в виде ММ-ДД, например 12-31"));
        }
        if (p.needs() == null || p.needs().isEmpty() || p.needs().size() > 30) {
            errors.add(new FieldError(prefix + ".needs", "Укажите перечень потребностей клиента (от 1 до 30)"));
        } else {
            Set<Integer> codes = new HashSet<>();
            for (int i = 0; i < p.needs().size(); i++) {
                Need n = p.needs().get(i);
                if (n == null || n.code() == null || n.code() < 1 || n.code() > 99 || !codes.add(n.code())) {
                    errors.add(new FieldError(
                            prefix + ".needs[" + i + "].code", "Коды потребностей — разные числа от 1 до 99"));
                }
                if (n != null) {
                    InputText.check(
                            errors,
                            prefix + ".needs[" + i + "].title",
                            "Наименование потребности",
                            n.title(),
                            true,
                            500);
                }
            }
        }
        if (p.directions() == null) {
            errors.add(new FieldError(
                    prefix + ".directions", "Укажите направления деятельности (список может быть пустым)"));
        } else {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < p.directions().size(); i++) {
                InputText.check(
                        errors,
                        prefix + ".directions[" + i + "]",
                        "Направление деятельности",
                        p.directions().get(i),
                        true,
                        300);
                if (!Text.isBlank(p.directions().get(i))
                        && !keys.add(Text.key(p.directions().get(i)))) {
                    errors.add(new FieldError(
                            prefix + ".directions[" + i + "]", "Направления деятельности не должны повторяться"));
                }
            }
        }
        if (p.reasons() == null || p.reasons().isEmpty() || p.reasons().contains(null)) {
            errors.add(new FieldError(prefix + ".reasons", "Укажите основания актуализации перечня"));
        } else if (new HashSet<>(p.reasons()).size() != p.reasons().size()) {
            errors.add(new FieldError(prefix + ".reasons", "Основания не должны повторяться"));
        }
        if (p.touchpointTypes() == null) {
            errors.add(new FieldError(
                    prefix + ".touchpointTypes", "Укажите типы точек взаимодействия (список может быть пустым)"));
        } else {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < p.touchpointTypes().size(); i++) {
                TouchpointType t = p.touchpointTypes().get(i);
                String at = prefix + ".touchpointTypes[" + i + "]";
                if (t == null
                        || t.code() == null
                        || !TYPE_CODE.matcher(t.code()).matches()
                        || !codes.add(t.code())) {
                    errors.add(new FieldError(
                            at + ".code", "Коды типов точек — разные, латинские строчные буквы и цифры"));
                }
                if (t != null) {
                    InputText.check(errors, at + ".title", "Наименование типа точки", t.title(), true, 300);
                    if (t.channel() == null) {
                        errors.add(new FieldError(at + ".channel", "Укажите канал типа точки: DIGITAL или OFFLINE"));
                    }
                }
            }
        }
        if (p.columnHeaders() != null) {
            if (template != null
                    && p.columnHeaders().size() != template.headers().size()) {
                errors.add(new FieldError(
                        prefix + ".columnHeaders",
                        "Заголовков столбцов должно быть столько же, сколько столбцов в шаблоне перечня: "
                                + template.headers().size()));
            }
            for (int i = 0; i < p.columnHeaders().size(); i++) {
                InputText.check(
                        errors,
                        prefix + ".columnHeaders[" + i + "]",
                        "Заголовок столбца",
                        p.columnHeaders().get(i),
                        true,
                        MAX_COLUMN_HEADER);
            }
        }
        return errors;
    }

    private static boolean annualDate(String s) {
        if (!ANNUAL_DATE.matcher(s).matches()) {
            return false;
        }
        try {
            MonthDay.parse("--" + s);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The procedure as recorded: texts trimmed. Null stays null (today's procedure). */
    static Procedure cleaned(Procedure p) {
        if (p == null) {
            return null;
        }
        return new Procedure(
                p.preset(),
                p.initiators(),
                p.approvalSteps(),
                p.approvalAct(),
                p.deadlineWorkingDays(),
                p.deadlineFrom(),
                p.annualReviewBy(),
                p.needs().stream()
                        .map(n -> new Need(n.code(), Text.clean(n.title())))
                        .toList(),
                p.directions().stream().map(Text::clean).toList(),
                p.reasons(),
                p.touchpointTypes().stream()
                        .map(t -> new TouchpointType(t.code(), Text.clean(t.title()), t.channel()))
                        .toList(),
                p.columnHeaders() == null
                        ? null
                        : p.columnHeaders().stream().map(Text::clean).toList(),
                p.sharedProcesses());
    }

    /** A change states a ground its procedure allows (000 §3.3, 001 §5.3, 002 §5.3, 004 §5.3). */
    static void reasonIsAllowedByTheProcedure(Procedure procedure, ChangeReason reason) {
        if (!procedure.reasons().contains(reason)) {
            throw Violations.invalid(
                    "reasonIsAllowedByTheProcedure",
                    "Основание «" + reason.title() + "» не предусмотрено порядком ведения этого перечня",
                    List.of(new FieldError(
                            "reason",
                            "Допустимые основания: "
                                    + String.join(
                                            "; ",
                                            procedure.reasons().stream()
                                                    .map(ChangeReason::title)
                                                    .toList()))));
        }
    }

    /**
     * rowFitsTheProcedure: the row's needs are in the register's list, its direction is one of the register's
     * directions (when the register has directions).
     */
    public static List<FieldError> rowFitsTheProcedure(Procedure procedure, RowContent row, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (row.needs() != null) {
            for (Integer code : row.needs()) {
                if (code != null && procedure.needTitle(code).isEmpty()) {
                    errors.add(new FieldError(
                            prefix + ".needs",
                            "Потребность «" + code
                                    + "» не входит в перечень потребностей этого органа власти (коды "
                                    + procedure.needs().stream()
                                            .map(n -> String.valueOf(n.code()))
                                            .reduce((a, b) -> a + ", " + b)
                                            .orElse("")
                                    + ")"));
                }
            }
        }
        if (!procedure.directions().isEmpty()
                && !Text.isBlank(row.direction())
                && procedure.directions().stream().noneMatch(d -> Text.key(d).equals(Text.key(row.direction())))) {
            errors.add(new FieldError(
                    prefix + ".direction",
                    "Направление «" + row.direction() + "» не входит в направления деятельности этого органа власти"));
        }
        return errors;
    }

    /**
     * touchpointTypeFitsItsChannel (001 §4.1, 004 §4), where the procedure lists touchpoint types: a row's type is one
     * of them, and the row's channel is the type's channel; a row without a type is read by its name as the importer
     * reads it, and a phone line is an offline touchpoint, never a digital one.
     */
    public static List<FieldError> touchpointTypeFitsItsChannel(Procedure procedure, RowContent row, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        Touchpoint t = row.touchpoint();
        if (t == null || procedure.touchpointTypes().isEmpty()) {
            return errors;
        }
        if (!Text.isBlank(t.type())) {
            String code = t.type().strip();
            Optional<TouchpointType> type = procedure.touchpointTypes().stream()
                    .filter(x -> x.code().equals(code))
                    .findFirst();
            if (type.isEmpty()) {
                errors.add(new FieldError(
                        prefix + ".touchpoint.type",
                        "Тип точки «" + code
                                + "» не предусмотрен порядком ведения этого перечня (типы: "
                                + String.join(
                                        ", ",
                                        procedure.touchpointTypes().stream()
                                                .map(x -> x.code() + " «" + x.title() + "»")
                                                .toList())
                                + ")"));
            } else if (t.channel() != null && t.channel() != type.get().channel()) {
                String what = TouchpointNames.isPhoneLine(type.get().title())
                        ? "Телефон"
                        : "«" + type.get().title() + "»";
                errors.add(new FieldError(
                        prefix + ".touchpoint.channel",
                        what + " — " + channelTitle(type.get().channel()) + ": тип точки «"
                                + type.get().title() + "» не допускает канал «"
                                + t.channel().title() + "»"));
            }
        } else if (t.channel() == Channel.DIGITAL && TouchpointNames.isPhoneLine(t.name())) {
            errors.add(new FieldError(
                    prefix + ".touchpoint.channel",
                    "Телефон — офлайн-точка: «" + t.name()
                            + "» не может быть цифровой точкой по порядку ведения этого перечня"));
        }
        return errors;
    }

    private static String channelTitle(Channel c) {
        return c == Channel.DIGITAL ? "цифровая точка" : "офлайн-точка";
    }

    /**
     * An order (number, date) is named at an approval only where the procedure takes one there: at the step that puts
     * the change into the register, when the act is optional. A required act is recorded on its own.
     */
    static void orderOnlyWhereTheProcedureTakesIt(
            ApprovalChain chain, boolean entersRegister, String orderNumber, LocalDate orderDate) {
        if (orderNumber == null && orderDate == null) {
            return;
        }
        if (entersRegister && chain.approvalAct() == ApprovalActMode.OPTIONAL) {
            return;
        }
        String message = chain.actRequired()
                ? "Приказ об утверждении вносится отдельным шагом после согласования (POST /registers/{id}/approval-acts)"
                : "Порядок ведения этого перечня не предусматривает приказа на этом шаге";
        throw Violations.invalid(
                "orderOnlyWhereTheProcedureTakesIt", message, List.of(new FieldError("orderNumber", message)));
    }

    /** Annual monitoring is confirmed only in a register whose procedure has it (001 §5.5). */
    static void annualReviewIsPartOfTheProcedure(Procedure procedure) {
        if (procedure.annualReviewBy() == null) {
            throw Violations.conflict(
                    "annualReviewIsPartOfTheProcedure",
                    "Порядок ведения этого перечня не предусматривает ежегодного мониторинга");
        }
    }
}
