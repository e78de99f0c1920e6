package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.Audience;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * What readers are told about an article besides its text: for whom it is written, and its own
 * disclosure per locale (conflicts of interest, sponsorship), shown under the site-wide one. Both
 * are the article's, not a revision's: they change what the live page says at once, without a
 * new review. Whoever writes the source sets the audience; whoever writes a locale its disclosure.
 */
@ApplicationScoped
@Transactional
public class ArticleDisclosures {

    static final int DISCLOSURE_LENGTH = 4000;

    @Inject
    ArticleStore store;

    @Inject
    EnabledLocales locales;

    @Inject
    Event<DisclosureChanged> changed;

    public Article setAudience(Actor actor, long articleId, String audience) {
        Article article = store.find(articleId).orElseThrow(() -> new BusinessException.NotFound("There is no article " + articleId));
        EditorialPermissions.requireEdit(actor, article.getSourceLocale(), article.getSourceLocale());
        Audience chosen = audience == null || audience.isBlank() ? null : Audience.of(audience.strip()).orElseThrow(() ->
                new BusinessException.InvalidInput("audience", "One of " + Arrays.stream(Audience.values())
                        .map(Audience::value).collect(Collectors.joining(", ")) + ", or null"));
        article.writtenFor(chosen);
        changed.fire(new DisclosureChanged(articleId));
        return article;
    }

    /** The article's own disclosure in a locale; blank removes it. */
    public Article setDisclosure(Actor actor, long articleId, String locale, String disclosure) {
        Article article = store.find(articleId).orElseThrow(() -> new BusinessException.NotFound("There is no article " + articleId));
        String tag = locales.find(locale).orElseThrow(() -> new BusinessException.NotFound("'" + locale + "' is not an enabled locale"));
        EditorialPermissions.requireEdit(actor, article.getSourceLocale(), tag);
        String text = disclosure == null || disclosure.isBlank() ? null : disclosure.strip();
        if (text != null && text.length() > DISCLOSURE_LENGTH) {
            throw new BusinessException.InvalidInput("disclosure", "At most " + DISCLOSURE_LENGTH + " characters");
        }
        article.disclose(tag, text);
        changed.fire(new DisclosureChanged(articleId));
        return article;
    }
}
