package org.touchpoints.register.query.change;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.query.register.RegisterReadModel;

/**
 * Explains, before a proposal is sent, that its touchpoint is already in the process (000 §2.8): in a row of the
 * register, or in another open proposal. It compares as the register's rule {@code oneTouchpointPerProcess} does
 * ({@link RowContent#touchpointKey()}); the register still decides when the proposal arrives.
 */
@Component
public class DuplicateTouchpoints {

    /** The explanation, and the row or change that already has the touchpoint. */
    public record Duplicate(String message, String rowId, String changeId) {}

    private final RegisterReadModel registers;
    private final ChangeReadModel changes;

    public DuplicateTouchpoints(RegisterReadModel registers, ChangeReadModel changes) {
        this.registers = registers;
        this.changes = changes;
    }

    /**
     * @param exceptRowId    the row an edit replaces (it may keep its own touchpoint)
     * @param exceptChangeId the proposal being written (a repeated submission is not its own duplicate)
     */
    public Optional<Duplicate> find(
            String registerId, String process, String name, String address, String exceptRowId, String exceptChangeId) {
        if (Text.isBlank(process) || Text.isBlank(name)) {
            return Optional.empty();
        }
        String key = new RowContent(null, process, new Touchpoint(name, null, address), null, null, null, null, null)
                .touchpointKey();
        for (RegisterLayout.Line line :
                RegisterLayout.layOut(registers.require(registerId).template(), registers.rows(registerId))) {
            RowContent row = line.row().content();
            if (!line.row().rowId().equals(exceptRowId) && row.touchpointKey().equals(key)) {
                return Optional.of(new Duplicate(
                        "Точка взаимодействия «" + describe(row.touchpoint())
                                + "» уже указана в процессе «" + row.process() + "» (группа № " + line.groupNo()
                                + " перечня). Одна точка указывается в процессе один раз: дополните потребности в существующей "
                                + "строке (ссылка «Изменить» на странице перечня).",
                        line.row().rowId(),
                        null));
            }
        }
        for (String status : List.of(ChangeStatus.INITIATED.name(), ChangeStatus.DIVISION_APPROVED.name())) {
            for (ChangeView c : changes.list(new ChangeReadModel.Filter(registerId, status, null, null, null))) {
                if (c.changeId().equals(exceptChangeId)) {
                    continue;
                }
                for (ChangeView.Operation op : c.operations()) { // every row a package proposes
                    if (op.after() != null && op.after().touchpointKey().equals(key)) {
                        return Optional.of(new Duplicate(
                                "Точка взаимодействия «" + describe(op.after().touchpoint())
                                        + "» в процессе «" + op.after().process()
                                        + "» уже предложена другим изменением, которое "
                                        + "сейчас на согласовании ("
                                        + ChangeStatus.valueOf(c.status())
                                                .title()
                                                .toLowerCase()
                                        + "). Одна точка указывается в процессе один раз.",
                                null,
                                c.changeId()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(Touchpoint t) {
        return Text.isBlank(t.address()) ? t.name() : t.name() + ", " + t.address();
    }
}
