package org.medpub.cms.site.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address readers reach the site at, for canonical links, alternates and the sitemap:
 * {@code cms.site.base-url} when set (it should be, behind a proxy), otherwise what the request
 * was sent to.
 */
@ApplicationScoped
public class SiteAddress {

    @Inject
    @ConfigProperty(name = "cms.site.base-url")
    Optional<String> configured;

    private String fixed;

    @PostConstruct
    void trim() {
        fixed = configured.map(b -> b.replaceAll("/+$", "")).orElse(null);
    }

    public String base(HttpServletRequest request) {
        if (fixed != null) {
            return fixed;
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean standard = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (standard ? "" : ":" + port);
    }
}
