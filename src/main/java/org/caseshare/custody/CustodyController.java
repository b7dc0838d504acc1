package org.caseshare.custody;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.caseshare.system.RelatedNotices;
import org.caseshare.system.Actor;
import org.caseshare.system.FormErrors;
import org.caseshare.system.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The custody register's pages: the list, taking information off site, an item, and overdue items. */
@Controller
@RequestMapping("/custody")
class CustodyController {

    private final CustodyRegister register;
    private final Clock clock;

    private final List<RelatedNotices> notices;

    CustodyController(CustodyRegister register, Clock clock, List<RelatedNotices> notices) {
        this.register = register;
        this.clock = clock;
        this.notices = notices;
    }

    @GetMapping
    String list(Actor caller, Model model) {
        model.addAttribute("rows", views(caller, register.items(caller)));
        model.addAttribute("overdueCount", register.overdue(caller).size());
        model.addAttribute("oversees", CustodyRegister.oversees(caller));
        return "custody/list";
    }

    @GetMapping("/overdue")
    String overdue(Actor caller, Model model) {
        model.addAttribute("rows", views(caller, register.overdue(caller)));
        model.addAttribute("oversees", CustodyRegister.oversees(caller));
        return "custody/overdue";
    }

    @GetMapping("/new")
    String blank(Actor caller, @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String device,
            @RequestParam(defaultValue = "") String sharingRecord, Model model) {
        String chosen = kind.isBlank() && !device.isBlank() ? ItemKind.DEVICE.name() : kind;
        return form(caller, model, CustodyForms.Take.blank(chosen, device, sharingRecord), FormErrors.none());
    }

    @PostMapping("/new")
    String take(Actor caller, @ModelAttribute CustodyForms.Take form, Model model) {
        CustodyRegister.Outcome outcome = register.take(caller, form);
        if (!outcome.valid()) {
            return form(caller, model, form, errors(outcome.problems()));
        }
        return "redirect:/custody/" + outcome.id();
    }

    @GetMapping("/{id:[0-9a-fA-F-]{36}}")
    String item(Actor caller, @PathVariable UUID id, Model model) {
        return itemPage(caller, id, model, new CustodyForms.Close("", "", ""), FormErrors.none());
    }

    @PostMapping("/{id:[0-9a-fA-F-]{36}}/close")
    String close(Actor caller, @PathVariable UUID id, @ModelAttribute CustodyForms.Close form, Model model) {
        CustodyRegister.Outcome outcome = register.close(caller, id, form);
        if (!outcome.valid()) {
            return itemPage(caller, id, model, form, errors(outcome.problems()));
        }
        return "redirect:/custody/" + id;
    }

    @ExceptionHandler(CustodyRefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(CustodyRefusedException e, Model model) {
        model.addAttribute("message", e.text());
        return "custody/refused";
    }

    private String itemPage(Actor caller, UUID id, Model model, CustodyForms.Close form, FormErrors errors) {
        CustodyItem item = register.item(caller, id);
        Device device = item.deviceId() == null ? null : register.device(caller, item.deviceId());
        model.addAttribute("item", ItemView.of(item, device, clock.instant()));
        model.addAttribute("notices", RelatedNotices.collect(notices, caller, RelatedNotices.Subject.CUSTODY_ITEM, id));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "custody/item";
    }

    private String form(Actor caller, Model model, CustodyForms.Take form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("devices", register.devices(caller).stream().filter(Device::usable).toList());
        return "custody/new";
    }

    List<ItemView> views(Actor caller, List<CustodyItem> items) {
        Map<UUID, Device> devices = register.devices(caller).stream().collect(Collectors.toMap(Device::id, Function.identity()));
        return items.stream().map(i -> ItemView.of(i, i.deviceId() == null ? null : devices.get(i.deviceId()), clock.instant())).toList();
    }

    static FormErrors errors(Map<String, Text> byField) {
        FormErrors errors = FormErrors.none();
        byField.forEach(errors::add);
        return errors;
    }
}
