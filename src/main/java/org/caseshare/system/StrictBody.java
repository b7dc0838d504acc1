package org.caseshare.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API request record whose fields are read strictly and reported together: a number or list
 * where text belongs, or words where a number or true/false belongs, is a 422 with a message on
 * that field ("Give purpose as text"), alongside the record's Bean Validation messages, rather than
 * a 400 for the first one or a value quietly converted. See {@link StrictBodies}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StrictBody {

    /**
     * True when the controller checks the body itself and reports every problem at once: the
     * wrong-typed fields are then not answered here but given to it by {@link StrictBodies#wrongTypes()}.
     */
    boolean controllerReports() default false;

    /** The message for a field of the wrong type, where the general one ("Give X as text") would not say enough. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @interface WrongType {
        String value();
    }
}
