package org.caseshare.oversight;

import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The oversight figures as JSON for a council's own reporting tool (Power BI reads JSON): the same
 * report as the page, audited like every export. Dates are ISO ({@code 2026-03-31}); none means the last 30 days.
 */
@RestController
@RequestMapping(path = "/api/v1/reports", produces = "application/json")
class OversightApiController {

    private final OversightFigures figures;
    private final OversightExports exports;

    OversightApiController(OversightFigures figures, OversightExports exports) {
        this.figures = figures;
        this.exports = exports;
    }

    @Callers("DPOs, managers, organisation admins")
    @GetMapping("/oversight")
    OversightReport oversight(Actor caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        OversightAccess.require(caller);
        PeriodForm.Result result = PeriodForm.iso(from, to).read(figures.today());
        if (!result.valid()) {
            throw new ApiValidationException("The period is not valid", result.errors());
        }
        OversightReport report = figures.report(caller, result.period());
        exports.audited(caller, "json", report);
        return report;
    }
}
