package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The suite's server is started as the run command is, with {@code cms.http.address=127.0.0.1}:
 * its HTTP listener must listen on loopback alone, not on every interface. Read from the kernel's
 * table of sockets ({@code /proc/net/tcp*}), so that no traffic leaves loopback.
 */
abstract class ListenerAddressTests {

    private static final String ANY_V4 = "00000000";
    private static final String ANY_V6 = "00000000000000000000000000000000";

    @Test
    void item17_theHttpListenerListensOnLoopbackOnly() throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        Assumptions.assumeTrue(Files.isReadable(tcp), "no /proc/net/tcp on this system");
        String port = String.format(Locale.ROOT, "%04X", Api.base().getPort());
        List<String> listening = new ArrayList<>();
        for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            if (!Files.isReadable(table)) {
                continue;
            }
            for (String line : Files.readAllLines(table)) {
                String[] fields = line.trim().split("\\s+");
                // sl local_address rem_address st ...; 0A is LISTEN
                if (fields.length > 3 && fields[3].equals("0A") && fields[1].endsWith(":" + port)) {
                    listening.add(fields[1].substring(0, fields[1].indexOf(':')));
                }
            }
        }
        assertFalse(listening.isEmpty(), "nothing listens on port " + Api.base().getPort());
        assertEquals(List.of(), listening.stream().filter(a -> a.equals(ANY_V4) || a.equals(ANY_V6)).toList(),
                "the listener binds every interface: " + listening);
    }
}
