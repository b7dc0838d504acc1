package org.caseshare.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in home page, a work queue gathered from every module, and the public accessibility statement. */
@Controller
class HomeController {

    private final ObjectProvider<WorkQueue> queues;

    HomeController(ObjectProvider<WorkQueue> queues) {
        this.queues = queues;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        Map<String, List<WorkItem>> work = new LinkedHashMap<>();
        queues.orderedStream().forEach(queue -> queue.workFor(actor)
                .forEach(item -> work.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item)));
        model.addAttribute("work", work);
        return "system/home";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "system/accessibility";
    }
}
