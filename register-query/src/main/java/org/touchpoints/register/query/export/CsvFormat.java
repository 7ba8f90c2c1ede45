package org.touchpoints.register.query.export;

import java.util.List;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.query.register.RegisterReadModel;

/** The canonical CSV ({@link RegisterCsv}): the bytes whose hash a publication records. */
@Component
public class CsvFormat implements RegisterFileFormat {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv;charset=UTF-8";
    }

    @Override
    public byte[] write(RegisterReadModel.RegisterSummary register, List<RegisterRow> rows) {
        return RegisterCsv.render(register.template(), rows);
    }
}
