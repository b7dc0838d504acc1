package org.caseshare.identity;

import org.caseshare.crypto.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * While no system administrator exists, a one-time setup link (256-bit token) is printed to the
 * console at start-up. The link only works while there is still no administrator, so it is dead
 * once setup is done, on every node.
 */
@Component
class FirstRunSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

    private final Accounts accounts;
    private final String baseUrl;
    private final String token = Tokens.newToken("");

    FirstRunSetup(Accounts accounts, @Value("${caseshare.base-url}") String baseUrl) {
        this.accounts = accounts;
        this.baseUrl = baseUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        if (event.getApplicationContext().getEnvironment().getProperty("caseshare.cli", Boolean.class, false)) {
            return;
        }
        if (!accounts.anySystemAdmin()) {
            log.warn("""

                    ============================================================================
                     Caseshare is not set up yet. Open this one-time link to create the first
                     organisation and its administrator:

                       {}/setup/{}
                    ============================================================================
                    """, baseUrl, token);
        }
    }

    boolean open(String presented) {
        return Tokens.equalsConstantTime(token, presented) && !accounts.anySystemAdmin();
    }

    String token() {
        return token;
    }
}
