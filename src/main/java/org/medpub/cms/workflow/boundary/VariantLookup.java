package org.medpub.cms.workflow.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;

/** Finds what a workflow URL names, answering 404 for anything it does not. */
@ApplicationScoped
class VariantLookup {

    @Inject
    ArticleStore articles;

    @Inject
    EnabledLocales locales;

    ArticleVariant variant(String id, String locale) {
        return PathParams.id(id)
                .flatMap(articleId -> locales.find(locale).flatMap(tag -> articles.variant(articleId, tag)))
                .orElseThrow(() -> new BusinessException.NotFound("Article " + id + " has no version in " + locale));
    }

    Revision revision(ArticleVariant variant, String number) {
        return PathParams.number(number).flatMap(n -> articles.revision(variant, n))
                .orElseThrow(() -> new BusinessException.NotFound("There is no revision " + number + " of article "
                        + variant.getArticle().getId() + " in " + variant.getLocale()));
    }
}
