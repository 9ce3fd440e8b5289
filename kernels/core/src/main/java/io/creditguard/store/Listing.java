package io.creditguard.store;

import org.jboss.logging.Logger;

/** What a listing does with an object's name that is no key. */
final class Listing {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private Listing() {
    }

    /**
     * Whether {@code name}, found in {@code store}, is a key; one that is not (and is no S3 console's folder, which
     * holds nothing) is logged for the operator to rename, its control characters escaped to keep the log line one.
     */
    static boolean readable(String name, ObjectStore store) {
        if (ObjectStore.isKey(name)) {
            return true;
        }
        if (!name.endsWith("/")) {
            StringBuilder shown = new StringBuilder();
            name.codePoints().forEach(c -> shown.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                    : Character.toString(c)));
            LOG.warnf("%s holds an object named %s, which no store key can name (an empty or dot segment, a backslash, a "
                    + "control character or over 900 characters); it is left out until it is renamed", store.describe(), shown);
        }
        return false;
    }
}
