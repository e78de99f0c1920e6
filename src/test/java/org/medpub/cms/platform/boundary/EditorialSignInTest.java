package org.medpub.cms.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EditorialSignInTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String typed(String header) {
        UsernamePasswordCredential credential = EditorialSignIn.basicCredential(header);
        return credential.getCaller() + "|" + credential.getPasswordAsString();
    }

    @Test
    void basicCredentialsAreUserAndPasswordWhateverTheSchemesCase() {
        assertEquals("author|demo", typed(basic("author:demo")));
        assertEquals("author|demo", typed("basic " + basic("author:demo").substring(6)));
    }

    @Test
    void aPasswordMayHoldColonsAndAnyLetter() {
        assertEquals("zoë|a:b:ç", typed(basic("zoë:a:b:ç")));
        assertEquals("author|", typed(basic("author:")));
    }

    @Test
    void anythingElseIsNoCredentials() {
        assertNull(EditorialSignIn.basicCredential(null));
        assertNull(EditorialSignIn.basicCredential("Bearer abc"));
        assertNull(EditorialSignIn.basicCredential("Basic !!!not-base64"));
        assertNull(EditorialSignIn.basicCredential(basic("no-colon")));
    }
}
