package org.medpub.cms.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.Role;

/**
 * Who is making the current request, and what their roles let them do. Authors and admins write
 * every locale; a translator writes translations only into the locales assigned to them.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    @Inject
    UserDirectory users;

    // read from the database on first need, then kept for the rest of the request
    private Set<String> assignedLocales;

    public String name() {
        var principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new BusinessException.Forbidden("Sign in first");
        }
        return principal.getName();
    }

    /** The roles of the editorial team that the caller holds. */
    public Set<String> roles() {
        return Stream.of(Role.AUTHOR, Role.TRANSLATOR, Role.MEDICAL_REVIEWER, Role.EDITOR, Role.ADMIN)
                .filter(security::isCallerInRole)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(security::isCallerInRole);
    }

    public void requireAnyRole(String action, String... roles) {
        if (!hasAnyRole(roles)) {
            throw new BusinessException.Forbidden("To " + action + " you need one of the roles " + String.join(", ", roles));
        }
    }

    /** Whether the caller may write a translation into the locale (an enabled locale, in its canonical form). */
    public boolean mayTranslateInto(String locale) {
        return hasAnyRole(Role.AUTHOR, Role.ADMIN) || (hasAnyRole(Role.TRANSLATOR) && assignedLocales().contains(locale));
    }

    public void requireMayTranslateInto(String locale) {
        requireAnyRole("edit a translation", Role.TRANSLATOR, Role.AUTHOR, Role.ADMIN);
        if (!mayTranslateInto(locale)) {
            Set<String> assigned = new TreeSet<>(assignedLocales());
            throw new BusinessException.Forbidden("You translate into " + (assigned.isEmpty() ? "no locale yet"
                    : String.join(", ", assigned)) + ", not " + locale + "; an admin assigns the locales");
        }
    }

    private Set<String> assignedLocales() {
        if (assignedLocales == null) {
            assignedLocales = users.locales(name()).stream().map(EnabledLocales::canonical).collect(Collectors.toSet());
        }
        return assignedLocales;
    }
}
