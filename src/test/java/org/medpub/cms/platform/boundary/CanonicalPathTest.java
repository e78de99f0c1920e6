package org.medpub.cms.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin", "/admin/", "/admin/index.xhtml", "/admin/edit.xhtml", "/api/articles/12/locales/en",
        "/en/", "/en/articles/living-with-migraine", "/ar/articles/%D8%B5%D8%AF%D8%A7%D8%B9", "/en/articles/50%25-off",
        "/jakarta.faces.resource/admin.css.xhtml", "/preview/abc.def_ghi-jkl", "/metrics", "/metrics/base",
        "/health/ready", "/sitemap.xml", "/en/articles/%", "/Administration/", "/en/admin/"})
    void theApplicationsOwnAddressesAreCanonical(String path) {
        assertTrue(CanonicalPath.isCanonical(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%61dmin/index.xhtml", "/adm%69n/", "/admin/%69ndex.xhtml", "/%2e/admin/", "/admin/%2E%2E/api",
        "//admin/index.xhtml", "/admin//index.xhtml", "/x/../admin/index.xhtml", "/admin/./index.xhtml", "/admin/..",
        "/admin;x=1/index.xhtml", "/admin/index.xhtml;jsessionid=1", "/admin%2Findex.xhtml", "/admin%2findex.xhtml",
        "/admin%5Cindex.xhtml", "/admin\\index.xhtml", "/ADMIN/index.xhtml", "/Admin/", "/aDmIn", "/API/articles",
        "/Metrics", "/%6Detrics", "/api/%7Euser", "", "admin/index.xhtml", "/..", "/."})
    void anyOtherSpellingIsNot(String path) {
        assertFalse(CanonicalPath.isCanonical(path), path);
    }
}
