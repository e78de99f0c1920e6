package org.medpub.cms.platform.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code cms.admin.initial-password} ({@code CMS_ADMIN_INITIAL_PASSWORD}): how an operator signs
 * in to an instance nobody can sign in to yet, a new production database or one that a content
 * archive filled ({@link UserDirectory#letInitialAdminIn}). Once an admin has a password of their
 * own, the setting does nothing.
 */
@ApplicationScoped
public class InitialAdmin {

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "cms.admin.initial-password")
    Optional<String> password;

    @Inject
    UserDirectory users;

    // after the demo users, who include an admin
    void letIn(@Observes @Priority(Database.MIGRATED + 15) Startup startup) {
        if (password.isEmpty() || password.get().isBlank()) {
            return;
        }
        try {
            users.letInitialAdminIn(password.get().toCharArray());
        } catch (BusinessException.InvalidInput weak) {
            LOG.severe("cms.admin.initial-password was not used: " + weak.getMessage());
        }
    }
}
