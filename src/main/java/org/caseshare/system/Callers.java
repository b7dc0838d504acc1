package org.caseshare.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an API operation, in the README's words ("organisation admins", "the draft's
 * sender"). The code still checks it; this says it in the OpenAPI document, as the operation's
 * {@code x-caseshare-callers} and the first line of its description, so a partner's developer reads
 * it beside the operation. On a controller class it applies to every operation without its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Callers {

    String value();
}
