-- One search document per article for the editorial articles list (admin/control/ArticleList): the
-- words of the current revisions of all its locales (V7's revision.search_words, joined, not parsed
-- again). Searching the revisions found each match five times over (one per locale) and then had to
-- find their articles: about 35 ms for a word in 1 % of 100 000 articles × 5 locales; the article's
-- own document finds the articles at once, and its statistics tell the planner how rare a word is.
-- A trigger on variant keeps it, in the transaction of the save that makes a revision current,
-- whichever code path saves (editor, API, workflow); the article row is written by that save anyway.
-- Without positions (strip): a prefix search needs only the words, and the document stays a fraction of
-- the five revisions' (a tsvector holds at most 1 MB).
create aggregate tsvector_agg(tsvector) (sfunc = tsvector_concat, stype = tsvector, initcond = '');

alter table article add column search_words tsvector;

create function article_search_words() returns trigger language plpgsql as $$
begin
    update article a set search_words = (select tsvector_agg(strip(r.search_words)) from variant v
            join revision r on r.id = v.current_revision_id where v.article_id = new.article_id)
        where a.id = new.article_id;
    return null;
end;
$$;

create trigger variant_search_words_insert after insert on variant
    for each row when (new.current_revision_id is not null) execute function article_search_words();
create trigger variant_search_words_update after update of current_revision_id on variant
    for each row when (new.current_revision_id is distinct from old.current_revision_id)
    execute function article_search_words();

update article a set search_words = s.words
    from (select v.article_id, tsvector_agg(strip(r.search_words)) as words from variant v
          join revision r on r.id = v.current_revision_id group by v.article_id) s
    where a.id = s.article_id;
update article set search_words = '' where search_words is null;
alter table article alter column search_words set default '';
alter table article alter column search_words set not null;
create index article_search on article using gin (search_words);
