package org.medpub.cms.translation.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.medpub.cms.article.entity.TranslationStatus;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.translation.control.TranslationState;
import org.medpub.cms.translation.control.TranslationStates;

/**
 * The translations of one locale by status: what is missing, in progress, current or outdated,
 * so that translators know what to do next and editors what readers get.
 */
@Path("translations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TranslationsResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(List<TranslationState> items, String nextCursor) {
    }

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    @Inject
    TranslationStates states;

    @Inject
    EnabledLocales locales;

    @GET
    public Page list(@QueryParam("locale") String locale, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (locale == null || locale.isBlank()) {
            throw new BusinessException.InvalidInput("locale", "Name the locale: ?locale=es");
        }
        String target = locales.find(locale).orElseThrow(() -> new BusinessException.InvalidInput("locale",
                "'" + locale + "' is not an enabled locale; enabled are " + String.join(", ", locales.all())));
        TranslationStatus wanted = status == null || status.isBlank() ? null : status(status);
        int size = limit == null || limit.isBlank() ? DEFAULT_LIMIT
                : PathParams.number(limit).filter(n -> n >= 1 && n <= MAX_LIMIT).orElseThrow(() ->
                        new BusinessException.InvalidInput("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        Long after = cursor == null || cursor.isBlank() ? null : PathParams.id(cursor).orElseThrow(() ->
                new BusinessException.InvalidInput("cursor", "is not a cursor this API gave out"));
        List<TranslationState> page = states.page(target, wanted, after, size);
        String next = page.size() == size ? Long.toString(page.get(page.size() - 1).articleId()) : null;
        return new Page(page, next);
    }

    private static TranslationStatus status(String key) {
        return Arrays.stream(TranslationStatus.values())
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new BusinessException.InvalidInput("status", "'" + key
                        + "' is not a translation status (missing, in_progress, current, outdated, source)"));
    }
}
