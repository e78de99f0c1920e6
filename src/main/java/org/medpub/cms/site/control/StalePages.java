package org.medpub.cms.site.control;

import java.util.Set;

/**
 * Which cached pages are stale: those depending on one of these {@link PageDependency keys}, or all
 * of them when this instance cannot tell which changes it missed.
 */
public record StalePages(Set<String> keys, boolean all) {

    public static final StalePages NONE = new StalePages(Set.of(), false);
    public static final StalePages ALL = new StalePages(Set.of(), true);

    public StalePages {
        keys = Set.copyOf(keys);
    }

    public static StalePages of(Set<String> keys) {
        return new StalePages(keys, false);
    }

    public boolean isEmpty() {
        return !all && keys.isEmpty();
    }
}
