package org.medpub.cms.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medpub.cms.i18n.BundleCheck.Finding;
import org.medpub.cms.i18n.BundleCheck.Kind;

/** The check finds every kind of broken rule, each where it is, and nothing else, in a family broken on purpose. */
class BundleCheckTest {

    private static final Path BROKEN = Path.of("src/test/resources/i18n-broken");

    private record Where(Kind kind, String file, String key) {
    }

    @Test
    void everyBrokenRuleIsReportedWhereItIs() throws IOException {
        Set<Where> found = BundleCheck.check(BROKEN, "messages", ULocale.ENGLISH).stream()
                .map(f -> new Where(f.kind(), f.file(), f.key()))
                .collect(Collectors.toSet());

        assertEquals(Set.of(
                new Where(Kind.NOT_UTF8, "messages_ar.properties", ""),
                new Where(Kind.PLURAL_CATEGORY_MISSING, "messages_ar.properties", "count"),
                new Where(Kind.DUPLICATE_KEY, "messages_de.properties", "fine"),
                new Where(Kind.MISSING_KEY, "messages_de.properties", "onlyInBase"),
                new Where(Kind.EXTRA_KEY, "messages_de.properties", "onlyInGerman"),
                new Where(Kind.ARGUMENTS_DIFFER, "messages_de.properties", "greeting"),
                new Where(Kind.ARGUMENTS_DIFFER, "messages_de.properties", "reviewed"),
                new Where(Kind.PLURAL_CATEGORY_UNKNOWN, "messages_de.properties", "count"),
                new Where(Kind.INVALID_PATTERN, "messages_fr.properties", "greeting"),
                new Where(Kind.INVALID_PATTERN, "messages_fr.properties", "reviewed"),
                new Where(Kind.EMPTY_MESSAGE, "messages_fr.properties", "fine"),
                new Where(Kind.PLURAL_CATEGORY_MISSING, "messages_fr.properties", "count"),
                new Where(Kind.QUOTING_APOSTROPHE, "messages_fr.properties", "quoted"),
                new Where(Kind.ARGUMENTS_DIFFER, "messages_fr.properties", "quoted")), found);
    }

    @Test
    void everyKindOfBrokenRuleIsCovered() throws IOException {
        List<Finding> findings = BundleCheck.check(BROKEN, "messages", ULocale.ENGLISH);

        assertEquals(EnumSet.allOf(Kind.class), findings.stream().map(Finding::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class))));
    }

    @Test
    void findingsSayWhatIsWrong() throws IOException {
        List<String> findings = BundleCheck.check(BROKEN, "messages", ULocale.ENGLISH).stream().map(Finding::toString).toList();

        assertEquals(List.of("messages_ar.properties count: PLURAL_CATEGORY_MISSING ({count} lacks [few, many, two, zero]; "
                + "ar has [few, many, one, other, two, zero])"),
                findings.stream().filter(f -> f.startsWith("messages_ar.properties count")).toList());
        assertEquals(List.of("messages_ar.properties: NOT_UTF8 (line 1)"),
                findings.stream().filter(f -> f.startsWith("messages_ar.properties:")).toList());
    }
}
