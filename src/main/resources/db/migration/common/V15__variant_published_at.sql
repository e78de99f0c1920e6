-- When the revision readers see of each variant was published: the sitemaps' lastmod and the order of
-- a locale's index (newest first). Set by ArticleVariant.publish, cleared when the variant goes
-- offline, so it is not null exactly while a revision is live. Backfilled from the audit trail's
-- newest step that published the live revision; without one (data older than the trail), from the
-- variant's last change when nothing was written since, else from when the live revision was written.
alter table variant add column published_at timestamp with time zone;
update variant set published_at = coalesce(
    (select max(e.occurred_at) from audit_event e join revision r on r.id = variant.live_revision_id
     where e.article_id = variant.article_id and e.locale = variant.locale and e.to_state = 'published'
       and e.revision_no = r.revision_no),
    case when variant.current_revision_id = variant.live_revision_id then variant.updated_at
         else (select r.created_at from revision r where r.id = variant.live_revision_id) end)
where live_revision_id is not null;

-- a locale's index, newest first, and its count: a range of this index
create index variant_published on variant (locale, published_at, id);
-- a locale's sitemap files, in the order of their articles, read by keyset
create index variant_published_article on variant (locale, article_id, published_at);
