package org.caseshare.oversight;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.caseshare.system.Actor;
import org.caseshare.system.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The oversight page: the figures for a period (GET, since it names no person), with the period
 * before beside them, charts, and the same figures to download. A bad date shows the error summary
 * and the figures of nothing until it is put right.
 */
@Controller
@RequestMapping("/oversight")
class OversightController {

    private final OversightFigures figures;
    private final OversightExports exports;
    private final OversightCharts charts;

    OversightController(OversightFigures figures, OversightExports exports, OversightCharts charts) {
        this.figures = figures;
        this.exports = exports;
        this.charts = charts;
    }

    @GetMapping
    String page(Actor caller, PeriodForm form, Model model) {
        OversightAccess.require(caller);
        PeriodForm.Result result = form.read(figures.today());
        model.addAttribute("form", form);
        FormErrors errors = FormErrors.none();
        result.problems().forEach(errors::add);
        model.addAttribute("errors", errors);
        if (result.valid()) {
            OversightReport report = figures.report(caller, result.period());
            model.addAttribute("report", report);
            model.addAttribute("charts", charts.draw(report));
        }
        return "oversight/dashboard";
    }

    @GetMapping("/figures.csv")
    void csv(Actor caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        exports.csv(caller, report(caller, from, to), response);
    }

    @GetMapping("/figures.xlsx")
    void xlsx(Actor caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        exports.xlsx(caller, report(caller, from, to), response);
    }

    private OversightReport report(Actor caller, String from, String to) {
        OversightAccess.require(caller);
        PeriodForm.Result result = PeriodForm.iso(from, to).read(figures.today());
        if (!result.valid()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, result.errors().values().iterator().next());
        }
        return figures.report(caller, result.period());
    }
}
