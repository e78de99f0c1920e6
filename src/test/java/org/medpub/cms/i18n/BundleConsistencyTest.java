package org.medpub.cms.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The project's bundles in {@code i18n/} keep the rules of {@link BundleCheck}. */
class BundleConsistencyTest {

    // the source folder itself, as people edit it, not a copy on the class path
    private static final Path I18N = Path.of("i18n");

    @Test
    void theApplicationBundleExistsForEveryLocaleOfTheProduct() throws IOException {
        assertEquals(Set.of("", "es", "de", "fr", "ar"), BundleCheck.locales(I18N, "messages"));
    }

    @Test
    void everyBundleKeepsTheRules() throws IOException {
        List<BundleCheck.Finding> findings = BundleCheck.check(I18N, "messages", ULocale.ENGLISH);

        assertTrue(findings.isEmpty(), () -> findings.size() + " broken rules in i18n/ (see i18n/README.md):\n"
                + findings.stream().map(BundleCheck.Finding::toString).collect(Collectors.joining("\n")));
    }
}
