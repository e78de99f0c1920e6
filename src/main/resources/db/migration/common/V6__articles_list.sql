-- The editorial articles list (admin/articles.xhtml, admin/control/ArticleList) pages through every
-- article by keyset, sorted by last change or title. Both are kept on the article itself, so that
-- a page is an index range, whatever the number of articles: the last change of any of its locale
-- variants, and the title of its source locale's current revision.
alter table article add column updated_at timestamp with time zone;
alter table article add column title varchar(200);
update article set updated_at = (select max(v.updated_at) from variant v where v.article_id = article.id),
    title = (select r.title from variant v join revision r on r.id = v.current_revision_id
             where v.article_id = article.id and v.locale = article.source_locale);
update article set updated_at = created_at where updated_at is null;
update article set title = '' where title is null;
alter table article alter column updated_at set not null;
alter table article alter column title set not null;

create index article_updated on article (updated_at, id);
create index article_title on article (title, id);
create index article_author on article (created_by, updated_at, id);

-- filters: the revision a variant shows (search, topics), states, assigned reviewers, topics
create index variant_current_revision on variant (current_revision_id);
create index variant_state on variant (state, locale);
create index variant_reviewer on variant (assigned_reviewer);
create index revision_topic_topic on revision_topic (topic, revision_id);
-- the last sign-off of a variant's live revision: next review date and "due for re-review"
create index medical_review_signoff on medical_review (variant_id, revision_id, reviewed_at);
