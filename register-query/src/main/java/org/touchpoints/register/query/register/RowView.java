package org.touchpoints.register.query.register;

import java.util.List;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Touchpoint;

/** A row as the API shows it: numbered by its group as the register's template lays it out. */
public record RowView(
        String rowId,
        int groupNo,
        String direction,
        String process,
        Touchpoint touchpoint,
        List<Integer> needs,
        String otherNeed,
        String interaction,
        String features,
        String division) {

    public static List<RowView> of(List<RegisterRow> rowsInEntryOrder) {
        return of(Template.SIX_COLUMN, rowsInEntryOrder);
    }

    public static List<RowView> of(Template template, List<RegisterRow> rowsInEntryOrder) {
        return RegisterLayout.layOut(template, rowsInEntryOrder).stream()
                .map(line -> {
                    var c = line.row().content();
                    return new RowView(
                            line.row().rowId(),
                            line.groupNo(),
                            c.direction(),
                            c.process(),
                            c.touchpoint(),
                            c.needs(),
                            c.otherNeed(),
                            c.interaction(),
                            c.features(),
                            c.division());
                })
                .toList();
    }
}
