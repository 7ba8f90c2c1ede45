package org.touchpoints.register.query.export;

import java.util.List;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.query.register.RegisterReadModel;

/** One file format the register can be exported in, laid out in the register's template. */
public interface RegisterFileFormat {
    /** The {@code format} parameter value and file extension, e.g. {@code csv}. */
    String name();

    /** The file name's extension; the format's name unless said otherwise. */
    default String extension() {
        return name();
    }

    /** Added to the file name before the extension, to tell variants of one extension apart. */
    default String fileSuffix() {
        return "";
    }

    String mediaType();

    /** @param rows the rows in entry order */
    byte[] write(RegisterReadModel.RegisterSummary register, List<RegisterRow> rows);

    /**
     * The same, naming the approving acts of the version's changes («приказом от дд.мм.гггг № …», seeds 000 and
     * 004) where the format has a place for them; by default it has none.
     */
    default byte[] write(RegisterReadModel.RegisterSummary register, List<RegisterRow> rows, List<String> approvals) {
        return write(register, rows);
    }
}
