package org.medpub.cms.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviewLinksTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.250Z");

    private final byte[] key = key(7);
    private final PreviewLinks links = at(NOW, key);

    @Test
    void aTokenShowsTheRevisionItWasMadeFor() {
        PreviewLink link = links.link(42, "es-MX", 3, Duration.ofHours(48));
        String token = links.token(link);

        assertEquals(Optional.of(new PreviewLink(42, "es-MX", 3, Instant.parse("2026-11-24T10:15:30Z"))), links.verify(token));
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), token);
        assertTrue(token.length() <= PreviewLinks.MAX_TOKEN_LENGTH);
    }

    @Test
    void aTokenWorksUntilItsExpiryAndNotAfter() {
        String token = links.token(links.link(42, "en", 1, Duration.ofHours(1)));
        Instant expiry = Instant.parse("2026-11-22T11:15:30Z");

        assertTrue(at(expiry.minusSeconds(1), key).verify(token).isPresent());
        assertEquals(Optional.empty(), at(expiry, key).verify(token));
        assertEquals(Optional.empty(), at(expiry.plus(Duration.ofDays(400)), key).verify(token));
    }

    @Test
    void everyChangeOfOneCharacterIsRefused() {
        String token = links.token(links.link(42, "en", 1, Duration.ofHours(48)));
        for (int i = 0; i < token.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c != token.charAt(i)) {
                    String changed = token.substring(0, i) + c + token.substring(i + 1);
                    assertEquals(Optional.empty(), links.verify(changed), changed);
                }
            }
        }
    }

    @Test
    void everyTruncationAndExtensionIsRefused() {
        String token = links.token(links.link(42, "en", 1, Duration.ofHours(48)));
        for (int length = 0; length < token.length(); length++) {
            assertEquals(Optional.empty(), links.verify(token.substring(0, length)));
            assertEquals(Optional.empty(), links.verify(token.substring(length + 1)));
        }
        assertEquals(Optional.empty(), links.verify(token + "A"));
        assertEquals(Optional.empty(), links.verify(token + "."));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String foreign = at(NOW, key(8)).token(links.link(42, "en", 1, Duration.ofHours(48)));
        assertEquals(Optional.empty(), links.verify(foreign));
    }

    @Test
    void aPayloadCopiedUnderAnotherSignatureIsRefused() {
        String one = links.token(links.link(42, "en", 1, Duration.ofHours(48)));
        String two = links.token(links.link(42, "en", 2, Duration.ofHours(48)));
        String swapped = two.substring(0, two.indexOf('.')) + one.substring(one.indexOf('.'));
        assertEquals(Optional.empty(), links.verify(swapped));
    }

    @Test
    void anythingThatIsNoTokenIsRefusedWithoutAnError() {
        for (String nonsense : new String[] {null, "", ".", "..", "nonsense", "a.b", "a.b.c", "123abc", "-1",
                "99999999999999999999", "%00", "a/b", "\u00e9.\u00e9", "A".repeat(10_000) + "." + "B".repeat(43)}) {
            assertEquals(Optional.empty(), links.verify(nonsense), String.valueOf(nonsense));
        }
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PreviewLinks(new byte[31], Clock.systemUTC()));
    }

    private static PreviewLinks at(Instant now, byte[] key) {
        return new PreviewLinks(key, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static byte[] key(int seed) {
        byte[] key = ("preview-link-test-key-" + seed).getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(key, 32);
    }
}
