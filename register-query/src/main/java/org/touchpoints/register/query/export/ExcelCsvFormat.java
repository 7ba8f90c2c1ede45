package org.touchpoints.register.query.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.query.register.RegisterReadModel;

/**
 * The register as CSV for people who open it in Russian Excel ({@code format=csv-excel}): UTF-8 with a byte-order
 * mark (without it Excel reads the text as Windows-1251), «;» between cells (Russian Excel's list separator),
 * CRLF, the same cells as the canonical CSV and formula-looking cells made inert the same way. It is not the
 * canonical text whose SHA-256 a publication records: that stays {@link CsvFormat}, byte for byte.
 */
@Component
public class ExcelCsvFormat implements RegisterFileFormat {
    static final String BOM = "\uFEFF";
    static final char SEPARATOR = ';';

    @Override
    public String name() {
        return "csv-excel";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public String fileSuffix() {
        return "-excel";
    }

    @Override
    public String mediaType() {
        return "text/csv;charset=UTF-8";
    }

    @Override
    public byte[] write(RegisterReadModel.RegisterSummary register, List<RegisterRow> rows) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, register.headers());
        for (RegisterLayout.Line line : RegisterLayout.layOut(register.template(), rows)) {
            line(
                    out,
                    RegisterCsv.cells(register.template(), line).stream()
                            .map(RegisterCsv::inert)
                            .toList());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String quote(String cell) {
        String v = cell == null ? "" : cell;
        if (v.indexOf(SEPARATOR) >= 0
                || v.indexOf(',') >= 0
                || v.indexOf('"') >= 0
                || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
