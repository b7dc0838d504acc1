package org.caseshare.document;

import com.ibm.icu.lang.UScript;

/**
 * The language tag of a run of text in another script than the document's (British English or
 * Welsh, both Latin; see {@link DocumentLanguage}). A name's language is not known — محمد may be
 * Arabic, Urdu or Persian, Стефан Russian, Ukrainian or Bulgarian — so a run in another script is
 * tagged "undetermined language, this script" (BCP 47 {@code und-Arab}), which is true, rather than
 * with a guess; Latin runs stay in the document's language.
 */
final class RunLanguage {

    private RunLanguage() {
    }

    /** {@code und-Xxxx} for the first script of {@code text} that is not Latin, common or inherited; else null. */
    static String of(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int script = UScript.getScript(c);
            if (script != UScript.COMMON && script != UScript.INHERITED && script != UScript.UNKNOWN) {
                return script == UScript.LATIN ? null : "und-" + UScript.getShortName(script);
            }
            i += Character.charCount(c);
        }
        return null;
    }
}
