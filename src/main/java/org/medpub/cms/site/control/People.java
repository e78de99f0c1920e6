package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.PublicProfiles;
import org.medpub.cms.platform.control.PublicProfiles.PublicProfile;
import org.medpub.cms.platform.entity.ProfileText;
import org.medpub.cms.translation.control.LocaleFallback;
import org.medpub.cms.workflow.entity.MedicalReview;

/**
 * Who readers are told wrote and checked an article, in their language.
 * <p>
 * The rule for authors: the people who saved a revision of the article in its source locale, up
 * to the revision published there, in the order of their first such revision (so the first author
 * is who wrote the first version), and of them only those with a public profile. Translators are
 * not named as authors. The medical reviewer is who signed off the revision shown. A person's
 * words come from their profile in the reader's locale or the nearest one along its fallback
 * chain, each with the language it is written in, so that a page can mark text in another language.
 */
@ApplicationScoped
public class People {

    /** No page names more authors than this. */
    static final int MOST_AUTHORS = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    PublicProfiles profiles;

    @Inject
    LocaleFallback fallback;

    @Inject
    EnabledLocales locales;

    /** A text and the language it is written in. */
    public record Words(String text, String lang) {
    }

    /**
     * A person as a page shows them: their name, credentials and bio (each possibly from another
     * locale than the reader's, or absent), and the address of their profile; no address for a
     * reviewer without a public profile.
     */
    public record Person(String username, Words name, Words credentials, Words bio, String path) {
    }

    /** Who wrote the article shown (by the rule above, with a public profile) and who signed it off. */
    public record Byline(List<Person> authors, Person reviewer) {
    }

    /** The byline of an article in the reader's locale: two statements, whatever the number of people. */
    public Byline bylineOf(long articleId, Optional<MedicalReview> review, String locale) {
        List<?> names = em.createNativeQuery("select r.author from revision r join variant s on s.id = r.variant_id"
                        + " join article a on a.id = s.article_id join revision l on l.id = s.live_revision_id"
                        + " where s.article_id = ?1 and s.locale = a.source_locale and r.revision_no <= l.revision_no"
                        + " group by r.author order by min(r.revision_no)")
                .setParameter(1, articleId)
                .setMaxResults(MOST_AUTHORS)
                .getResultList();
        List<String> usernames = new ArrayList<>(names.stream().map(String::valueOf).toList());
        List<String> wanted = new ArrayList<>(usernames);
        review.ifPresent(r -> wanted.add(r.getReviewer()));
        Map<String, PublicProfile> found = profiles.publicOnes(wanted);
        List<Person> authors = usernames.stream().map(found::get).filter(java.util.Objects::nonNull)
                .map(profile -> person(profile, locale)).toList();
        return new Byline(authors, review.map(r -> reviewer(r, found.get(r.getReviewer()), locale)).orElse(null));
    }

    /**
     * The reviewer who signed off: from their public profile when they have one; their credentials
     * otherwise, or when the profile has none, are those recorded with the review, taken to be
     * written in the site's default locale (the one string an account had before profiles were per locale).
     */
    private Person reviewer(MedicalReview review, PublicProfile profile, String locale) {
        Words recorded = review.getReviewerCredentials() == null ? null
                : new Words(review.getReviewerCredentials(), locales.defaultLocale());
        if (profile == null) {
            return new Person(review.getReviewer(), new Words(review.getReviewerName(), null), recorded, null, null);
        }
        Person person = person(profile, locale);
        return person.credentials() != null ? person
                : new Person(person.username(), person.name(), recorded, person.bio(), person.path());
    }

    /** A public profile by its slug, as readers of the locale see it; empty when not public or unknown. */
    public Optional<Person> bySlug(String slug, String locale) {
        return profiles.bySlug(slug).map(profile -> person(profile, locale));
    }

    /**
     * The articles published in the locale that the person wrote (by the rule above) or whose
     * published revision they signed off, newest first, at most {@code limit}.
     */
    public List<ArticleVariant> articlesOf(String username, String locale, int limit) {
        List<?> ids = em.createNativeQuery("select v.id from variant v join article a on a.id = v.article_id"
                        + " where v.locale = ?1 and v.published_at is not null and v.live_revision_id is not null"
                        + " and a.kind = 'article' and ("
                        + " exists (select 1 from variant s join revision r on r.variant_id = s.id"
                        + " join revision sl on sl.id = s.live_revision_id"
                        + " where s.article_id = v.article_id and s.locale = a.source_locale and r.author = ?2"
                        + " and r.revision_no <= sl.revision_no)"
                        + " or exists (select 1 from medical_review m where m.variant_id = v.id"
                        + " and m.revision_id = v.live_revision_id and m.reviewer = ?2 and m.decision <> 'REJECTED'))"
                        + " order by v.published_at desc, v.id desc")
                .setParameter(1, locale)
                .setParameter(2, username)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> wanted = ids.stream().map(id -> ((Number) id).longValue()).toList();
        Map<Long, ArticleVariant> byId = new LinkedHashMap<>();
        em.createQuery("select v from ArticleVariant v join fetch v.live where v.id in :ids", ArticleVariant.class)
                .setHint(PublishedArticles.READ_ONLY, true)
                .setParameter("ids", wanted)
                .getResultList()
                .forEach(v -> byId.put(v.getId(), v));
        return wanted.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private Person person(PublicProfile profile, String locale) {
        List<String> chain = fallback.chain(locale);
        Words name = nearest(profile.texts(), chain, ProfileText::getDisplayName);
        return new Person(profile.username(), name == null ? new Words(profile.accountName(), null) : name,
                nearest(profile.texts(), chain, ProfileText::getCredentials), nearest(profile.texts(), chain, ProfileText::getBio),
                profilePath(locale, profile.slug()));
    }

    private static Words nearest(Map<String, ProfileText> texts, List<String> chain, Function<ProfileText, String> field) {
        for (String tag : chain) {
            ProfileText text = texts.get(tag);
            if (text != null && field.apply(text) != null) {
                return new Words(field.apply(text), tag);
            }
        }
        return null;
    }

    public static String profilePath(String locale, String slug) {
        return "/" + locale + "/people/" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8);
    }
}
