package org.caseshare.oversight;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.audit.AuditEvent;
import org.caseshare.audit.AuditTrail;
import org.caseshare.oversight.OversightReport.Figure;
import org.caseshare.oversight.OversightReport.Table;
import org.caseshare.system.Actor;
import org.caseshare.system.Attachments;
import org.caseshare.system.CsvDownload;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** The figures taken away: every export audited with the format and the period, nothing else. */
@Component
class OversightExports {

    private final AuditTrail audit;

    OversightExports(AuditTrail audit) {
        this.audit = audit;
    }

    void audited(Actor caller, String format, OversightReport report) {
        audit.record(AuditEvent.success("oversight.exported", caller.actorId(), caller.organisationId(), "oversight")
                .with("format", format).with("from", report.from().toString()).with("to", report.to().toString()));
    }

    /** One CSV of every table, a row per figure (Power BI and Excel read it; the byte order mark tells Excel it is UTF-8). */
    void csv(Actor caller, OversightReport report, HttpServletResponse response) throws IOException {
        audited(caller, "csv", report);
        try (CsvDownload csv = CsvDownload.start(response, fileName(report, "csv"), true, "table", "figure", "period from", "period to",
                "count", "previous period from", "previous period to", "previous count", "note")) {
            for (Table table : report.tables()) {
                for (Figure f : table.figures()) {
                    csv.row(table.title(), f.label(), report.from(), report.to(), f.current(), table.compared() ? report.previousFrom() : null,
                            table.compared() ? report.previousTo() : null, f.previous(), f.note());
                }
            }
            for (OversightReport.Month month : report.trend()) {
                csv.row("Records by month", month.month(), month.month().atDay(1), month.month().atEndOfMonth(), month.records(), null, null,
                        null, null);
            }
        }
    }

    void xlsx(Actor caller, OversightReport report, HttpServletResponse response) throws IOException {
        audited(caller, "xlsx", report);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Attachments.header(fileName(report, "xlsx")));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OversightWorkbook.write(report, response.getOutputStream());
    }

    static String fileName(OversightReport report, String extension) {
        return "oversight-" + report.from() + "-to-" + report.to() + "." + extension;
    }
}
