package org.caseshare.oversight;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caseshare.oversight.OversightReport.Figure;
import org.caseshare.oversight.OversightReport.Month;
import org.caseshare.oversight.OversightReport.Table;

/**
 * The figures as an XLSX workbook: a sheet saying what the period is, then one sheet per table.
 * Streaming (SXSSF), so a long list of recipient organisations never sits in memory whole; every
 * label is written as a text cell, which a spreadsheet never runs as a formula.
 */
final class OversightWorkbook {

    private OversightWorkbook() {
    }

    static void write(OversightReport report, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            Sheet about = workbook.createSheet("Period");
            row(about, 0, "Period from", report.from().toString());
            row(about, 1, "Period to", report.to().toString());
            row(about, 2, "Compared with the period from", report.previousFrom().toString());
            row(about, 3, "Compared with the period to", report.previousTo().toString());
            row(about, 4, "Made at (UTC)", report.generatedAt().toString());
            for (Table table : report.tables()) {
                Sheet sheet = workbook.createSheet(table.id());
                row(sheet, 0, table.title());
                if (table.compared()) {
                    row(sheet, 1, "Figure", "This period", "Period before", "Note");
                } else {
                    row(sheet, 1, "Figure", "Now", "Note");
                }
                int at = 2;
                for (Figure f : table.figures()) {
                    Row row = sheet.createRow(at++);
                    row.createCell(0).setCellValue(f.label());
                    row.createCell(1).setCellValue(f.current());
                    if (table.compared()) {
                        row.createCell(2).setCellValue(f.previous() == null ? 0 : f.previous());
                        if (f.note() != null) {
                            row.createCell(3).setCellValue(f.note());
                        }
                    } else if (f.note() != null) {
                        row.createCell(2).setCellValue(f.note());
                    }
                }
            }
            Sheet trend = workbook.createSheet("trend");
            row(trend, 0, "Month", "Records");
            List<Month> months = report.trend();
            for (int i = 0; i < months.size(); i++) {
                Row row = trend.createRow(i + 1);
                row.createCell(0).setCellValue(months.get(i).month().toString());
                row.createCell(1).setCellValue(months.get(i).records());
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void row(Sheet sheet, int at, String... cells) {
        Row row = sheet.createRow(at);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }
}
