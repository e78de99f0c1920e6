package org.medpub.cms.translation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.WritingDirection;
import org.medpub.cms.translation.control.LocaleFallback;

/** The enabled locales, their writing direction and the fallback chain readers of each get. */
@Path("locales")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LocalesResource {

    public record LocaleView(String locale, boolean isDefault, String direction, List<String> fallback) {
    }

    @Inject
    EnabledLocales locales;

    @Inject
    LocaleFallback fallback;

    @GET
    public List<LocaleView> all() {
        return locales.all().stream()
                .map(tag -> new LocaleView(tag, tag.equals(locales.defaultLocale()),
                        WritingDirection.of(tag),
                        fallback.chain(tag)))
                .toList();
    }
}
