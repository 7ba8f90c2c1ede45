package org.touchpoints.register.command.register;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.touchpoints.register.api.row.ClientNeed;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.FieldError;

/** What makes a row complete, and how a complete row is normalised before it is recorded. */
public final class RowRules {
    public static final String ROW_IS_COMPLETE = "rowIsComplete";
    public static final String TEXT_HAS_NO_INVISIBLE_CHARACTERS = "textHasNoInvisibleCharacters";
    public static final String DIRECTION_FOLLOWS_THE_PROCESS = "directionFollowsTheProcess";

    private RowRules() {}

    /**
     * rowIsComplete: direction, process, touchpoint name and channel present; needs non-empty, from the
     * closed list 1–10, without repeats; texts of sane length without control characters.
     */
    public static List<FieldError> rowIsComplete(RowContent row, String prefix) {
        return rowIsComplete(row, prefix, Template.SIX_COLUMN);
    }

    /**
     * {@link #rowIsComplete(RowContent, String)} in the register's template: the five-column template has no
     * direction column (seed 004), so there the direction is optional.
     */
    public static List<FieldError> rowIsComplete(RowContent row, String prefix, Template template) {
        List<FieldError> errors = new ArrayList<>();
        if (row == null) {
            errors.add(new FieldError(prefix, "Не указана строка перечня"));
            return errors;
        }
        InputText.check(
                errors,
                prefix + ".direction",
                "Направление деятельности",
                row.direction(),
                template != Template.FIVE_COLUMN,
                300);
        InputText.check(errors, prefix + ".process", "Наименование процесса", row.process(), true, 1000);
        Touchpoint t = row.touchpoint();
        if (t == null) {
            errors.add(new FieldError(prefix + ".touchpoint", "Не указана точка взаимодействия"));
        } else {
            InputText.check(errors, prefix + ".touchpoint.name", "Точка взаимодействия", t.name(), true, 500);
            InputText.check(
                    errors, prefix + ".touchpoint.address", "Адрес точки взаимодействия", t.address(), false, 1000);
            InputText.check(errors, prefix + ".touchpoint.type", "Тип точки взаимодействия", t.type(), false, 32);
            if (t.channel() == null) {
                errors.add(new FieldError(prefix + ".touchpoint.channel", "Укажите канал: цифровая или офлайн-точка"));
            }
        }
        if (row.needs() == null || row.needs().isEmpty()) {
            errors.add(new FieldError(prefix + ".needs", "Укажите хотя бы одну удовлетворяемую потребность клиента"));
        } else {
            for (Integer code : row.needs()) {
                if (code == null || ClientNeed.ofCode(code).isEmpty()) {
                    errors.add(new FieldError(
                            prefix + ".needs",
                            "Потребность «" + code + "» не входит в перечень (допустимы коды от 1 до 10)"));
                }
            }
            if (new LinkedHashSet<>(row.needs()).size() != row.needs().size()) {
                errors.add(new FieldError(prefix + ".needs", "Потребности клиента не должны повторяться"));
            }
        }
        InputText.check(errors, prefix + ".otherNeed", "Другие потребности", row.otherNeed(), false, 1000);
        InputText.check(
                errors, prefix + ".interaction", "Осуществляемое взаимодействие", row.interaction(), false, 4000);
        InputText.check(errors, prefix + ".features", "Особенности взаимодействия", row.features(), false, 2000);
        InputText.check(errors, prefix + ".division", "Подразделение", row.division(), false, 64);
        return errors;
    }

    /**
     * textHasNoInvisibleCharacters: no text of the row holds an invisible format character (zero-width space or
     * joiner, bidi control, U+2060–U+2064, byte order mark, soft hyphen: {@link Identity#hasInvisibleCharacters}).
     * Such text looks like another row's and is not: refused, so what the register shows is what it compares.
     */
    public static List<FieldError> textHasNoInvisibleCharacters(RowContent row, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (row == null) {
            return errors;
        }
        Touchpoint t = row.touchpoint();
        invisible(errors, prefix + ".direction", "Направление деятельности", row.direction());
        invisible(errors, prefix + ".process", "Наименование процесса", row.process());
        invisible(errors, prefix + ".touchpoint.name", "Точка взаимодействия", t == null ? null : t.name());
        invisible(errors, prefix + ".touchpoint.address", "Адрес точки взаимодействия", t == null ? null : t.address());
        invisible(errors, prefix + ".otherNeed", "Другие потребности", row.otherNeed());
        invisible(errors, prefix + ".interaction", "Осуществляемое взаимодействие", row.interaction());
        invisible(errors, prefix + ".features", "Особенности взаимодействия", row.features());
        invisible(errors, prefix + ".division", "Подразделение", row.division());
        return errors;
    }

