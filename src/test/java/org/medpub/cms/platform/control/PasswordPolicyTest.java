package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static String refusal(String user, String password) {
        return assertThrows(PasswordPolicy.Refused.class, () -> PasswordPolicy.check(user, password.toCharArray()),
                password).reasonKey();
    }

    @Test
    void item14_aPasswordHasAtLeastTwelveCharacters() {
        assertEquals("users.password.tooShort", refusal("dana", "demo"));
        assertEquals("users.password.tooShort", refusal("dana", "k7#Lq9!xZ2m"));
        assertDoesNotThrow(() -> PasswordPolicy.check("dana", "k7#Lq9!xZ2mW".toCharArray()));
    }

    @Test
    void item14_aPasswordIsNotTheUserName() {
        assertEquals("users.password.sameAsUserName", refusal("dana.translator", "Dana.Translator"));
        assertEquals("users.password.sameAsUserName", refusal("dana.translator", "dana.translator2024"));
    }

    @Test
    void item14_commonPasswordsAndTheirDisguisesAreRefused() {
        for (String common : List.of("password1234", "P@ssw0rd2024!", "qwertyuiop[]", "123456789012", "aaaaaaaaaaaa",
                "iloveyou1234", "Welcome2025!", "letmeinletmein", "correct horse battery staple", "sunshine!!!!",
                "Summer2024Summer", "adminpassword", "zyxwvutsrqpo", "ababababababab", "01011990!!!!", "Medpub2025!!")) {
            assertEquals("users.password.common", refusal("dana", common));
        }
    }

    @Test
    void item14_unusualPasswordsPass() {
        for (String fine : List.of("a long initial password", "Correct horse 1 staple vine", "k7#Lq9!xZ2mW",
                "lantern-oboe-quartz-mill", "Tr0ub4dor&3 sings")) {
            assertDoesNotThrow(() -> PasswordPolicy.check("dana", fine.toCharArray()), fine);
        }
    }
}
