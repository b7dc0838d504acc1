package org.caseshare.custody;

import java.util.List;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

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

/**
 * The register of approved devices: everyone on staff sees it (to choose a device); the organisation
 * admin registers devices, records the encryption check and withdraws them.
 */
@Controller
@RequestMapping("/custody/devices")
class DeviceController {

    private final CustodyRegister register;
    private final CustodyController items;
    private final Clock clock;

    private final List<RelatedNotices> notices;

    DeviceController(CustodyRegister register, CustodyController items, Clock clock, List<RelatedNotices> notices) {
        this.register = register;
        this.items = items;
        this.clock = clock;
        this.notices = notices;
    }

    @GetMapping
    String list(Actor caller, Model model) {
        return listPage(caller, model, new CustodyForms.NewDevice("", "", ""), FormErrors.none());
    }

    @PostMapping
    String registerDevice(Actor caller, @ModelAttribute CustodyForms.NewDevice form, Model model) {
        CustodyRegister.Outcome outcome = register.registerDevice(caller, form);
        if (!outcome.valid()) {
            return listPage(caller, model, form, CustodyController.errors(outcome.problems()));
        }
        return "redirect:/custody/devices/" + outcome.id();
    }

    @GetMapping("/{id}")
    String device(Actor caller, @PathVariable UUID id, Model model) {
        return devicePage(caller, id, model, Map.of(), "", "");
    }

    @PostMapping("/{id}/verify")
    String verify(Actor caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String method, Model model) {
        CustodyRegister.Outcome outcome = register.verifyEncryption(caller, id, method);
        return outcome.valid() ? "redirect:/custody/devices/" + id : devicePage(caller, id, model, outcome.problems(), method, "");
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(Actor caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model) {
        CustodyRegister.Outcome outcome = register.withdraw(caller, id, reason);
        return outcome.valid() ? "redirect:/custody/devices/" + id : devicePage(caller, id, model, outcome.problems(), "", reason);
    }

    @ExceptionHandler(CustodyRefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(CustodyRefusedException e, Model model) {
        model.addAttribute("message", e.text());
        return "custody/refused";
    }

    private String listPage(Actor caller, Model model, CustodyForms.NewDevice form, FormErrors errors) {
        model.addAttribute("devices", register.devices(caller));
        model.addAttribute("types", DeviceType.values());
        model.addAttribute("manages", CustodyRegister.managesDevices(caller));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "custody/devices";
    }

    private String devicePage(Actor caller, UUID id, Model model, Map<String, Text> errors, String method, String reason) {
        Device device = register.device(caller, id);
        model.addAttribute("device", device);
        model.addAttribute("notices", RelatedNotices.collect(notices, caller, RelatedNotices.Subject.DEVICE, id));
        model.addAttribute("registered", UkTime.show(device.registeredAt()));
        model.addAttribute("verified", device.encryptionVerified() ? UkTime.show(device.encryptionVerifiedAt()) : null);
        model.addAttribute("withdrawn", device.withdrawn() ? UkTime.show(device.withdrawnAt()) : null);
        model.addAttribute("rows", items.views(caller, register.onDevice(caller, id)));
        model.addAttribute("manages", CustodyRegister.managesDevices(caller));
        model.addAttribute("errors", CustodyController.errors(errors));
        model.addAttribute("method", method);
        model.addAttribute("reason", reason);
        model.addAttribute("now", clock.instant());
        return "custody/device";
    }
}
