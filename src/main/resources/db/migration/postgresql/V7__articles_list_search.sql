-- Full-text search of the editorial articles list over title, summary and body (admin/control/ArticleList).
-- The 'simple' configuration, not the language's own: editors search every language at once for
-- the words as written (drug names, terms, a slug-like word), and one index serves them all; each
-- word is matched as a prefix, which finds "vaccin" in "vaccination" in any language, where a
-- stemmer of the wrong language would change the word. An expression index rather than a generated
-- column: revisions are append-only history (V3 refuses updates), and the row stays as it is.
create index revision_search on revision
    using gin (to_tsvector('simple'::regconfig, title || ' ' || summary || ' ' || body));
