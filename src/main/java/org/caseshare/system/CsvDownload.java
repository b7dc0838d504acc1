package org.caseshare.system;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;

/**
 * Every CSV export goes through here, so that no cell can run as a spreadsheet formula: one that
 * starts with {@code = + - @}, a tab or a carriage return gets a leading {@code '} (OWASP, CSV
 * injection). The download is an attachment that is never cached.
 */
public final class CsvDownload implements Closeable {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    private CsvDownload(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Sets the response's headers and writes the header row. */
    public static CsvDownload start(HttpServletResponse response, String fileName, String... header) throws IOException {
        return start(response, fileName, false, header);
    }

    /**
     * As {@link #start(HttpServletResponse, String, String...)}, first writing a byte order mark when
     * asked: Excel reads a CSV without one in the PC's own code page, and garbles names such as "Ysgol Gymraeg".
     */
    public static CsvDownload start(HttpServletResponse response, String fileName, boolean byteOrderMark, String... header) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Attachments.header(fileName));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStreamWriter writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        return new CsvDownload(new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).get()));
    }

    public void row(Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cell(cells[i]);
        }
        printer.printRecord(safe);
    }

    /** The cell as text, read as text by a spreadsheet; null stays null (an empty cell). */
    public static String cell(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
