package org.teletherapy.web.signin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where signing out, or a session ended for inactivity, leads: a page that says which, and how to come back. */
@Controller
class SignedOutController {

    @GetMapping("/signed-out")
    String signedOut(Model model) {
        model.addAttribute("expired", false);
        return "signed-out";
    }

    @GetMapping("/sign-in-failed")
    String signInFailed(Model model) {
        model.addAttribute("failed", true);
        return "signed-out";
    }

    @GetMapping("/session-expired")
    String sessionExpired(Model model) {
        model.addAttribute("expired", true);
        return "signed-out";
    }
}
