package org.touchpoints.register.command.register;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.touchpoints.register.api.row.ClientNeed;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.FieldError;

/** What makes a row complete, and how a complete row is normalised before it is recorded. */
public final class RowRules {
    public static final String ROW_IS_COMPLETE = "rowIsComplete";
    public static final String DIRECTION_FOLLOWS_THE_PROCESS = "directionFollowsTheProcess";

    private RowRules() {
    }

    /**
     * rowIsComplete: direction, process, touchpoint name and channel present; needs non-empty, from the
     * closed list 1–10, without repeats; texts of sane length without control characters.
     */
    public static List<FieldError> rowIsComplete(RowContent row, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (row == null) {
            errors.add(new FieldError(prefix, "Не указана строка перечня"));
            return errors;
        }
        InputText.check(errors, prefix + ".direction", "Направление деятельности", row.direction(), true, 300);
        InputText.check(errors, prefix + ".process", "Наименование процесса", row.process(), true, 1000);
        Touchpoint t = row.touchpoint();
        if (t == null) {
            errors.add(new FieldError(prefix + ".touchpoint", "Не указана точка взаимодействия"));
        } else {
            InputText.check(errors, prefix + ".touchpoint.name", "Точка взаимодействия", t.name(), true, 500);
            InputText.check(errors, prefix + ".touchpoint.address", "Адрес точки взаимодействия", t.address(), false, 1000);
            if (t.channel() == null) {
                errors.add(new FieldError(prefix + ".touchpoint.channel",
                        "Укажите канал: цифровая или офлайн-точка"));
            }
        }
        if (row.needs() == null || row.needs().isEmpty()) {
            errors.add(new FieldError(prefix + ".needs", "Укажите хотя бы одну удовлетворяемую потребность клиента"));
        } else {
            for (Integer code : row.needs()) {
                if (code == null || ClientNeed.ofCode(code).isEmpty()) {
                    errors.add(new FieldError(prefix + ".needs", "Потребность «" + code
                            + "» не входит в перечень (допустимы коды от 1 до 10)"));
                }
            }
            if (new LinkedHashSet<>(row.needs()).size() != row.needs().size()) {
                errors.add(new FieldError(prefix + ".needs", "Потребности клиента не должны повторяться"));
            }
        }
        InputText.check(errors, prefix + ".otherNeed", "Другие потребности", row.otherNeed(), false, 1000);
        InputText.check(errors, prefix + ".interaction", "Осуществляемое взаимодействие", row.interaction(), false, 4000);
        InputText.check(errors, prefix + ".features", "Особенности взаимодействия", row.features(), false, 2000);
        InputText.check(errors, prefix + ".division", "Подразделение", row.division(), false, 64);
        return errors;
    }

    /**
     * directionFollowsTheProcess: a process stands in one direction of activity (one group of the published register,
     * 000 §2.6): a row of a process the register already has takes that process's direction. {@code rows} are the
     * register's rows; {@code replacedRowId} (an edit's own row) does not count, so the only row of a process may
     * move it. A process whose rows already stand in several directions (older data) accepts any of them.
     */
    public static void directionFollowsTheProcess(Map<String, RowContent> rows, RowContent proposed,
                                                  String replacedRowId) {
        String process = Text.key(proposed.process());
        Set<String> directions = new LinkedHashSet<>();
        Set<String> keys = new HashSet<>();
        rows.forEach((rowId, row) -> {
            if (!rowId.equals(replacedRowId) && Text.key(row.process()).equals(process)) {
                directions.add(row.direction());
                keys.add(Text.key(row.direction()));
            }
        });
        if (!directions.isEmpty() && !keys.contains(Text.key(proposed.direction()))) {
            String expected = String.join(", ", directions.stream().map(d -> "«" + d + "»").toList());
            throw Violations.invalid(DIRECTION_FOLLOWS_THE_PROCESS, "Процесс «" + proposed.process()
                    + "» относится к направлению " + expected + ": направление строки определяется её процессом",
                    List.of(new FieldError("row.direction", "Для этого процесса направление деятельности: " + expected)));
        }
    }

    /**
     * The row as recorded: texts trimmed, features defaulting to the channel's phrase, interaction defaulting
     * to the titles of the needs, the free text of need 10 defaulting to the interaction text, owned by
     * {@code division}.
     */
    public static RowContent normalise(RowContent row, String division) {
        Touchpoint t = row.touchpoint();
        Touchpoint touchpoint = new Touchpoint(Text.clean(t.name()), t.channel(),
                Text.isBlank(t.address()) ? null : t.address().strip());
        String interaction = Text.isBlank(row.interaction())
                ? row.needs().stream().map(c -> ClientNeed.ofCode(c).orElseThrow().title()).collect(Collectors.joining(", "))
                : row.interaction().strip();
        String otherNeed = row.needs().contains(ClientNeed.OTHER.code())
                ? (Text.isBlank(row.otherNeed()) ? interaction : row.otherNeed().strip())
                : null;
        String features = Text.isBlank(row.features()) ? t.channel().defaultFeatures() : row.features().strip();
        return new RowContent(Text.clean(row.direction()), Text.clean(row.process()), touchpoint, row.needs(),
                otherNeed, interaction, features, division);
    }
}
