-- Whether a translation's readers see an older source revision than the source's live one: the
-- translation status "outdated", kept on the variant so that the lists of outdated translations
-- (GET /api/translations?status=outdated, the dashboard, the articles list's filter) are a range
-- of an index instead of a look at every article of the library. Set by OutdatedTranslations after
-- each workflow step and batch import, from what is live.
alter table variant add column outdated boolean default false not null;
update variant set outdated = exists (
    select 1 from article a
    join variant s on s.article_id = a.id and s.locale = a.source_locale
    join revision sl on sl.id = s.live_revision_id
    join revision tl on tl.id = variant.live_revision_id
    where a.id = variant.article_id and variant.locale <> a.source_locale and tl.source_revision < sl.revision_no);

create index variant_outdated on variant (locale, outdated, article_id);
