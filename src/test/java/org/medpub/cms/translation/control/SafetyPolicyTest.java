package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SafetyPolicyTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    /** Under a Turkish default locale "notice".toUpperCase() is "NOTİCE", which names no policy. */
    @Test
    void bug_policyIsReadTheSameUnderATurkishDefaultLocale() {
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        var policy = new SafetyPolicy();
        policy.policy = "notice";
        assertEquals(SafetyPolicy.Kind.NOTICE, policy.kind());
        policy.policy = " Offline ";
        assertEquals(SafetyPolicy.Kind.OFFLINE, policy.kind());
    }
}
