package org.caseshare.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR R4 JSON. The context scans the model classes when it is made (seconds, and memory), so it is
 * made once, on the first export, not at start. Parsers are cheap but not thread-safe: one per call.
 */
final class FhirJson {

    private FhirJson() {
    }

    /** Initialised by the JVM on first use of {@link #context()}, exactly once (holder idiom). */
    private static final class Holder {
        static final FhirContext CONTEXT = FhirContext.forR4();
    }

    static FhirContext context() {
        return Holder.CONTEXT;
    }

    static String write(IBaseResource resource) {
        IParser parser = context().newJsonParser();
        return parser.encodeResourceToString(resource);
    }
}
