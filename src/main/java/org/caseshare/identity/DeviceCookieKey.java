package org.caseshare.identity;

import org.caseshare.crypto.MacKey;
import org.caseshare.crypto.SharedMacKeys;
import org.springframework.stereotype.Component;

/**
 * The MAC key that signs device cookies, shared by every node (see {@link SharedMacKeys}), so a
 * cluster accepts the cookies any node gave out and a restart does not sign everyone's devices out
 * of their exemption.
 */
@Component
class DeviceCookieKey {

    private static final String NAME = "device-cookie-mac";

    private final SharedMacKeys keys;

    DeviceCookieKey(SharedMacKeys keys) {
        this.keys = keys;
    }

    MacKey key() {
        return keys.key(NAME);
    }
}
