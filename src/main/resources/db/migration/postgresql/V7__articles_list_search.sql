-- Full-text search of the editorial articles list over title, summary and body (admin/control/ArticleList).
-- The 'simple' configuration, not the language's own: editors search every language at once for
-- the words as written (drug names, terms, a slug-like word), and one index serves them all; each
-- word is matched as a prefix, which finds "vaccin" in "vaccination" in any language, where a
-- stemmer of the wrong language would change the word.
-- A stored generated column rather than an expression index: the list checks it row by row while
-- it walks the articles in their order (a common word), and parsing the body again for each row
-- cost about 65 µs a revision; a stored tsvector is checked in about 1 µs. Adding it rewrites the
-- table once; no row trigger fires (V3's append-only triggers concern UPDATE and DELETE).
alter table revision add column search_words tsvector
    generated always as (to_tsvector('simple'::regconfig, title || ' ' || summary || ' ' || body)) stored;
create index revision_search on revision using gin (search_words);
