package org.medpub.cms.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Arrays;
import org.medpub.cms.platform.control.BusinessException;

/** Who is making the current request, and what their roles let them do. */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    public String name() {
        var principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new BusinessException.Forbidden("Sign in first");
        }
        return principal.getName();
    }

    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(security::isCallerInRole);
    }

    public void requireAnyRole(String action, String... roles) {
        if (!hasAnyRole(roles)) {
            throw new BusinessException.Forbidden("To " + action + " you need one of the roles " + String.join(", ", roles));
        }
    }
}
