package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WritingDirectionTest {

    @Test
    void rightToLeftLanguagesAndScriptsComeFromIcuNotFromAList() {
        for (String tag : new String[] {"ar", "ar-EG", "he", "fa", "ur", "ps", "dv", "yi", "az-Arab"}) {
            assertEquals("rtl", WritingDirection.of(tag), tag);
        }
        for (String tag : new String[] {"en", "es-MX", "de", "fr", "tr", "az", "az-Latn", "zh-Hant", "xx", "", null}) {
            assertEquals("ltr", WritingDirection.of(tag), String.valueOf(tag));
        }
    }
}
