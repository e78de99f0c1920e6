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

@ExtendWith(ArquillianExtension.class)
class ScratchStatementsIT {

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
    }

    @Nested
    class StatementStory extends StatementStoryTests {
    }

    @Nested
    class AdminErrors extends AdminErrorsTests {
    }

    @Nested
    class Identity extends IdentityTests {
    }

    @Nested
    class ChangeLog extends ChangeLogTests {
    }
}
