package org.medpub.cms.workflow.control;

import java.util.Set;

/** Who takes a workflow step, with the roles they hold. */
public record Actor(String username, Set<String> roles) {

    public boolean holdsAnyOf(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
