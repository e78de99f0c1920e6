package org.medpub.cms.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.Role;

/**
 * Who is making the current request: their name, roles and, as {@link #actor()}, what
 * {@link EditorialPermissions} needs to know of them.
 */
@RequestScoped
public class Caller {

    /**
     * The caller and their roles are asked of the web container: Soteria's {@code SecurityContext}
     * looks up an EJB context first and, in this WAR without EJBs, logged a stack trace
     * ("EJBContainerUtilImpl is null") at the first question of each start.
     */
    @Inject
    HttpServletRequest request;

    @Inject
    UserDirectory users;

    // read from the database on first need, then kept for the rest of the request
    private Set<String> assignedLocales;
    private Set<String> roles;
    private String rolesOf;

    public String name() {
        var principal = request.getUserPrincipal();
        if (principal == null) {
            throw new BusinessException.Forbidden("Sign in first");
        }
        return principal.getName();
    }

    /**
     * The roles of the editorial team that the caller holds, asked once per request and caller.
     */
    public Set<String> roles() {
        var principal = request.getUserPrincipal();
        String name = principal == null ? null : principal.getName();
        if (roles == null || !Objects.equals(name, rolesOf)) {
            roles = Role.ALL.stream()
                    .filter(request::isUserInRole)
                    .collect(Collectors.toUnmodifiableSet());
            rolesOf = name;
        }
        return roles;
    }

    /** The caller as the rules see them, with the locales they translate into. */
    public Actor actor() {
        return Actor.withAssignedLocales(name(), roles(), this::assignedLocales);
    }

    private Set<String> assignedLocales() {
        if (assignedLocales == null) {
            assignedLocales = users.locales(name()).stream().map(EnabledLocales::canonical).collect(Collectors.toSet());
        }
        return assignedLocales;
    }
}
