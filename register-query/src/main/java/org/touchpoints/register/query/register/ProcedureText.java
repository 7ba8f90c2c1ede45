package org.touchpoints.register.query.register;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.procedure.ApprovalActMode;
import org.touchpoints.register.api.procedure.DeadlineFrom;
import org.touchpoints.register.api.procedure.Initiator;
import org.touchpoints.register.api.procedure.Need;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.procedure.ProcedureStep;

/** A register's procedure in words, as the register page shows it (Russian). */
public final class ProcedureText {
    /** One statement of the procedure: what it is about, and what the procedure says. */
    public record Line(String id, String label, String text, List<String> items) {}

    private static final String[] MONTHS = {
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря"
    };

    private ProcedureText() {}

    public static List<Line> of(Procedure p) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(
                "procedure-initiators",
                "Изменения инициируют",
                p.initiators().stream()
                        .map(i -> i == Initiator.DIVISION
                                ? "специалисты подразделения, ответственного за процесс"
                                : "ответственные (уполномоченные) лица перечня")
                        .collect(Collectors.joining("; ")),
                List.of()));
        lines.add(new Line(
                "procedure-shared",
                "Процесс нескольких подразделений",
                p.processesMayBeShared()
                        ? "может вестись несколькими подразделениями: каждое указывает точки взаимодействия своих действий, "
                                + "изменения его строк согласует его руководитель"
                        : "каждый процесс ведёт одно подразделение",
                List.of()));
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < p.approvalSteps().size(); i++) {
            ProcedureStep s = p.approvalSteps().get(i);
            steps.add((i + 1) + ") " + s.title());
        }
        lines.add(new Line(
                "procedure-steps",
                "Согласование",
                steps.isEmpty() ? "не предусмотрено" : String.join("; ", steps),
                List.of()));
        lines.add(new Line(
                "procedure-act",
                "Приказ об утверждении",
                switch (p.approvalAct()) {
                    case NONE -> "не издаётся: изменение вносится в перечень после последнего согласования";
                    case OPTIONAL -> "по решению утверждающего: номер и дата приказа указываются при утверждении";
                    case REQUIRED ->
                        "обязателен: согласованные изменения вносятся в перечень приказом (один приказ может "
                                + "утвердить несколько изменений)";
                },
                List.of()));
        String deadline = p.deadlineWorkingDays() == null
                ? "не установлен"
                : p.deadlineWorkingDays() + " " + workingDays(p.deadlineWorkingDays()) + " "
                        + (p.deadlineFrom() == DeadlineFrom.APPROVAL_ACT
                                ? "со дня приказа об утверждении"
                                : p.approvalAct() == ApprovalActMode.REQUIRED
                                        ? "со дня последнего согласования"
                                        : "со дня утверждения изменения");
        lines.add(new Line("procedure-deadline", "Срок публикации актуальной редакции", deadline, List.of()));
        lines.add(new Line(
                "procedure-review",
                "Ежегодный мониторинг перечня",
                p.annualReviewBy() == null ? "не предусмотрен" : "ежегодно до " + day(p.annualReviewBy()),
                List.of()));
        lines.add(new Line(
                "procedure-needs",
                "Удовлетворяемые потребности клиента",
                "",
                numbered(p.needs().stream().map(Need::title).toList())));
        if (!p.directions().isEmpty()) {
            lines.add(new Line("procedure-directions", "Направления деятельности", "", numbered(p.directions())));
        }
        lines.add(new Line(
                "procedure-reasons",
                "Основания актуализации",
                "",
                numbered(p.reasons().stream().map(ChangeReason::title).toList())));
        if (!p.touchpointTypes().isEmpty()) {
            lines.add(new Line(
                    "procedure-types",
                    "Типы точек взаимодействия",
                    "",
                    p.touchpointTypes().stream()
                            .map(t -> t.title() + " — " + t.channel().title().toLowerCase())
                            .toList()));
        }
        return lines;
    }

    /** «31 декабря». */
    static String day(String monthDay) {
        MonthDay d = MonthDay.parse("--" + monthDay);
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1];
    }

    private static List<String> numbered(List<String> items) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            list.add((i + 1) + ". " + items.get(i));
        }
        return list;
    }

    private static String workingDays(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        return mod100 >= 11 && mod100 <= 14
                ? "рабочих дней"
                : mod10 == 1 ? "рабочий день" : mod10 >= 2 && mod10 <= 4 ? "рабочих дня" : "рабочих дней";
    }
}
