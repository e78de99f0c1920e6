package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole API suite against one Payara Micro on PostgreSQL: the WAR that {@code mvn package}
 * built is deployed once, and every group of tests runs as a nested class against it.
 */
@ExtendWith(ArquillianExtension.class)
class ScratchPlainIT {

    @Deployment(testable = false)
    static WebArchive builtWar() {
        return SuiteDeployment.builtWar();
    }

    @ArquillianResource
    URL server;

    @BeforeEach
    void shareServer() throws URISyntaxException {
        if (server != null) {
            Api.useServer(server.toURI());
        }
    }

    @Test
    void isReadyAndAlive() {
        assertEquals(200, Api.anonymous().get("/health/ready").status());
        assertEquals(200, Api.anonymous().get("/health/live").status());
    }

    @Nested
    class PlainLanguage extends PlainLanguageTests {
    }

    @Nested
    class AdminAccessibility extends AdminAccessibilityTests {
    }
}
