package org.medpub.cms.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.media.entity.MediaItem;
import org.medpub.cms.media.entity.MediaText;
import org.medpub.cms.media.entity.MediaUsage;
import org.medpub.cms.media.entity.MediaVersion;
import org.medpub.cms.media.entity.Rendition;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.workflow.control.PreviewLink;

/**
 * The media library: items with versions, their texts per locale, which revisions show them, and
 * who may see a rendition. Every rule of the library lives here; the resources only translate HTTP.
 */
@ApplicationScoped
@Transactional
public class MediaLibrary {

    /** The words of a search that count; the rest are left out, so that no search builds an unbounded query. */
    static final int MOST_WORDS = 10;

    /** The texts of an item in one locale, as written. */
    public record Texts(String alt, String caption, String credit) {
    }

    /** A version that an upload made, or found when the same bytes were uploaded before. */
    public record Stored(MediaVersion version, boolean found) {
    }

    /** Where an item is shown: a revision of an article in a locale, and whether readers see that revision. */
    public record Use(long articleId, String locale, int revision, int version, boolean live) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaStore store;

    @Inject
    Clock clock;

    @Inject
    Event<ImageTextsChanged> textsChanged;

    /** The version whose upload had exactly these bytes, if any. */
    public Optional<MediaVersion> byUpload(String uploadHash) {
        return em.createQuery("select v from MediaVersion v where v.uploadHash = :hash order by v.id", MediaVersion.class)
                .setParameter("hash", uploadHash)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** A new item from a prepared upload, or the item that already has these bytes. */
    public Stored create(ImageWork.Prepared upload, String licence, String source, String locale, Texts texts, Actor actor) {
        EditorialPermissions.requireManageMedia(actor);
        Optional<MediaVersion> same = byUpload(upload.uploadHash());
        if (same.isPresent()) {
            return new Stored(same.get(), true);
        }
        MediaItem item = new MediaItem(licence, source, actor.username(), clock.instant());
        em.persist(item);
        MediaVersion version = addVersion(item, upload, actor);
        em.flush();
        write(item.getId(), locale, texts);
        return new Stored(version, false);
    }

    /** A new version of an item; the same bytes as its current version make none. */
    public Stored newVersion(long itemId, ImageWork.Prepared upload, Actor actor) {
        EditorialPermissions.requireManageMedia(actor);
        MediaItem item = em.find(MediaItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw notFound(itemId);
        }
        MediaVersion current = version(itemId, item.getCurrentVersion()).orElseThrow();
        if (current.getUploadHash().equals(upload.uploadHash())) {
            return new Stored(current, true);
        }
        return new Stored(addVersion(item, upload, actor), false);
    }

    private MediaVersion addVersion(MediaItem item, ImageWork.Prepared upload, Actor actor) {
        int number = item.getCurrentVersion() + 1;
        MediaVersion version = new MediaVersion(item, number, upload.uploadHash(), upload.format().id(), upload.width(),
                upload.height(), actor.username(), clock.instant());
        for (SafeImages.Made made : upload.renditions()) {
            version.add(new Rendition(version, made.width(), made.height(), made.ext(), store.put(made.bytes())));
        }
        em.persist(version);
        item.advanceTo(number);
        return version;
    }

    public Optional<MediaItem> find(long itemId) {
        return Optional.ofNullable(em.find(MediaItem.class, itemId));
    }

    public MediaItem require(long itemId) {
        return find(itemId).orElseThrow(() -> notFound(itemId));
    }

    public Optional<MediaVersion> version(long itemId, int number) {
        return em.createQuery("select v from MediaVersion v where v.item.id = :item and v.number = :number", MediaVersion.class)
                .setParameter("item", itemId)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    public List<MediaVersion> versions(long itemId) {
        return em.createQuery("select v from MediaVersion v where v.item.id = :item order by v.number", MediaVersion.class)
                .setParameter("item", itemId)
                .getResultList();
    }

    /** The texts of an item by locale. */
    public Map<String, MediaText> texts(long itemId) {
        return em.createQuery("select t from MediaText t where t.itemId = :item order by t.locale", MediaText.class)
                .setParameter("item", itemId)
                .getResultStream()
                .collect(Collectors.toMap(MediaText::getLocale, t -> t, (a, b) -> a, LinkedHashMap::new));
    }

    /** The texts of the items by item and locale, in one statement. */
    public Map<Long, Map<String, MediaText>> texts(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select t from MediaText t where t.itemId in :items order by t.locale", MediaText.class)
                .setParameter("items", List.copyOf(itemIds))
                .getResultStream()
                .collect(Collectors.groupingBy(MediaText::getItemId,
                        Collectors.toMap(MediaText::getLocale, t -> t, (a, b) -> a, LinkedHashMap::new)));
    }

    /** The smallest rendition of each item's current version (its thumbnail), by item, in one statement. */
    public Map<Long, Rendition> thumbnails(Collection<MediaItem> items) {
        if (items.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select r from Rendition r join r.version v join v.item i"
                        + " where i.id in :items and v.number = i.currentVersion order by r.width", Rendition.class)
                .setParameter("items", items.stream().map(MediaItem::getId).toList())
                .getResultStream()
                .collect(Collectors.toMap(r -> r.getVersion().getItem().getId(), r -> r, (smaller, larger) -> smaller));
    }

    /** The texts of the items in one locale, in one statement. */
    public List<MediaText> texts(Collection<Long> itemIds, String locale) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select t from MediaText t where t.itemId in :items and t.locale = :locale", MediaText.class)
                .setParameter("items", List.copyOf(itemIds))
                .setParameter("locale", locale)
                .getResultList();
    }

    public Optional<MediaText> text(long itemId, String locale) {
        return Optional.ofNullable(em.find(MediaText.class, new MediaText.Key(itemId, locale)));
    }

    /** Writes an item's texts in a locale; blank texts are none. */
    public MediaText writeTexts(long itemId, String locale, Texts texts, Actor actor) {
        EditorialPermissions.requireWriteMediaTexts(actor, locale);
        require(itemId);
        MediaText written = write(itemId, locale, texts);
        Set<Long> shownBy = usage(itemId).stream().filter(Use::live).map(Use::articleId).collect(Collectors.toSet());
        if (!shownBy.isEmpty()) {
            textsChanged.fire(new ImageTextsChanged(itemId, shownBy));
        }
        return written;
    }

    private MediaText write(long itemId, String locale, Texts texts) {
        MediaText text = em.find(MediaText.class, new MediaText.Key(itemId, locale));
        if (text == null) {
            text = new MediaText(itemId, locale);
            em.persist(text);
        }
        text.change(blankless(texts.alt()), blankless(texts.caption()), blankless(texts.credit()));
        return text;
    }

    /**
     * A page of the library, newest first.
     *
     * @param typed words as a user typed them, of which the first {@value #MOST_WORDS} must each
     *        appear in the alt text or caption of some locale; null or blank for all
     * @param missingAltIn only items without alt text in this locale, or null
     * @param before only items with a smaller id (the cursor), or null
     */
    public List<MediaItem> list(String typed, String missingAltIn, Long before, int limit) {
        List<String> words = typed == null ? List.of()
                : Arrays.stream(typed.strip().split("\\s+")).filter(w -> !w.isEmpty()).limit(MOST_WORDS).toList();
        StringBuilder jpql = new StringBuilder("select i from MediaItem i where 1 = 1");
        for (int w = 0; w < words.size(); w++) {
            jpql.append(" and exists (select t.itemId from MediaText t where t.itemId = i.id and (lower(t.alt) like :w").append(w)
                    .append(" or lower(t.caption) like :w").append(w).append("))");
        }
        if (missingAltIn != null) {
            jpql.append(" and not exists (select t.itemId from MediaText t where t.itemId = i.id and t.locale = :missing"
                    + " and t.alt is not null)");
        }
        if (before != null) {
            jpql.append(" and i.id < :before");
        }
        jpql.append(" order by i.id desc");
        TypedQuery<MediaItem> query = em.createQuery(jpql.toString(), MediaItem.class).setMaxResults(limit);
        for (int w = 0; w < words.size(); w++) {
            query.setParameter("w" + w, "%" + likeEscaped(words.get(w).toLowerCase(Locale.ROOT)) + "%");
        }
        if (missingAltIn != null) {
            query.setParameter("missing", missingAltIn);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        return query.getResultList();
    }

    /** Where the item is shown, newest revisions first. */
    public List<Use> usage(long itemId) {
        List<Object[]> rows = em.createQuery("select a.id, v.locale, r.number, u.version, r.id, l.id"
                        + " from MediaUsage u join u.revision r join r.variant v join v.article a left join v.live l"
                        + " where u.itemId = :item order by r.id desc", Object[].class)
                .setParameter("item", itemId)
                .getResultList();
        return rows.stream().map(r -> new Use((Long) r[0], (String) r[1], (Integer) r[2], (Integer) r[3], r[4].equals(r[5])))
                .toList();
    }

    /**
     * Removes an item with its versions, renditions and texts; refused while a published revision
     * shows it, naming the articles. Drafts that show it then show nothing there.
     */
    public void delete(long itemId, Actor actor) {
        EditorialPermissions.requireManageMedia(actor);
        MediaItem item = em.find(MediaItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw notFound(itemId);
        }
        List<Long> articles = em.createQuery("select distinct a.id from MediaUsage u join u.revision r join r.variant v join v.article a"
                        + " join v.live l where u.itemId = :item and l.id = r.id order by a.id", Long.class)
                .setParameter("item", itemId)
                .getResultList();
        if (!articles.isEmpty()) {
            throw new BusinessException.Conflict("media-in-use", "Image " + itemId + " is shown by the published articles "
                    + articles.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "; remove it from them and publish them first");
        }
        Set<String> blobs = new HashSet<>();
        for (MediaVersion version : versions(itemId)) {
            for (Rendition rendition : version.getRenditions()) {
                blobs.add(rendition.getBlobHash());
                em.remove(rendition);
            }
            em.remove(version);
        }
        em.createQuery("delete from MediaUsage u where u.itemId = :item").setParameter("item", itemId).executeUpdate();
        em.createQuery("delete from MediaText t where t.itemId = :item").setParameter("item", itemId).executeUpdate();
        em.remove(item);
        em.flush();
        // bytes another item's rendition still uses (the same image uploaded twice) stay
        List<String> kept = blobs.isEmpty() ? List.of() : em.createQuery(
                        "select distinct r.blobHash from Rendition r where r.blobHash in :hashes", String.class)
                .setParameter("hashes", blobs)
                .getResultList();
        blobs.removeAll(kept);
        store.remove(blobs);
    }

    /** A rendition, whoever shows it: for the editorial team, who see the images of drafts too. */
    public Optional<Rendition> rendition(long itemId, int version, int width, String ext) {
        return em.createQuery("select r from Rendition r where r.version.item.id = :item"
                        + " and r.version.number = :version and r.width = :width and r.ext = :ext", Rendition.class)
                .setParameter("item", itemId)
                .setParameter("version", version)
                .setParameter("width", width)
                .setParameter("ext", ext)
                .getResultStream()
                .findFirst();
    }

    /** A rendition, if a live revision shows its version or, for a valid preview link, that link's revision does. */
    public Optional<Rendition> shown(long itemId, int version, int width, String ext, PreviewLink preview) {
        Optional<Rendition> rendition = rendition(itemId, version, width, ext);
        if (rendition.isEmpty()) {
            return Optional.empty();
        }
        boolean shown = preview == null
                ? !em.createQuery("select u.itemId from MediaUsage u join u.revision r join r.variant v join v.live l"
                                + " where u.itemId = :item and u.version = :version and l.id = r.id", Long.class)
                        .setParameter("item", itemId).setParameter("version", version).setMaxResults(1).getResultList().isEmpty()
                : !em.createQuery("select u.itemId from MediaUsage u join u.revision r join r.variant v"
                                + " where u.itemId = :item and u.version = :version and v.article.id = :article"
                                + " and v.locale = :locale and r.number = :number", Long.class)
                        .setParameter("item", itemId).setParameter("version", version)
                        .setParameter("article", preview.articleId()).setParameter("locale", preview.locale())
                        .setParameter("number", preview.revision()).setMaxResults(1).getResultList().isEmpty();
        return shown ? rendition : Optional.empty();
    }

    public Optional<byte[]> bytes(Rendition rendition) {
        return store.get(rendition.getBlobHash());
    }

    /** Records which versions a newly saved revision shows. */
    void recordUsage(Revision revision, List<long[]> shown) {
        Set<String> seen = new HashSet<>();
        List<MediaUsage> usage = new ArrayList<>();
        for (long[] itemAndVersion : shown) {
            if (seen.add(itemAndVersion[0] + "@" + itemAndVersion[1])) {
                usage.add(new MediaUsage(revision, itemAndVersion[0], (int) itemAndVersion[1]));
            }
        }
        usage.forEach(em::persist);
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static BusinessException notFound(long itemId) {
        return new BusinessException.NotFound("There is no image " + itemId + " in the media library");
    }
}
