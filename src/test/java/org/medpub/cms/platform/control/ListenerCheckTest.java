package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the start-up check looks for the HTTP listener: Payara Micro's own configuration. */
class ListenerCheckTest {

    @TempDir
    Path dir;

    @Test
    void theListenerIsReadFromDomainXmlWithItsAddressProperty() throws Exception {
        System.setProperty("cms.test.http.address", "127.0.0.1");
        Path domain = dir.resolve("domain.xml");
        Files.writeString(domain, """
                <domain><configs><config name="server-config"><network-config><network-listeners>
                <network-listener protocol="http-listener" address="${cms.test.http.address}" port="38551" name="http-listener"/>
                <network-listener protocol="https-listener" port="8443" name="https-listener" enabled="false"/>
                </network-listeners></network-config></config></configs></domain>
                """);
        var listener = ListenerCheck.listenerIn(domain).orElseThrow();
        assertEquals("127.0.0.1", listener.host());
        assertEquals(38551, listener.port());
        assertEquals("http://127.0.0.1:38551/health/live", listener.live().toString());
    }

    @Test
    void aListenerOnEveryInterfaceIsAskedOnLoopback() throws Exception {
        Path domain = dir.resolve("domain.xml");
        Files.writeString(domain, "<domain><network-listener name=\"http-listener\" address=\"0.0.0.0\" port=\"8080\"/></domain>");
        assertEquals("127.0.0.1", ListenerCheck.listenerIn(domain).orElseThrow().host());
    }

    @Test
    void withoutPayaraMicrosConfigurationThereIsNothingToCheck() {
        assertTrue(ListenerCheck.listenerIn(dir.resolve("missing.xml")).isEmpty());
    }
}
