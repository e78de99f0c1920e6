package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictTextTest {

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void item15_anOverlongSlashIsNoSlash() {
        var refused = assertThrows(StrictText.Refused.class,
                () -> StrictText.decode(bytes('a', 0xC0, 0xAF), StandardCharsets.UTF_8, "The body"));
        assertEquals("The body is not valid UTF-8 at byte 1", refused.getMessage());
        assertEquals(400, refused.status());
    }

    @Test
    void item15_anEncodedSurrogateIsRefused() {
        assertThrows(StrictText.Refused.class, () -> StrictText.decode(bytes(0xED, 0xA0, 0x80), StandardCharsets.UTF_8, "x"));
        assertThrows(StrictText.Refused.class, () -> StrictText.percentDecoded("%ED%A0%80", false, StandardCharsets.UTF_8, "x"));
    }

    @Test
    void validUtf8InEveryScriptPasses() {
        String text = "Migräne – الصداع النصفي – 偏頭痛 – 🧠";
        assertEquals(text, StrictText.decode(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "x"));
        assertEquals("a b/ä", StrictText.percentDecoded("a+b%2F%C3%A4", true, StandardCharsets.UTF_8, "x"));
        assertEquals("a+b", StrictText.percentDecoded("a+b", false, StandardCharsets.UTF_8, "x"));
    }

    @Test
    void item4_nulIsRefusedEncodedOrNot() {
        assertThrows(StrictText.Refused.class, () -> StrictText.decode(bytes('a', 0, 'b'), StandardCharsets.UTF_8, "x"));
        assertThrows(StrictText.Refused.class, () -> StrictText.percentDecoded("a%00b", true, StandardCharsets.UTF_8, "x"));
        assertThrows(StrictText.Refused.class, () -> StrictText.withoutNul("a\u0000", "x"));
    }

    @Test
    void item6_brokenPercentEncodingIsRefused() {
        for (String broken : List.of("%", "a%", "%z", "%zz", "%4")) {
            assertThrows(StrictText.Refused.class, () -> StrictText.percentDecoded(broken, true, StandardCharsets.UTF_8, "x"),
                    broken);
        }
    }

    @Test
    void formFieldsKeepTheirOrderAndRepeats() {
        Map<String, List<String>> fields = StrictText.formFields("a=1&b=&a=2&c", StandardCharsets.UTF_8, "x");
        assertEquals(Map.of("a", List.of("1", "2"), "b", List.of(""), "c", List.of("")), fields);
        assertEquals(List.of("a", "b", "c"), List.copyOf(fields.keySet()));
        assertTrue(StrictText.formFields(null, StandardCharsets.UTF_8, "x").isEmpty());
    }

    @Test
    void item6_anUnknownCharsetIs415NamingIt() {
        var refused = assertThrows(StrictText.UnknownCharset.class, () -> StrictText.charset("x-bogus"));
        assertEquals(415, refused.status());
        assertTrue(refused.getMessage().contains("x-bogus"));
        assertEquals(StandardCharsets.UTF_8, StrictText.charset(null));
        assertEquals(StandardCharsets.ISO_8859_1, StrictText.charset("\"ISO-8859-1\""));
    }
}
