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
 * a version can be checked against the event. A cell that a spreadsheet would take for a formula is made inert
 * ({@link #inert}); versions published before that rule are still recognised ({@link #renderWithoutFormulaGuard}).
 */
public final class RegisterCsv {
    private RegisterCsv() {}

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
        return render(template, RegisterLayout.layOut(template, rowsInEntryOrder), true);
    }

    /**
     * Whether {@code sha256} is the hash of these rows' canonical text as it is rendered now, or as a version published
     * earlier rendered it: before cells were made inert ({@link #renderWithoutFormulaGuard}), or, for a five-column
     * register, before its processes were numbered as the authority numbered them
     * ({@link RegisterLayout#layOutByDirectionRank}).
     */
    public static boolean isTheHashOf(String sha256, Template template, List<RegisterRow> rowsInEntryOrder) {
        if (sha256 == null) {
            return false;
        }
        List<RegisterLayout.Line> now = RegisterLayout.layOut(template, rowsInEntryOrder);
        if (sha256.equals(sha256(render(template, now, true))) || sha256.equals(sha256(render(template, now, false)))) {
            return true;
        }
        if (template != Template.FIVE_COLUMN) {
            return false;
        }
        List<RegisterLayout.Line> before = RegisterLayout.layOutByDirectionRank(rowsInEntryOrder);
        return sha256.equals(sha256(render(template, before, true)))
                || sha256.equals(sha256(render(template, before, false)));
    }

    /**
     * The canonical text of a published version, as it was published: for a five-column version published before its
     * processes were numbered as the authority numbered them, the text laid out by direction
     * ({@link RegisterLayout#layOutByDirectionRank}) when that is the text whose hash {@code sha256} the version recorded;
     * otherwise {@link #render}.
     */
    public static byte[] renderAsPublished(Template template, List<RegisterRow> rowsInEntryOrder, String sha256) {
        byte[] now = render(template, rowsInEntryOrder);
        if (template != Template.FIVE_COLUMN || sha256 == null || sha256.equals(sha256(now))) {
            return now;
        }
        byte[] before = render(template, RegisterLayout.layOutByDirectionRank(rowsInEntryOrder), true);
        return sha256.equals(sha256(before)) ? before : now;
    }

    /**
     * The canonical text as it was rendered before cells were made inert: a version published then has the hash
     * of these bytes. Only for checking such versions; differs from {@link #render} only where a cell starts
     * like a formula.
     */
    public static byte[] renderWithoutFormulaGuard(Template template, List<RegisterRow> rowsInEntryOrder) {
        return render(template, RegisterLayout.layOut(template, rowsInEntryOrder), false);
    }

    private static byte[] render(Template template, List<RegisterLayout.Line> lines, boolean guard) {
        StringBuilder out = new StringBuilder();
        appendLine(out, template.headers(), false);
        for (RegisterLayout.Line line : lines) {
            appendLine(out, cells(template, line), guard);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A cell that a spreadsheet would take for a formula — its first character, after any apostrophes, is one of
     * {@code = + - @}, a tab or a carriage return — gets one more apostrophe in front, so opening the file in
     * Excel or LibreOffice runs nothing (OWASP, "CSV injection"). {@link #restored} takes exactly that
     * apostrophe off again, so the text survives a round trip unchanged.
     */
    public static String inert(String cell) {
        return startsLikeAFormula(cell) ? "'" + cell : cell;
    }

    /** The cell's text before {@link #inert}: for reading a CSV this class (or a spreadsheet following OWASP) wrote. */
    public static String restored(String cell) {
        return cell != null && cell.startsWith("'") && startsLikeAFormula(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean startsLikeAFormula(String cell) {
        if (cell == null) {
            return false;
        }
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i < cell.length() && "=+-@\t\r".indexOf(cell.charAt(i)) >= 0;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void appendLine(StringBuilder out, List<String> cells, boolean guard) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(guard ? inert(cells.get(i)) : cells.get(i)));
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
