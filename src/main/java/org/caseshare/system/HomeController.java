package org.caseshare.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in home page and the public accessibility statement. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "system/home";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "system/accessibility";
    }
}
