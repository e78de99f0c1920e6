-- The editorial articles list (admin/articles.xhtml, admin/control/ArticleList) pages through every
-- article by keyset, sorted by last change, title or next review. These are kept on the article
-- itself, so that a page is an index range whatever the number of articles: the last change of any
-- of its locale variants and the title of its source locale's current revision (ArticleVariant
-- keeps them), and the earliest last sign-off of what readers see in any locale (ReReviews keeps
-- it, and each variant's own, on every step that changes what readers see).
alter table article add column updated_at timestamp with time zone;
alter table article add column title varchar(200);
alter table article add column signed_off_at timestamp with time zone;
alter table variant add column live_signed_off_at timestamp with time zone;
update article set updated_at = (select max(v.updated_at) from variant v where v.article_id = article.id),
    title = (select r.title from variant v join revision r on r.id = v.current_revision_id
             where v.article_id = article.id and v.locale = article.source_locale);
update article set updated_at = created_at where updated_at is null;
update variant set live_signed_off_at = (select max(m.reviewed_at) from medical_review m where m.variant_id = variant.id
    and m.revision_id = variant.live_revision_id and m.decision <> 'REJECTED') where live_revision_id is not null;
update article set signed_off_at = (select min(v.live_signed_off_at) from variant v where v.article_id = article.id);
update article set title = '' where title is null;
alter table article alter column updated_at set not null;
alter table article alter column title set not null;

create index article_updated on article (updated_at, id);
create index article_title on article (title, id);
create index article_author on article (created_by, updated_at, id);
create index article_signed_off on article (signed_off_at, id);

-- filters: the revision a variant shows (search, topics), states, assigned reviewers, topics
create index variant_current_revision on variant (current_revision_id);
create index variant_state on variant (state, locale);
create index variant_reviewer on variant (assigned_reviewer);
create index revision_topic_topic on revision_topic (topic, revision_id);
-- the last sign-off of a variant's live revision (ReReviews.lastSignOff)
create index medical_review_signoff on medical_review (variant_id, revision_id, reviewed_at);
