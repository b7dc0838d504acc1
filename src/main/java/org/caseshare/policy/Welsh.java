package org.caseshare.policy;

import java.util.Locale;

/** Whether a reader asked for Welsh, the one language besides English a policy may carry its words in. */
final class Welsh {

    private Welsh() {
    }

    static boolean wanted(Locale language) {
        return language != null && "cy".equals(language.getLanguage());
    }
}
