package org.caseshare.channels;

import org.caseshare.sharing.SharingRefusedException;
import org.caseshare.sharing.StaleRecordException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A step the record's state does not allow now, on a channel page: the register's own "not now" page, 409. */
@ControllerAdvice(assignableTypes = {EmailPageController.class, PostPageController.class, FaxPageController.class})
class ChannelPageErrors {

    @ExceptionHandler({SharingRefusedException.class, StaleRecordException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(RuntimeException e, Model model) {
        model.addAttribute("message", ChannelRefusedException.textOf(e));
        return "sharing/refused";
    }
}
