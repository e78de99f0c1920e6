package org.medpub.cms.site.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address readers reach the site at, for canonical links, alternates and the sitemap:
 * {@code cms.site.base-url} when set (it should be, in production), otherwise
 * {@code http://localhost:<the port the request came in on>}. Never the request's {@code Host}
 * header: a caller chooses that, and the pages it shapes are cached and served to everyone, so a
 * forged one would put the caller's address into other readers' canonical links and sitemaps.
 */
@ApplicationScoped
public class SiteAddress {

    @Inject
    @ConfigProperty(name = "cms.site.base-url")
    Optional<String> configured;

    private static final Logger LOG = Logger.getLogger(SiteAddress.class.getName());

    private String fixed;

    @PostConstruct
    void trim() {
        fixed = configured.map(b -> b.replaceAll("/+$", "")).orElse(null);
    }

    void tellOperator(@Observes Startup started) {
        if (fixed == null) {
            LOG.warning("cms.site.base-url (CMS_SITE_BASE_URL) is not set: canonical links, alternates and the sitemap"
                    + " name http://localhost:<port>; set it to the public address of the reader site");
        }
    }

    public String base(HttpServletRequest request) {
        if (fixed != null) {
            return fixed;
        }
        int port = request.getLocalPort();
        return "http://localhost" + (port == 80 ? "" : ":" + port);
    }
}
