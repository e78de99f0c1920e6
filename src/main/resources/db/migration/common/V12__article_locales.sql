-- The locales an article has a variant in, sorted and separated by spaces, kept on the article
-- (Article.added) for the articles list's "missing" filter (admin/control/ArticleList): an article
-- that lacks an enabled locale is one whose locales are not all the enabled ones, and the index
-- finds the few such articles, where checking the variants of each article visited them all.
alter table article add column locales varchar(400) default '' not null;
update article set locales = coalesce((select string_agg(v.locale, ' ' order by v.locale) from variant v
    where v.article_id = article.id), '');
create index article_locales on article (locales);
