package org.caseshare.directory;

import java.util.UUID;

import org.caseshare.system.Actor;
import org.caseshare.system.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The directory as every signed-in member reads it: practitioners pick recipients from here. */
@Controller
@RequestMapping("/directory")
class DirectoryController {

    private final Directory directory;

    DirectoryController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    String list(Actor caller, @RequestParam(defaultValue = "") String q, Model model) {
        return listPage(directory, caller, q, model, false);
    }

    @GetMapping("/{id}")
    String entry(Actor caller, @PathVariable UUID id, Model model) {
        return entryPage(directory, caller, id, model, false);
    }

    static String listPage(Directory directory, Actor caller, String q, Model model, boolean manage) {
        model.addAttribute("entries", directory.search(caller.organisationId(), q));
        model.addAttribute("q", q);
        model.addAttribute("manage", manage);
        model.addAttribute("base", manage ? "/organisation/directory" : "/directory");
        model.addAttribute("canManage", caller.organisationAdmin());
        return "directory/list";
    }

    static String entryPage(Directory directory, Actor caller, UUID id, Model model, boolean manage) {
        DirectoryEntry entry = directory.entry(caller.organisationId(), id).orElseThrow(() -> new NotFoundException("Directory entry"));
        model.addAttribute("entry", entry);
        model.addAttribute("kinds", ContactPointKind.values());
        model.addAttribute("manage", manage);
        model.addAttribute("base", manage ? "/organisation/directory" : "/directory");
        model.addAttribute("canManage", caller.organisationAdmin());
        return "directory/entry";
    }
}
