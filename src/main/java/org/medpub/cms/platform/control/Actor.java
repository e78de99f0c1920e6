package org.medpub.cms.platform.control;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import org.medpub.cms.platform.entity.Role;

/**
 * A member of the editorial team as the rules see them: their user name, the roles they hold
 * and the locales they translate into (canonical, as {@link EnabledLocales} gives them).
 */
public record Actor(String username, Set<String> roles, Set<String> locales) {

    public Actor {
        roles = Set.copyOf(roles);
        locales = Set.copyOf(locales);
    }

    /**
     * A member of the team, with the locales assigned to them when they are a translator: only a
     * translator translates into assigned locales, so the others' are not asked for.
     */
    public static Actor withAssignedLocales(String username, Set<String> roles, Supplier<Set<String>> assignedLocales) {
        return new Actor(username, roles, roles.contains(Role.TRANSLATOR) ? assignedLocales.get() : Set.of());
    }

    /** Someone who translates into no locale. */
    public Actor(String username, Set<String> roles) {
        this(username, roles, Set.of());
    }

    public boolean holdsAnyOf(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean holdsAnyOf(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }
}
