package org.medpub.cms.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** The API signs callers in with HTTP Basic against the accounts in the database. */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "cms")
public class ApiAuthentication {
}
