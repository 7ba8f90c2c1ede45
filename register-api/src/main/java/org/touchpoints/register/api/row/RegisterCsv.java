package org.touchpoints.register.api.row;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical text of a register version: CSV (RFC 4180, CRLF, UTF-8) in the register's template.
 * The sha256 recorded in {@code Published} is the hash of exactly these bytes, so a downloaded CSV export of
 * a version can be checked against the event.
 */
public final class RegisterCsv {
    private RegisterCsv() {
    }

    /** The cells of one laid-out row in the template's columns. */
    public static List<String> cells(Template template, RegisterLayout.Line line) {
        RowContent c = line.row().content();
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(line.groupNo()));
        if (template == Template.SIX_COLUMN) {
            cells.add(c.direction());
        }
        cells.add(c.process());
        cells.add(touchpointCell(c.touchpoint()));
        cells.add(c.interaction());
        cells.add(c.features());
        return cells;
    }

    public static String touchpointCell(Touchpoint t) {
        if (t.address() == null || t.address().isBlank()) {
            return t.name();
        }
        return t.name() + " " + t.address();
    }

    public static byte[] render(Template template, List<RegisterRow> rowsInEntryOrder) {
        StringBuilder out = new StringBuilder();
        appendLine(out, template.headers());
        for (RegisterLayout.Line line : RegisterLayout.layOut(rowsInEntryOrder)) {
            appendLine(out, cells(template, line));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void appendLine(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String quote(String cell) {
        String v = cell == null ? "" : cell;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
