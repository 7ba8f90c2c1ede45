package org.touchpoints.register.query.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.query.register.RegisterReadModel;

/**
 * The register as a Word document for the authority's site: A4 landscape, a heading, and a table in the
 * authority's template with the № (and, six-column, the direction) cell merged over a group and the process
 * cell merged over a process (vertical merges). Cell text is written as plain runs.
 */
@Component
public class DocxFormat implements RegisterFileFormat {
    static final String HEADING = "Перечень точек взаимодействия";

    /** A4 landscape in twentieths of a point, 2 cm margins. */
    private static final int PAGE_WIDTH = 16838;

    private static final int PAGE_HEIGHT = 11906;
    private static final int MARGIN = 1134;
    private static final String BORDER_COLOR = "000000";

    @Override
    public String name() {
        return "docx";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }

    @Override
    public byte[] write(RegisterReadModel.RegisterSummary register, List<RegisterRow> rows) {
        return write(register, rows, List.of());
    }

    @Override
    public byte[] write(RegisterReadModel.RegisterSummary register, List<RegisterRow> rows, List<String> approvals) {
        Template template = register.template();
        List<String> headers = register.headers();
        List<RegisterLayout.Line> lines = RegisterLayout.layOut(template, rows);
        try (XWPFDocument doc = new XWPFDocument()) {
            XlsxFormat.fixProperties(doc.getProperties(), register.authority());

            if (!approvals.isEmpty()) {
                approved(doc, "УТВЕРЖДЕН");
                approvals.forEach(a -> approved(doc, XlsxFormat.text(a)));
            }
            heading(doc, XlsxFormat.text(register.authority()), 14);
            heading(doc, HEADING, 14);

            XWPFTable table = doc.createTable(1 + lines.size(), headers.size());
            layOutTable(table, template);
            XWPFTableRow headerRow = table.getRow(0);
            headerRow.setRepeatHeader(true);
            for (int c = 0; c < headers.size(); c++) {
                XWPFTableCell cell = headerRow.getCell(c);
                write(cell, headers.get(c), true, ParagraphAlignment.CENTER);
                cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            }
            for (int i = 0; i < lines.size(); i++) {
                List<String> cells = RegisterCsv.cells(template, lines.get(i));
                XWPFTableRow row = table.getRow(1 + i);
                for (int c = 0; c < cells.size(); c++) {
                    write(
                            row.getCell(c),
                            cells.get(c),
                            false,
                            c == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                }
            }
            for (XlsxFormat.MergedColumn column : XlsxFormat.mergedColumns(template)) {
                for (int[] run : XlsxFormat.runs(lines, column.key())) {
                    if (run[1] == run[0]) {
                        continue;
                    }
                    for (int i = run[0]; i <= run[1]; i++) {
                        XWPFTableCell cell = table.getRow(1 + i).getCell(column.index());
                        CTTcPr tcPr = cell.getCTTc().isSetTcPr()
                                ? cell.getCTTc().getTcPr()
                                : cell.getCTTc().addNewTcPr();
                        if (i == run[0]) {
                            tcPr.addNewVMerge().setVal(STMerge.RESTART);
                        } else {
                            // A continuation cell carries no text of its own: the merged cell shows the first one's.
                            tcPr.addNewVMerge().setVal(STMerge.CONTINUE);
                            write(cell, "", false, ParagraphAlignment.LEFT);
                        }
                    }
                }
            }
            landscape(doc);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return XlsxFormat.normalizeZip(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The «УТВЕРЖДЕН приказом …» block, at the right above the heading. */
    private static void approved(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        XWPFRun run = p.createRun();
        run.setFontSize(12);
        run.setText(text);
    }

    private static void heading(XWPFDocument doc, String text, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(120);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(size);
        run.setText(text);
    }

    /** Fixed layout across the page width, thin single borders everywhere. */
    private static void layOutTable(XWPFTable table, Template template) {
        int available = PAGE_WIDTH - 2 * MARGIN;
        int[] weights = XlsxFormat.widths(template);
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(Integer.toString(available));
        CTTblLayoutType layout = table.getCTTbl().getTblPr().isSetTblLayout()
                ? table.getCTTbl().getTblPr().getTblLayout()
                : table.getCTTbl().getTblPr().addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        int[] twips = new int[weights.length];
        for (int c = 0; c < weights.length; c++) {
            twips[c] = available * weights[c] / total;
            grid.addNewGridCol().setW(BigInteger.valueOf(twips[c]));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < row.getTableCells().size() && c < twips.length; c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidthType(TableWidthType.DXA);
                cell.setWidth(Integer.toString(twips[c]));
            }
        }
        XWPFTable.XWPFBorderType single = XWPFTable.XWPFBorderType.SINGLE;
        table.setTopBorder(single, 4, 0, BORDER_COLOR);
        table.setBottomBorder(single, 4, 0, BORDER_COLOR);
        table.setLeftBorder(single, 4, 0, BORDER_COLOR);
        table.setRightBorder(single, 4, 0, BORDER_COLOR);
        table.setInsideHBorder(single, 4, 0, BORDER_COLOR);
        table.setInsideVBorder(single, 4, 0, BORDER_COLOR);
    }

    /** The text as plain runs in the cell's paragraph, a line break of the text as a break. */
    private static void write(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment alignment) {
        while (cell.getParagraphs().size() > 1) {
            cell.removeParagraph(cell.getParagraphs().size() - 1);
        }
        XWPFParagraph p = cell.getParagraphs().isEmpty()
                ? cell.addParagraph()
                : cell.getParagraphs().get(0);
        while (!p.getRuns().isEmpty()) {
            p.removeRun(0);
        }
        p.setAlignment(alignment);
        p.setSpacingAfter(0);
        String[] lines = XlsxFormat.text(text).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = p.createRun();
            if (bold) {
                run.setBold(true);
            }
            run.setFontSize(10);
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }

    private static void landscape(XWPFDocument doc) {
        CTSectPr sectPr = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sectPr.isSetPgSz() ? sectPr.getPgSz() : sectPr.addNewPgSz();
        size.setOrient(STPageOrientation.LANDSCAPE);
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = sectPr.isSetPgMar() ? sectPr.getPgMar() : sectPr.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
        margins.setHeader(BigInteger.valueOf(708));
        margins.setFooter(BigInteger.valueOf(708));
        margins.setGutter(BigInteger.ZERO);
    }
}
