package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.translation.control.XliffFixtures.exported;
import static org.medpub.cms.translation.control.XliffFixtures.imported;
import static org.medpub.cms.translation.control.XliffFixtures.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medpub.cms.article.entity.ArticleFields;
import org.medpub.cms.article.entity.RevisionContent;

/** What the export of the largest article makes, the import takes. */
class XliffSizeTest {

    /** The densest Markdown found (126 bytes of XLIFF per character), and bold words (57), as the issue found them. */
    @ParameterizedTest
    @ValueSource(strings = {"a\n", "**a** "})
    void item17_theExportOfTheLargestArticleFitsTheXliffImportLimit(String pattern) throws IOException {
        RevisionContent largest = source(pattern.repeat(ArticleFields.BODY_MAX / pattern.length()));

        String file = exported(largest, 1, "es", words -> words);

        long size = file.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(size > configured("cms.api.max-body-bytes"), "the API's JSON limit is not the one that counts");
        assertTrue(size <= configured("cms.xliff.max-body-bytes"), () -> size + " bytes exported from " + pattern);
        assertEquals(largest.body(), imported(file, new XliffFixtures.Facts(largest)).body());
    }

    private static long configured(String key) throws IOException {
        var properties = new Properties();
        try (InputStream in = XliffSizeTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        return Long.parseLong(properties.getProperty(key));
    }
}