    private static void invisible(List<FieldError> errors, String field, String label, String value) {
        if (Identity.hasInvisibleCharacters(value)) {
            errors.add(new FieldError(
                    field,
                    "Поле «" + label + "» содержит невидимые символы (пробел нулевой ширины, "
                            + "знаки направления письма или мягкий перенос): удалите их — с ними текст выглядит как другой, "
                            + "но при сравнении отличается"));
        }
    }

    /**
     * directionFollowsTheProcess: a process stands in one direction of activity (one group of the published register,
     * 000 §2.6): a row of a process the register already has takes that process's direction. {@code rows} are the
     * register's rows; {@code replacedRowId} (an edit's own row) does not count, so the only row of a process may
     * move it. A process whose rows already stand in several directions (older data) accepts any of them.
     */
    public static void directionFollowsTheProcess(
            Map<String, RowContent> rows, RowContent proposed, String replacedRowId) {
        String process = Identity.name(proposed.process());
        Set<String> directions = new LinkedHashSet<>();
        Set<String> keys = new HashSet<>();
        rows.forEach((rowId, row) -> {
            if (!rowId.equals(replacedRowId) && Identity.name(row.process()).equals(process)) {
                directions.add(row.direction());
                keys.add(Text.key(row.direction()));
            }
        });
        if (!directions.isEmpty() && !keys.contains(Text.key(proposed.direction()))) {
            String expected = String.join(
                    ", ", directions.stream().map(d -> "«" + d + "»").toList());
            throw Violations.invalid(
                    DIRECTION_FOLLOWS_THE_PROCESS,
                    "Процесс «" + proposed.process() + "» относится к направлению " + expected
                            + ": направление строки определяется её процессом",
                    List.of(new FieldError(
                            "row.direction", "Для этого процесса направление деятельности: " + expected)));
        }
    }

    /**
     * The row as recorded: texts trimmed, features defaulting to the channel's phrase, interaction defaulting
     * to the titles of the needs, the free text of need 10 defaulting to the interaction text, owned by
     * {@code division}.
     */
    public static RowContent normalise(RowContent row, String division) {
        return normalise(row, division, Template.SIX_COLUMN);
    }

    /**
     * {@link #normalise(RowContent, String)} in the register's template: a five-column row is recorded with its process
     * as the direction, as its import records it (the template has no direction column; each process is its own
     * group), whatever direction a client sent.
     */
    public static RowContent normalise(RowContent row, String division, Template template) {
        if (template == Template.FIVE_COLUMN) {
            row = new RowContent(
                    row.process(),
                    row.process(),
                    row.touchpoint(),
                    row.needs(),
                    row.otherNeed(),
                    row.interaction(),
                    row.features(),
                    row.division());
        }
        Touchpoint t = row.touchpoint();
        Touchpoint touchpoint = new Touchpoint(
                Text.clean(t.name()),
                t.channel(),
                Text.isBlank(t.address()) ? null : t.address().strip(),
                Text.isBlank(t.type()) ? null : t.type().strip());
        String interaction = Text.isBlank(row.interaction())
                ? row.needs().stream()
                        .map(c -> ClientNeed.ofCode(c).orElseThrow().title())
                        .collect(Collectors.joining(", "))
                : row.interaction().strip();
        String otherNeed = row.needs().contains(ClientNeed.OTHER.code())
                ? (Text.isBlank(row.otherNeed()) ? interaction : row.otherNeed().strip())
                : null;
        String features = Text.isBlank(row.features())
                ? t.channel().defaultFeatures()
                : row.features().strip();
        return new RowContent(
                Text.clean(row.direction()),
                Text.clean(row.process()),
                touchpoint,
                row.needs(),
                otherNeed,
                interaction,
                features,
                division);
    }
}
